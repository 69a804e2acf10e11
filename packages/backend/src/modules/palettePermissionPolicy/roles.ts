import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';

/** The Palette roles, in the order the README and the tests list them. */
export const PALETTE_ROLES = [
  'profileAdmin',
  'clusterAdmin',
  'developer',
  'fleetReader',
] as const;

export type PaletteRole = (typeof PALETTE_ROLES)[number];

/** The members of each role: normalised, lower-case entity refs. */
export type RoleMembers = ReadonlyMap<PaletteRole, ReadonlySet<string>>;

export const ROLES_CONFIG_KEY = 'palette.governance.roles';

const isRole = (key: string): key is PaletteRole =>
  (PALETTE_ROLES as readonly string[]).includes(key);

/**
 * Entity refs compare case-insensitively in Backstage, and ownership refs
 * from tokens are already full refs; normalising both sides the same way
 * lets `team-apollo`, `group:team-apollo` and `Group:default/Team-Apollo`
 * all name the same group.
 */
export function normaliseRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}

/**
 * Reads `palette.governance.roles`. An unknown role name or a malformed
 * entity ref fails the backend's start: a typo would otherwise silently
 * leave a team without the access it was meant to have.
 */
export function readRoleMembers(config: Config): RoleMembers {
  const roles = config.getOptionalConfig(ROLES_CONFIG_KEY);
  const members = new Map<PaletteRole, ReadonlySet<string>>();
  for (const role of roles?.keys() ?? []) {
    if (!isRole(role)) {
      throw new Error(
        `Unknown Palette role '${role}' in ${ROLES_CONFIG_KEY}; expected one of ${PALETTE_ROLES.join(
          ', ',
        )}`,
      );
    }
    const refs = roles!.getStringArray(role).map(ref => {
      try {
        return normaliseRef(ref);
      } catch (error) {
        throw new Error(
          `Invalid entity ref '${ref}' in ${ROLES_CONFIG_KEY}.${role}: ${error}`,
        );
      }
    });
    members.set(role, new Set(refs));
  }
  return members;
}

/** The roles a user holds through any of their ownership refs. */
export function rolesOf(
  members: RoleMembers,
  ownershipEntityRefs: readonly string[],
): Set<PaletteRole> {
  const owned = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
  return new Set(
    PALETTE_ROLES.filter(role =>
      owned.some(ref => members.get(role)?.has(ref)),
    ),
  );
}
