import { usePermission } from '@backstage/plugin-permission-react';
import {
  paletteProfileCreatePermission,
  paletteProfileDeletePermission,
  paletteProfilePublishPermission,
  paletteProfileUpdatePermission,
} from '@palette-backstage/plugin-palette-common';

/** Whether the signed-in user may create cluster profiles. */
export function useCanCreateProfile(): { loading: boolean; allowed: boolean } {
  const { loading, allowed } = usePermission({
    permission: paletteProfileCreatePermission,
  });
  return { loading, allowed };
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

/** What the signed-in user may do with the named cluster profile. */
export function useProfilePermissions(name: string): ProfilePermissions {
  const update = usePermission({
    permission: paletteProfileUpdatePermission,
    resourceRef: name,
  });
  const publish = usePermission({
    permission: paletteProfilePublishPermission,
    resourceRef: name,
  });
  const remove = usePermission({
    permission: paletteProfileDeletePermission,
    resourceRef: name,
  });
  return {
    loading: update.loading || publish.loading || remove.loading,
    canUpdate: update.allowed,
    canPublish: publish.allowed,
    canDelete: remove.allowed,
  };
}
