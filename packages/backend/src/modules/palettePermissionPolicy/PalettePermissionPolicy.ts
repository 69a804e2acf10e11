import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createPaletteClusterConditionalDecision,
  paletteClusterConditions,
} from '@palette-backstage/plugin-palette-backend';
import { PALETTE_CLUSTER_RESOURCE_TYPE } from '@palette-backstage/plugin-palette-common';
import { grantFor, paletteAccessTable } from './accessTable';
import { RoleMembers, rolesOf } from './roles';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Every Palette permission is named `palette.*` (see palette-common). */
const isPalettePermission = (permission: Permission) =>
  permission.name.startsWith('palette.');

/**
 * The portal's permission policy: role-based for the Palette suite (see
 * `accessTable.ts`), and allow-all for everything else so the rest of the
 * portal behaves as before.
 *
 * Service principals never reach a policy: the permissions service decides
 * their requests itself, from their access restrictions. A query without a
 * user therefore comes from an unauthenticated caller, which gets no Palette
 * permission at all.
 */
export class PalettePermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      members: RoleMembers;
      userInfo: UserInfoService;
    },
  ) {}

  async handle(
    { permission }: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPalettePermission(permission)) return ALLOW;
    // Fail closed: a new Palette permission is denied until it has a row.
    const rule = paletteAccessTable.get(permission.name);
    if (!user || !rule) return DENY;

    // The user info service, not the deprecated `user.info`, is the
    // supported way to get ownership refs; it caches per token.
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      user.credentials,
    );
    const grant = grantFor(
      rule,
      rolesOf(this.options.members, ownershipEntityRefs),
    );
    if (grant === 'allow') return ALLOW;
    if (
      grant === 'ownClusters' &&
      isResourcePermission(permission, PALETTE_CLUSTER_RESOURCE_TYPE)
    ) {
      return createPaletteClusterConditionalDecision(
        permission,
        paletteClusterConditions.isClusterOwner({
          claims: [...ownershipEntityRefs],
        }),
      );
    }
    return DENY;
  }
}
