import {
  paletteClusterCreatePermission,
  paletteClusterDeletePermission,
  paletteClusterKubeconfigPermission,
  paletteClusterUpdatePermission,
} from '@palette-backstage/plugin-palette-common';
import { useAllowed, useResourcePermissions } from './useResourcePermissions';

/** Whether the signed-in user may request clusters. */
export function useCanCreateCluster(): { loading: boolean; allowed: boolean } {
  return useAllowed(paletteClusterCreatePermission);
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

const CLUSTER_PERMISSIONS = {
  canUpdate: paletteClusterUpdatePermission,
  canDelete: paletteClusterDeletePermission,
  canDownloadKubeconfig: paletteClusterKubeconfigPermission,
};

/** What the signed-in user may do with the named cluster. */
export function useClusterPermissions(name: string): ClusterPermissions {
  return useResourcePermissions(name, CLUSTER_PERMISSIONS);
}
