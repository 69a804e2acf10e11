import { useApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  paletteClusterDeletePermission,
  paletteClusterUpdatePermission,
} from '@palette-backstage/plugin-palette-common';
import useAsync from 'react-use/esm/useAsync';

/** What the signed-in user may do with one cluster of a list. */
export interface ListedClusterPermissions {
  /** Upgrade, pause and resume. */
  canUpdate: boolean;
  canDelete: boolean;
}

const NONE: ListedClusterPermissions = { canUpdate: false, canDelete: false };

/**
 * What the signed-in user may do with each of the named clusters (a page of
 * the fleet). `usePermission` answers for one resource per hook, and a page
 * has a changing number of rows, so this asks the permission API directly.
 * That API batches the questions asked in one tick into one request, so a
 * page costs one round trip. Unknown until answered, and then `false` for
 * what was not answered.
 */
export function useClusterPermissionMap(names: readonly string[]): {
  loading: boolean;
  of: (name: string) => ListedClusterPermissions;
} {
  const permissionApi = useApi(permissionApiRef);
  const key = names.join('\n');
  const { value, loading } = useAsync(async () => {
    const list = key ? key.split('\n') : [];
    const allowed = async (
      permission:
        | typeof paletteClusterUpdatePermission
        | typeof paletteClusterDeletePermission,
      resourceRef: string,
    ) =>
      // The decision is a string enum of plugin-permission-common.
      String(
        (await permissionApi.authorize({ permission, resourceRef })).result,
      ) === 'ALLOW';
    const entries = await Promise.all(
      list.map(async name => {
        const [canUpdate, canDelete] = await Promise.all([
          allowed(paletteClusterUpdatePermission, name),
          allowed(paletteClusterDeletePermission, name),
        ]);
        return [name, { canUpdate, canDelete }] as const;
      }),
    );
    return new Map<string, ListedClusterPermissions>(entries);
  }, [permissionApi, key]);
  return { loading, of: name => value?.get(name) ?? NONE };
}
