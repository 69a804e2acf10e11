import { usePermission } from '@backstage/plugin-permission-react';

type PermissionQuery = Parameters<typeof usePermission>[0];
type ResourcePermission = Extract<
  PermissionQuery,
  { resourceRef: string | undefined }
>['permission'];
type BasicPermission = Extract<
  PermissionQuery,
  { resourceRef?: never }
>['permission'];

/** Whether the signed-in user has a permission that is not about a resource. */
export function useAllowed(permission: BasicPermission): {
  loading: boolean;
  allowed: boolean;
} {
  const { loading, allowed } = usePermission({ permission });
  return { loading, allowed };
}

/**
 * Which of the named permissions the signed-in user has on one resource,
 * e.g. `{ canUpdate: updatePermission }` gives `{ loading, canUpdate }`.
 * `permissions` must name the same permissions on every render (a constant).
 */
export function useResourcePermissions<K extends string>(
  resourceRef: string,
  permissions: Record<K, ResourcePermission>,
): { loading: boolean } & Record<K, boolean> {
  const result = { loading: false } as { loading: boolean } & Record<
    K,
    boolean
  >;
  for (const key of Object.keys(permissions) as K[]) {
    // The same permissions every render, so the same hooks in the same order.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const { loading, allowed } = usePermission({
      permission: permissions[key],
      resourceRef,
    });
    result.loading = result.loading || loading;
    result[key] = allowed as (typeof result)[K];
  }
  return result;
}
