import {
  paletteAuditReadPermission,
  paletteClusterApprovePermission,
  paletteClusterCreatePermission,
  paletteClusterDeletePermission,
  paletteClusterImportPermission,
  paletteClusterKubeconfigPermission,
  paletteClusterReadPermission,
  paletteClusterUpdatePermission,
  paletteFleetReadPermission,
  palettePackManagePermission,
  palettePolicyManagePermission,
  paletteProfileCreatePermission,
  paletteProfileDeletePermission,
  paletteProfilePublishPermission,
  paletteProfileReadPermission,
  paletteProfileUpdatePermission,
  paletteRolloutManagePermission,
} from '@palette-backstage/plugin-palette-common';
import { PaletteRole } from './roles';

/**
 * How a role holds a permission: `allow` on every resource, or `ownClusters`
 * only on clusters whose owner is one of the user's ownership refs (the
 * user or one of their groups).
 */
export type Grant = 'allow' | 'ownClusters';

/** Who a grant is for: every signed-in user, or the members of a role. */
export type Audience = 'signedIn' | PaletteRole;

export type AccessRule = Readonly<Partial<Record<Audience, Grant>>>;

/**
 * The whole Palette decision table, in one place so that it can be read,
 * reviewed and documented (README, "Roles and permissions") as a table.
 * Whoever a row does not name is denied; a user in several roles gets the
 * broadest of their grants. Rows name the exported permission objects,
 * never string literals, so a typo cannot compile; a test checks that every
 * Palette permission has a row.
 */
export const paletteAccessTable: ReadonlyMap<string, AccessRule> = new Map<
  string,
  AccessRule
>([
  [paletteProfileReadPermission.name, { signedIn: 'allow' }],
  [paletteProfileCreatePermission.name, { profileAdmin: 'allow' }],
  [paletteProfileUpdatePermission.name, { profileAdmin: 'allow' }],
  [paletteProfilePublishPermission.name, { profileAdmin: 'allow' }],
  [paletteProfileDeletePermission.name, { profileAdmin: 'allow' }],
  [palettePackManagePermission.name, { profileAdmin: 'allow' }],
  [
    paletteClusterReadPermission.name,
    { clusterAdmin: 'allow', fleetReader: 'allow', developer: 'ownClusters' },
  ],
  [
    paletteClusterCreatePermission.name,
    { clusterAdmin: 'allow', developer: 'allow' },
  ],
  [
    paletteClusterUpdatePermission.name,
    { clusterAdmin: 'allow', developer: 'ownClusters' },
  ],
  [
    paletteClusterDeletePermission.name,
    { clusterAdmin: 'allow', developer: 'ownClusters' },
  ],
  [
    paletteClusterKubeconfigPermission.name,
    { clusterAdmin: 'allow', developer: 'ownClusters' },
  ],
  // The palette backend also requires the governance policy's approver group.
  [paletteClusterApprovePermission.name, { clusterAdmin: 'allow' }],
  [palettePolicyManagePermission.name, { clusterAdmin: 'allow' }],
  [paletteClusterImportPermission.name, { clusterAdmin: 'allow' }],
  [paletteRolloutManagePermission.name, { clusterAdmin: 'allow' }],
  [
    paletteFleetReadPermission.name,
    { clusterAdmin: 'allow', fleetReader: 'allow' },
  ],
  [
    paletteAuditReadPermission.name,
    { clusterAdmin: 'allow', profileAdmin: 'allow', fleetReader: 'allow' },
  ],
]);

/**
 * The broadest grant the user holds for a permission: `allow` wins over
 * `ownClusters`; `undefined` means denied.
 */
export function grantFor(
  rule: AccessRule,
  roles: ReadonlySet<PaletteRole>,
): Grant | undefined {
  const grants = (Object.keys(rule) as Audience[])
    .filter(audience => audience === 'signedIn' || roles.has(audience))
    .map(audience => rule[audience]);
  if (grants.includes('allow')) return 'allow';
  return grants.includes('ownClusters') ? 'ownClusters' : undefined;
}
