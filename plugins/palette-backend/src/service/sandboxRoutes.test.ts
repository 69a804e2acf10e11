import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { KubeConfig } from '@kubernetes/client-node';
import request from 'supertest';
import { palettePlugin } from '../plugin';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(60_000);

const alice = mockCredentials.user.header('user:default/alice');
const policy = createSteeredPolicy();

async function startBackend() {
  return startTestBackend({
    features: [
      palettePlugin,
      steeredPermissions(policy).factory,
      mockServices.rootConfig.factory({
        data: {
          palette: {
            managementClusters: [
              { name: 'sim', type: 'embedded', speed: 'instant' },
            ],
          },
        },
      }),
    ],
  });
}

describe('sandbox routes', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend.stop());
  afterEach(() => policy.denied.clear());

  const get = (path: string, auth = alice) =>
    request(backend.server)
      .get(`/api/palette${path}`)
      .set('authorization', auth);

  it("lists the embedded simulator's existing clusters and hands out a kubeconfig that reaches one", async () => {
    const list = await get('/sandbox/existing-clusters');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        {
          managementCluster: 'sim',
          name: 'legacy-payments',
          health: 'healthy',
        },
      ]),
    );

    const res = await get(
      '/sandbox/existing-clusters/sim/legacy-payments/kubeconfig',
    );
    expect(res.status).toBe(200);
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(res.text);
    expect(kubeConfig.getCurrentCluster()?.server).toMatch(
      /\/workload\/existing\/legacy-payments$/,
    );
  });

  it('answers 404 for unknown clusters and management clusters', async () => {
    expect(
      (await get('/sandbox/existing-clusters/sim/nowhere/kubeconfig')).status,
    ).toBe(404);
    expect(
      (await get('/sandbox/existing-clusters/real/legacy-payments/kubeconfig'))
        .status,
    ).toBe(404);
  });

  it('needs palette.cluster.import and a signed-in user', async () => {
    policy.denied.add('palette.cluster.import');
    expect((await get('/sandbox/existing-clusters')).status).toBe(403);
    expect(
      (await get('/sandbox/existing-clusters/sim/legacy-payments/kubeconfig'))
        .status,
    ).toBe(403);
    policy.denied.clear();
    expect(
      (
        await get(
          '/sandbox/existing-clusters',
          mockCredentials.service.header(),
        )
      ).status,
    ).toBe(403);
  });
});
