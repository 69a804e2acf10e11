import { usePermission } from '@backstage/plugin-permission-react';
import {
  paletteClusterCreatePermission,
  paletteClusterDeletePermission,
  paletteClusterKubeconfigPermission,
  paletteClusterUpdatePermission,
} from '@palette-backstage/plugin-palette-common';

/** Whether the signed-in user may request clusters. */
export function useCanCreateCluster(): { loading: boolean; allowed: boolean } {
  const { loading, allowed } = usePermission({
    permission: paletteClusterCreatePermission,
  });
  return { loading, allowed };
}

/** What the signed-in user may do with one cluster. */
export interface ClusterPermissions {
  loading: boolean;
  /** Upgrade, scale, add and remove pools, pause and resume. */
  canUpdate: boolean;
  /** Delete, and force-delete when deletion is stuck. */
  canDelete: boolean;
  /** Download the admin kubeconfig. */
  canDownloadKubeconfig: boolean;
}

/** What the signed-in user may do with the named cluster. */
export function useClusterPermissions(name: string): ClusterPermissions {
  const update = usePermission({
    permission: paletteClusterUpdatePermission,
    resourceRef: name,
  });
  const remove = usePermission({
    permission: paletteClusterDeletePermission,
    resourceRef: name,
  });
  const kubeconfig = usePermission({
    permission: paletteClusterKubeconfigPermission,
    resourceRef: name,
  });
  return {
    loading: update.loading || remove.loading || kubeconfig.loading,
    canUpdate: update.allowed,
    canDelete: remove.allowed,
    canDownloadKubeconfig: kubeconfig.allowed,
  };
}
