import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { palettePermissions } from '@palette-backstage/plugin-palette-common';
import { PalettePermissionPolicy } from './PalettePermissionPolicy';
import { readRoleMembers } from './roles';
import { ownershipOf, testRoles, testUserInfo } from './testFixtures';

const policy = new PalettePermissionPolicy({
  members: readRoleMembers(
    new ConfigReader({ palette: { governance: { roles: testRoles } } }),
  ),
  userInfo: testUserInfo,
});

/** The user the auth backend would hand the policy for a signed-in user. */
function signedIn(userEntityRef: string): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: ownershipOf[userEntityRef] },
  };
}

const decide = (permission: Permission, user?: PolicyQueryUser) =>
  policy.handle({ permission }, user);

const permissionNamed = (name: string) => {
  const permission = palettePermissions.find(p => p.name === name);
  if (!permission) throw new Error(`No Palette permission ${name}`);
  return permission;
};

/** A user holding each role alone, and one holding none, in column order. */
const columns = {
  profileAdmin: 'user:default/curator',
  clusterAdmin: 'user:default/sam',
  developer: 'user:default/alice',
  fleetReader: 'user:default/erin',
  noRole: 'user:default/visitor',
};

/**
 * The specification, written independently of `accessTable.ts`:
 * A = allow, C = conditional on owning the cluster, D = deny.
 */
// prettier-ignore
const expected: Record<string, string> = {
  //                            profileAdmin clusterAdmin developer fleetReader noRole
  'palette.profile.read':       'A A A A A',
  'palette.profile.create':     'A D D D D',
  'palette.profile.update':     'A D D D D',
  'palette.profile.publish':    'A D D D D',
  'palette.profile.delete':     'A D D D D',
  'palette.pack.manage':        'A D D D D',
  'palette.cluster.read':       'D A C A D',
  'palette.cluster.create':     'D A A D D',
  'palette.cluster.update':     'D A C D D',
  'palette.cluster.delete':     'D A C D D',
  'palette.cluster.kubeconfig': 'D A C D D',
  'palette.cluster.approve':    'D A D D D',
  'palette.policy.manage':      'D A D D D',
  'palette.cluster.import':     'D A D D D',
  'palette.rollout.manage':     'D A D D D',
  'palette.fleet.read':         'D A D A D',
  'palette.audit.read':         'A A D A D',
};

type Expectation = 'A' | 'C' | 'D';
const expectationsOf = (name: string) =>
  expected[name].split(' ') as Expectation[];

/** The decision an expectation stands for, for the given user. */
function decisionFor(
  expectation: Expectation,
  userEntityRef: string,
): PolicyDecision {
  if (expectation === 'A') return { result: AuthorizeResult.ALLOW };
  if (expectation === 'D') return { result: AuthorizeResult.DENY };
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'palette',
    resourceType: 'palette-cluster',
    conditions: {
      rule: 'IS_CLUSTER_OWNER',
      resourceType: 'palette-cluster',
      params: { claims: ownershipOf[userEntityRef] },
    },
  };
}

const cases = Object.keys(expected).flatMap(name =>
  Object.entries(columns).map(([role, user], i) => ({
    name,
    role,
    user,
    expectation: expectationsOf(name)[i],
  })),
);

describe('PalettePermissionPolicy', () => {
  it('specifies every Palette permission, and only those', () => {
    expect(Object.keys(expected).sort()).toEqual(
      palettePermissions.map(p => p.name).sort(),
    );
  });

  it.each(cases)(
    '$name for $role ($user): $expectation',
    async ({ name, user, expectation }) => {
      expect(await decide(permissionNamed(name), signedIn(user))).toEqual(
        decisionFor(expectation, user),
      );
    },
  );

  it.each([
    ['user:default/priya', ['profileAdmin', 'clusterAdmin']],
    ['user:default/lee', ['developer', 'fleetReader']],
  ] as const)(
    'gives %s, in two roles, the broadest grant of either role',
    async (user, roles) => {
      const strength: Expectation[] = ['D', 'C', 'A'];
      for (const name of Object.keys(expected)) {
        const broadest = roles
          .map(role => expectationsOf(name)[Object.keys(columns).indexOf(role)])
          .reduce((a, b) =>
            strength.indexOf(a) >= strength.indexOf(b) ? a : b,
          );
        expect(await decide(permissionNamed(name), signedIn(user))).toEqual(
          decisionFor(broadest, user),
        );
      }
    },
  );

  describe('outside the Palette suite', () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    const templateRun = createPermission({
      name: 'scaffolder.action.execute',
      attributes: {},
      resourceType: 'scaffolder-action',
    });

    it.each([catalogRead, templateRun])(
      'allows $name to a user in no role and to an unauthenticated caller',
      async permission => {
        const allow = { result: AuthorizeResult.ALLOW };
        expect(await decide(permission, signedIn(columns.noRole))).toEqual(
          allow,
        );
        expect(await decide(permission)).toEqual(allow);
      },
    );
  });

  it('denies every Palette permission to an unauthenticated caller', async () => {
    for (const permission of palettePermissions) {
      expect(await decide(permission)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('denies a Palette permission the decision table does not know yet', async () => {
    const future = createPermission({
      name: 'palette.future.manage',
      attributes: { action: 'update' },
    });
    expect(await decide(future, signedIn('user:default/priya'))).toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
