import {
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  paletteClusterDeletePermission,
  paletteClusterUpdatePermission,
  paletteProfileCreatePermission,
} from '@palette-backstage/plugin-palette-common';
import request from 'supertest';
import palettePermissionPolicy from '.';
import { ownershipOf, testRoles, testUserInfo } from './testFixtures';

jest.setTimeout(60_000);

/**
 * Starts the real permission backend with this module as its only policy,
 * plus a probe plugin that hands out its permissions service, so that the
 * tests can ask as other plugins do.
 */
async function startPermissionBackend() {
  let permissions: PermissionsService | undefined;
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(reg) {
      reg.registerInit({
        deps: { service: coreServices.permissions },
        async init({ service }) {
          permissions = service;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      permissionPlugin,
      palettePermissionPolicy,
      probe,
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => testUserInfo,
      }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          palette: { governance: { roles: testRoles } },
        },
      }),
    ],
  });
  return { backend, permissions: permissions! };
}

describe('palette permission policy module', () => {
  let started: Awaited<ReturnType<typeof startPermissionBackend>>;
  beforeAll(async () => {
    started = await startPermissionBackend();
  });
  afterAll(() => started?.backend.stop());

  /** POSTs one permission to the permission backend's /authorize. */
  const authorize = (token: string, permission: Permission) =>
    request(started.backend.server)
      .post('/api/permission/authorize')
      .set('Authorization', `Bearer ${token}`)
      .send({ items: [{ id: '1', permission }] });

  it('decides what the permission backend answers to signed-in users', async () => {
    const admin = await authorize(
      mockCredentials.user.token('user:default/priya'),
      paletteProfileCreatePermission,
    );
    expect(admin.status).toBe(200);
    expect(admin.body.items).toEqual([
      { id: '1', result: AuthorizeResult.ALLOW },
    ]);

    const developer = await authorize(
      mockCredentials.user.token('user:default/alice'),
      paletteProfileCreatePermission,
    );
    expect(developer.body.items).toEqual([
      { id: '1', result: AuthorizeResult.DENY },
    ]);
  });

  it('answers plugins with conditions on the clusters a developer owns', async () => {
    // The palette plugin asks on behalf of the user (the token names it as
    // the actor), which lets it ask without a resourceRef and filter its
    // store by the conditions.
    const token = mockCredentials.user.token('user:default/alice', {
      actor: { subject: 'plugin:palette' },
    });
    const res = await authorize(token, paletteClusterUpdatePermission);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: '1',
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'palette',
        resourceType: 'palette-cluster',
        conditions: {
          rule: 'IS_CLUSTER_OWNER',
          resourceType: 'palette-cluster',
          params: { claims: ownershipOf['user:default/alice'] },
        },
      },
    ]);
  });

  it('decides for users through the permissions service, and allows service principals', async () => {
    const deleteCluster = [
      { permission: paletteClusterDeletePermission, resourceRef: 'c1' },
    ];
    const resultFor = async (credentials: BackstageCredentials) =>
      (await started.permissions.authorize(deleteCluster, { credentials }))[0]
        .result;

    expect(await resultFor(mockCredentials.user('user:default/sam'))).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await resultFor(mockCredentials.user('user:default/visitor'))).toBe(
      AuthorizeResult.DENY,
    );
    // Service principals are decided by the permissions service itself.
    expect(await resultFor(mockCredentials.service('plugin:catalog'))).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
