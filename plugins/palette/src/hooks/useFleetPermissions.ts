import { paletteFleetReadPermission } from '@palette-backstage/plugin-palette-common';
import { useAllowed } from './useResourcePermissions';

/** Whether the signed-in user may read fleet-wide cost and compliance. */
export function useCanReadFleet(): { loading: boolean; allowed: boolean } {
  return useAllowed(paletteFleetReadPermission);
}
