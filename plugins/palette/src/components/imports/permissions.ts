import { paletteClusterImportPermission } from '@palette-backstage/plugin-palette-common';
import { useAllowed } from '../../hooks';

/** Whether the signed-in user may import existing clusters. */
export function useCanImportCluster(): { loading: boolean; allowed: boolean } {
  return useAllowed(paletteClusterImportPermission);
}
