import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { palettePlugin } from '../plugin';
import {
  FAKE_TOKEN,
  FakeWorkloadCluster,
} from '../imports/__testUtils__/fakeWorkloadCluster';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(120_000);

const aliceAuth = mockCredentials.user.header('user:default/alice');
const policy = createSteeredPolicy();

async function startBackend() {
  const permissions = steeredPermissions(policy);
  return startTestBackend({
    features: [
      palettePlugin,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          palette: {
            managementClusters: [
              { name: 'm', type: 'embedded', speed: 'instant' },
            ],
            clusters: { reconcileInterval: '1s', driftCheckInterval: '1s' },
            imports: { checkInterval: '1s', callTimeout: '2s' },
          },
        },
      }),
    ],
  });
}

describe('import routes', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let workload: FakeWorkloadCluster;
  beforeEach(async () => {
    policy.denied.clear();
    workload = await FakeWorkloadCluster.start();
    backend = await startBackend();
  });
  afterEach(async () => {
    await backend.stop();
    await workload.stop();
  });

  const api = () => request(backend.server);
  const get = (path: string) =>
    api().get(`/api/palette${path}`).set('authorization', aliceAuth);
  const send = (method: 'post' | 'delete', path: string, body?: object) =>
    api()
      [method](`/api/palette${path}`)
      .set('authorization', aliceAuth)
      .send(body);
  const post = (path: string, body: object = {}) => send('post', path, body);

  const importBody = (overrides: object = {}) => ({
    name: 'legacy',
    kubeconfig: workload.kubeconfig(),
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'production',
    ...overrides,
  });

  /** Every reply must be free of the uploaded credentials. */
  const noCredentials = (res: request.Response) => {
    expect(JSON.stringify(res.body)).not.toContain(FAKE_TOKEN);
    expect(res.text).not.toContain(FAKE_TOKEN);
  };

  async function waitFor(
    name: string,
    predicate: (cluster: any) => boolean,
    timeoutMs = 30_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < deadline) {
      last = (await get(`/clusters/${name}`)).body;
      if (predicate(last)) return last;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`cluster ${name}: ${JSON.stringify(last)}`);
  }

  it('needs palette.cluster.import, and ownership of the team unless a governance admin', async () => {
    policy.denied.add('palette.cluster.import');
    const denied = await post('/clusters/import', importBody());
    expect(denied.status).toBe(403);
    policy.denied.clear();

    policy.denied.add('palette.policy.manage');
    const notMember = await post('/clusters/import', importBody());
    expect(notMember.status).toBe(403);
    expect(notMember.body.error.message).toMatch(
      /not a member of group:default\/team-apollo/,
    );
    expect((await get('/clusters/legacy')).status).toBe(404);
    expect(workload.requests).toEqual([]);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const badName = await post(
      '/clusters/import',
      importBody({ name: 'Legacy!' }),
    );
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/^Invalid request body: name: /);

    const notKubeconfig = await post(
      '/clusters/import',
      importBody({ kubeconfig: 'just: [some, yaml' }),
    );
    expect(notKubeconfig.status).toBe(400);
    expect(notKubeconfig.body.error.message).toMatch(
      /^kubeconfig: is not a kubeconfig/,
    );

    const noContext = await post(
      '/clusters/import',
      importBody({ context: 'prod' }),
    );
    expect(noContext.status).toBe(400);
    expect(noContext.body.error.message).toBe(
      'kubeconfig: has no context "prod" (it has fake)',
    );

    const exec = await post(
      '/clusters/import',
      importBody({
        kubeconfig: workload.kubeconfig({
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'rm',
          },
        }),
      }),
    );
    expect(exec.status).toBe(400);
    expect(exec.body.error.message).toMatch(/exec \(runs a command\)/);

    const addOnsReadOnly = await post(
      '/clusters/import',
      importBody({
        addOnProfiles: [{ name: 'observability', version: '1.0.0' }],
      }),
    );
    expect(addOnsReadOnly.status).toBe(400);
    expect(addOnsReadOnly.body.error.message).toMatch(
      /addOnProfiles: add-on profiles need managed mode/,
    );
    expect((await get('/clusters')).body.totalCount).toBe(0);
  });

  it('refuses clusters that do not answer or refuse the credentials, storing nothing', async () => {
    const refused = await post(
      '/clusters/import',
      importBody({ kubeconfig: workload.kubeconfig({ token: 'expired' }) }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /^kubeconfig: http:\/\/127\.0\.0\.1:\d+ cannot be used: the API server refused the credentials \(HTTP 401\)/,
    );
    expect(refused.text).not.toContain('expired');

    const body = importBody();
    await workload.stop();
    const unreachable = await post('/clusters/import', body);
    expect(unreachable.status).toBe(400);
    expect(unreachable.body.error.message).toMatch(
      /does not answer.*nothing was imported/,
    );
    expect((await get('/clusters')).body.totalCount).toBe(0);
    workload = await FakeWorkloadCluster.start();
  });

  it('imports read-only: discovered at once, never echoing credentials, audited, then detached', async () => {
    const dryRun = await post('/clusters/import?dryRun=true', importBody());
    expect(dryRun.status).toBe(200);
    // The dry run reaches the API server and shows what discovery finds there.
    expect(dryRun.body).toMatchObject({
      valid: true,
      inventory: {
        kubernetes: { distribution: 'eks' },
        nodes: [expect.anything(), expect.anything()],
      },
    });
    expect(dryRun.body.apiServer).toMatch(/^https?:\/\//);
    noCredentials(dryRun);
    expect((await get('/clusters')).body.totalCount).toBe(0);

    const imported = await post('/clusters/import', importBody());
    expect(imported.status).toBe(201);
    noCredentials(imported);
    expect(imported.body).toMatchObject({
      name: 'legacy',
      phase: 'Running',
      provider: 'eks',
      region: 'eu-west-1',
      kubernetesVersion: 'v1.32.3-eks-4096722',
      nodes: { ready: 2, desired: 2 },
      imported: { mode: 'read-only', distribution: 'eks' },
    });
    expect(imported.body).not.toHaveProperty('profile');

    const duplicate = await post('/clusters/import', importBody());
    expect(duplicate.status).toBe(409);

    const list = await get('/clusters');
    expect(list.body.items).toEqual([
      expect.objectContaining({ name: 'legacy', imported: expect.anything() }),
    ]);
    noCredentials(list);

    const inventory = await get('/clusters/legacy/inventory');
    expect(inventory.status).toBe(200);
    expect(inventory.body.helmReleases.map((r: any) => r.name)).toEqual([
      'billing',
      'cert-manager',
    ]);
    noCredentials(inventory);

    // The kubeconfig was shown once: never again.
    const kubeconfig = await get('/clusters/legacy/kubeconfig');
    expect(kubeconfig.status).toBe(403);
    expect(kubeconfig.text).not.toContain(FAKE_TOKEN);

    // Nothing of a profile can change; read-only applies nothing.
    const upgrade = await post('/clusters/legacy/upgrade', {
      profileVersion: '1.1.0',
    });
    expect(upgrade.status).toBe(400);
    expect(upgrade.body.error.message).toMatch(
      /only its addOnProfiles can change/,
    );
    const addOns = await post('/clusters/legacy/upgrade', {
      addOnProfiles: [],
    });
    expect(addOns.status).toBe(400);
    expect(addOns.body.error.message).toMatch(/imported read-only/);
    const pool = await post('/clusters/legacy/pools', {
      name: 'extra',
      instanceType: 'm6i.large',
      count: 1,
    });
    expect(pool.status).toBe(400);

    const discovered = await post('/clusters/legacy/discover');
    expect(discovered.status).toBe(200);
    noCredentials(discovered);

    const generated = await post('/clusters/legacy/profile');
    expect(generated.status).toBe(201);
    expect(generated.body.profile).toEqual({
      name: 'legacy-imported',
      version: '1.0.0',
    });
    expect((await post('/clusters/legacy/profile')).status).toBe(409);
    const draft = await get('/profiles/legacy-imported');
    expect(draft.body.draft.layers.length).toBe(generated.body.layers.length);

    const audit = await get('/audit?target=cluster:legacy');
    expect(audit.body.items.map((e: any) => e.action)).toContain(
      'cluster.import',
    );
    noCredentials(audit);

    const detach = await send('delete', '/clusters/legacy');
    expect(detach.status).toBe(202);
    await waitFor('legacy', c => c.phase === 'Deleted');
    expect(
      (await get('/audit?target=cluster:legacy')).body.items.map(
        (e: any) => e.action,
      ),
    ).toContain('cluster.delete');
  });

  it('imports managed: applies its add-on profiles to a Cluster without infrastructure, and detaches', async () => {
    const created = await post('/profiles', {
      name: 'security',
      type: 'add-on',
      cloudType: 'all',
      owner: 'group:default/platform-team',
      layers: [{ packName: 'cert-manager', packVersion: '1.21.2' }],
    });
    expect(created.status).toBe(201);
    const published = await post('/profiles/security/publish', {
      version: '1.0.0',
      changeNote: 'First version.',
    });
    expect(published.status).toBe(200);

    const imported = await post(
      '/clusters/import',
      importBody({
        mode: 'managed',
        addOnProfiles: [{ name: 'security', version: '1.0.0' }],
      }),
    );
    expect(imported.status).toBe(201);
    noCredentials(imported);

    const applied = await waitFor('legacy', c =>
      c.objects?.some((o: any) => o.kind === 'HelmChartProxy'),
    );
    expect(
      applied.objects.map((o: any) => `${o.kind}/${o.name}`).sort(),
    ).toEqual([
      'Cluster/legacy',
      'HelmChartProxy/legacy-cert-manager',
      'Secret/legacy-kubeconfig',
      'Secret/legacy-palette-import',
    ]);
    expect(applied.phase).toBe('Running');
    expect(applied.reconcileError).toBeUndefined();
    noCredentials(await get('/clusters/legacy'));

    const profileVersion = await post('/clusters/legacy/upgrade', {
      profileVersion: '2.0.0',
    });
    expect(profileVersion.status).toBe(400);
    const removeAddOns = await post('/clusters/legacy/upgrade', {
      addOnProfiles: [],
    });
    expect(removeAddOns.status).toBe(202);
    const cleaned = await waitFor(
      'legacy',
      c => !c.objects.some((o: any) => o.kind === 'HelmChartProxy'),
    );
    expect(cleaned.addOnProfiles).toEqual([]);

    expect((await send('delete', '/clusters/legacy')).status).toBe(202);
    await waitFor('legacy', c => c.phase === 'Deleted');
  });
});
