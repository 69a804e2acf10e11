import {
  paletteProfileCreatePermission,
  paletteProfileDeletePermission,
  paletteProfilePublishPermission,
  paletteProfileUpdatePermission,
} from '@palette-backstage/plugin-palette-common';
import { useAllowed, useResourcePermissions } from './useResourcePermissions';

/** Whether the signed-in user may create cluster profiles. */
export function useCanCreateProfile(): { loading: boolean; allowed: boolean } {
  return useAllowed(paletteProfileCreatePermission);
}

/** What the signed-in user may do with one cluster profile. */
export interface ProfilePermissions {
  loading: boolean;
  /** Edit, save and validate the draft. */
  canUpdate: boolean;
  /** Publish versions and deprecate them. */
  canPublish: boolean;
  /** Delete versions and the profile. */
  canDelete: boolean;
}

const PROFILE_PERMISSIONS = {
  canUpdate: paletteProfileUpdatePermission,
  canPublish: paletteProfilePublishPermission,
  canDelete: paletteProfileDeletePermission,
};

/** What the signed-in user may do with the named cluster profile. */
export function useProfilePermissions(name: string): ProfilePermissions {
  return useResourcePermissions(name, PROFILE_PERMISSIONS);
}
