import {
  paletteAuditReadPermission,
  paletteClusterApprovePermission,
  palettePolicyManagePermission,
} from '@palette-backstage/plugin-palette-common';
import { useAllowed, useResourcePermissions } from './useResourcePermissions';

/** Whether the signed-in user may change governance policies and team quotas. */
export function useCanManagePolicies(): { loading: boolean; allowed: boolean } {
  return useAllowed(palettePolicyManagePermission);
}

/** Whether the signed-in user may read the audit log. */
export function useCanReadAudit(): { loading: boolean; allowed: boolean } {
  return useAllowed(paletteAuditReadPermission);
}

const APPROVE_PERMISSIONS = { canApprove: paletteClusterApprovePermission };

/**
 * Whether the signed-in user holds `palette.cluster.approve` for the named
 * cluster. palette-backend also requires membership of the approver group
 * and refuses the requester; `useSignedInUser` tells those apart.
 */
export function useCanApproveCluster(name: string): {
  loading: boolean;
  canApprove: boolean;
} {
  return useResourcePermissions(name, APPROVE_PERMISSIONS);
}
