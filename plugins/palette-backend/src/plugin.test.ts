import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { palettePlugin } from './plugin';

jest.setTimeout(60_000);

describe('palette backend plugin', () => {
  it('serves /api/palette/health for signed-in users only, with the database and the embedded management cluster', async () => {
    const backend = await startTestBackend({
      features: [palettePlugin, mockServices.rootConfig.factory({ data: {} })],
    });
    try {
      const anonymous = await request(backend.server)
        .get('/api/palette/health')
        .set('authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);

      const res = await request(backend.server)
        .get('/api/palette/health')
        .set(
          'authorization',
          mockCredentials.user.header('user:default/alice'),
        );
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.checks.database.status).toBe('ok');
      expect(res.body.checks.managementClusters).toEqual([
        expect.objectContaining({
          name: 'embedded',
          type: 'embedded',
          status: 'ok',
          clusterApiServed: true,
        }),
      ]);
      // The simulator's address and token are configuration, not API output.
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|token/i);
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with an invalid management cluster configuration', async () => {
    await expect(
      startTestBackend({
        features: [
          palettePlugin,
          mockServices.rootConfig.factory({
            data: {
              palette: {
                managementClusters: [{ name: 'Bad_Name', type: 'kubeconfig' }],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/must be a DNS-1123 label.*kubeconfigPath is required/);
  });
});
