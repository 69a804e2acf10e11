import { paletteRolloutManagePermission } from '@palette-backstage/plugin-palette-common';
import { useAllowed } from '../../hooks';

/** Whether the signed-in user may create, pause, resume and roll back rollouts. */
export function useCanManageRollouts(): { loading: boolean; allowed: boolean } {
  return useAllowed(paletteRolloutManagePermission);
}

/** Why a rollout action is disabled for those without the permission. */
export const NO_ROLLOUT_PERMISSION =
  'You need the palette.rollout.manage permission to change rollouts; ask your platform team.';
