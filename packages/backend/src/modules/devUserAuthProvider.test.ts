import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authPlugin from '@backstage/plugin-auth-backend';
import request from 'supertest';
import devUserAuthProvider from './devUserAuthProvider';

jest.setTimeout(60_000);

const alice = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: { memberOf: ['team-apollo'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/team-apollo' }],
};

async function startAuth() {
  return startTestBackend({
    features: [
      authPlugin,
      devUserAuthProvider,
      catalogServiceMock.factory({ entities: [alice] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { providers: { 'dev-user': {} } },
        },
      }),
    ],
  });
}

function claimsOf(token: string) {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('dev-user auth provider', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('issues a real Backstage token for the catalog user named in the header, with their ownership', async () => {
    const backend = await startAuth();
    try {
      const res = await request(backend.server)
        .get('/api/auth/dev-user/refresh')
        .set('x-palette-dev-user', 'alice');
      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: expect.arrayContaining([
          'user:default/alice',
          'group:default/team-apollo',
        ]),
      });
      expect(claimsOf(res.body.backstageIdentity.token).sub).toBe(
        'user:default/alice',
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses users that are not in the catalog and requests without the header', async () => {
    const backend = await startAuth();
    try {
      const unknown = await request(backend.server)
        .get('/api/auth/dev-user/refresh')
        .set('x-palette-dev-user', 'mallory');
      expect(unknown.status).toBeGreaterThanOrEqual(400);
      expect(unknown.body.backstageIdentity).toBeUndefined();
      const missing = await request(backend.server).get(
        '/api/auth/dev-user/refresh',
      );
      expect(missing.status).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('is refused outside development and test unless explicitly allowed', async () => {
    const backend = await startAuth();
    try {
      process.env.NODE_ENV = 'production';
      const res = await request(backend.server)
        .get('/api/auth/dev-user/refresh')
        .set('x-palette-dev-user', 'alice');
      expect(res.status).toBe(403);
      expect(res.body.backstageIdentity).toBeUndefined();
    } finally {
      await backend.stop();
    }
  });
});
