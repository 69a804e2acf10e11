import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';

/**
 * Role configuration for the tests: the portal's own groups, plus members
 * written as a user ref, in mixed case and without kind and namespace, so
 * that every role also has a member who holds that role alone.
 */
export const testRoles = {
  profileAdmin: ['group:default/platform-team', 'user:default/curator'],
  clusterAdmin: ['group:default/platform-team', 'Group:default/SRE'],
  developer: ['group:default/team-apollo', 'team-zephyr'],
  fleetReader: ['group:default/leadership'],
};

/** Ownership refs of the test users, as the auth backend issues them. */
export const ownershipOf: Record<string, string[]> = {
  'user:default/curator': ['user:default/curator'],
  'user:default/sam': ['user:default/sam', 'group:default/sre'],
  'user:default/alice': ['user:default/alice', 'group:default/team-apollo'],
  'user:default/erin': ['user:default/erin', 'group:default/leadership'],
  'user:default/visitor': ['user:default/visitor', 'group:default/contractors'],
  // In two roles each: profileAdmin + clusterAdmin, developer + fleetReader.
  'user:default/priya': ['user:default/priya', 'group:default/platform-team'],
  'user:default/lee': [
    'user:default/lee',
    'group:default/team-zephyr',
    'group:default/leadership',
  ],
};

/** A user info service that knows the users above, and nobody else. */
export const testUserInfo: UserInfoService = {
  async getUserInfo(credentials: BackstageCredentials) {
    const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
    const ownershipEntityRefs = ownershipOf[userEntityRef];
    if (!ownershipEntityRefs) throw new Error(`Unknown user ${userEntityRef}`);
    return { userEntityRef, ownershipEntityRefs };
  },
};
