import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { palettePlugin } from '../plugin';
import { devRequest } from '../clusters/testFixtures';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(120_000);

const aliceAuth = mockCredentials.user.header('user:default/alice');

const policy = createSteeredPolicy();
const ownedBy = (claims: string[]) => {
  policy.owned = {
    permission: 'palette.cluster.read',
    resourceType: 'palette-cluster',
    rule: 'IS_CLUSTER_OWNER',
    claims,
  };
};

async function startBackend() {
  const permissions = steeredPermissions(policy);
  return startTestBackend({
    features: [
      palettePlugin,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          palette: {
            demoData: { seed: true },
            managementClusters: [
              { name: 'm', type: 'embedded', speed: 'instant' },
            ],
            clusters: { reconcileInterval: '1s', driftCheckInterval: '1s' },
          },
        },
      }),
    ],
  });
}

describe('cluster routes', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeEach(async () => {
    policy.denied.clear();
    policy.owned = undefined;
    backend = await startBackend();
  });
  afterEach(() => backend.stop());

  const api = () => request(backend.server);
  const get = (path: string) =>
    api().get(`/api/palette${path}`).set('authorization', aliceAuth);
  const post = (path: string, body: object = {}) =>
    api()
      .post(`/api/palette${path}`)
      .set('authorization', aliceAuth)
      .send(body);

  /** Polls a cluster until it satisfies a predicate (the simulator runs at `instant`). */
  async function waitFor(
    name: string,
    what: string,
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
    throw new Error(
      `cluster ${name} did not reach ${what}; last: ${
        last?.phase
      } ${JSON.stringify(last?.nodes)} ${last?.message ?? ''}`,
    );
  }
  const waitForPhase = (name: string, phase: string) =>
    waitFor(name, phase, c => c?.phase === phase);

  it('refuses callers without credentials', async () => {
    const res = await api()
      .get('/api/palette/clusters')
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('dry-runs a request: rendered manifests and validation, nothing stored', async () => {
    const res = await post('/clusters?dryRun=true', devRequest('preview'));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    const kinds = res.body.manifests.map((m: any) => m.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['Cluster', 'ClusterClass', 'HelmChartProxy']),
    );
    // The cost model's estimate: per hour and per month, a positive range.
    const { costEstimate } = res.body;
    expect(costEstimate.total.monthly.min).toBeGreaterThan(0);
    expect(costEstimate.total.monthly.max).toBeGreaterThanOrEqual(
      costEstimate.total.monthly.min,
    );
    expect(costEstimate.total.hourly.min).toBeGreaterThan(0);
    expect(costEstimate.lines.length).toBeGreaterThan(0);
    const list = await get('/clusters');
    expect(list.body.totalCount).toBe(0);

    const invalid = await post(
      '/clusters?dryRun=true',
      devRequest('preview', { cloudAccount: 'nowhere' }),
    );
    expect(invalid.body.valid).toBe(false);
    expect(invalid.body.messages).toEqual([
      expect.objectContaining({ field: 'cloudAccount', severity: 'error' }),
    ]);
  });

  it('requests a cluster and follows it to Running, with its timeline', async () => {
    const created = await post('/clusters', devRequest('demo'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'demo',
      provider: 'dev',
      owner: 'group:default/team-apollo',
    });
    const running = await waitForPhase('demo', 'Running');
    expect(running.nodes).toEqual({ ready: 3, desired: 3 });
    expect(running.pools).toEqual([
      expect.objectContaining({
        name: 'workers',
        count: 2,
        kind: 'MachineDeployment',
      }),
    ]);
    expect(running.objects.length).toBeGreaterThan(3);
    const events = await get('/clusters/demo/events');
    // Newest first; at `instant` speed Provisioning may be too short to observe.
    const phases = events.body.items.map((e: any) => e.phase).filter(Boolean);
    expect(phases[0]).toBe('Running');
    expect(phases[phases.length - 1]).toBe('Requested');
    const list = await get('/clusters?phase=Running&provider=dev');
    expect(list.body.items.map((c: any) => c.name)).toEqual(['demo']);
    expect(list.body.phaseCounts).toEqual({ Running: 1 });
  });

  it('answers bad input with a 400 naming the field, and stores nothing', async () => {
    const bad = await post('/clusters', {
      ...devRequest('Bad_Name'),
      workerPools: [{ name: 'workers', instanceType: 'medium', count: -1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('name:');
    expect(bad.body.error.message).toContain('workerPools.0.count');
    const unknownVersion = await post(
      '/clusters',
      devRequest('demo', { profile: { name: 'dev-full', version: '9.9.9' } }),
    );
    expect(unknownVersion.status).toBe(400);
    expect(unknownVersion.body.error.message).toContain(
      'profile: profile "dev-full" has no published version 9.9.9',
    );
    expect((await get('/clusters?includeDeleted=true')).body.totalCount).toBe(
      0,
    );
  });

  it('refuses a duplicate name with a 409', async () => {
    expect((await post('/clusters', devRequest('demo'))).status).toBe(201);
    const again = await post('/clusters', devRequest('demo'));
    expect(again.status).toBe(409);
    expect((await get('/clusters')).body.totalCount).toBe(1);
  });

  it('enforces permissions: create, read by ownership, update, delete and kubeconfig', async () => {
    policy.denied.add('palette.cluster.create');
    expect((await post('/clusters', devRequest('demo'))).status).toBe(403);
    expect(
      (await post('/clusters?dryRun=true', devRequest('demo'))).status,
    ).toBe(403);
    policy.denied.clear();
    await post('/clusters', devRequest('apollo-one'));
    await post(
      '/clusters',
      devRequest('zephyr-one', { owner: 'group:default/team-zephyr' }),
    );

    ownedBy(['group:default/team-zephyr']);
    const list = await get('/clusters');
    expect(list.body.items.map((c: any) => c.name)).toEqual(['zephyr-one']);
    policy.owned = undefined;

    policy.denied.add('palette.cluster.update');
    const scale = await api()
      .put('/api/palette/clusters/apollo-one/pools/workers')
      .set('authorization', aliceAuth)
      .send({ count: 3 });
    expect(scale.status).toBe(403);
    policy.denied.add('palette.cluster.delete');
    expect(
      (
        await api()
          .delete('/api/palette/clusters/apollo-one')
          .set('authorization', aliceAuth)
      ).status,
    ).toBe(403);
    policy.denied.add('palette.cluster.kubeconfig');
    expect((await get('/clusters/apollo-one/kubeconfig')).status).toBe(403);
    policy.denied.add('palette.cluster.read');
    expect((await get('/clusters/apollo-one')).status).toBe(404);
    expect((await get('/clusters')).status).toBe(403);
    policy.denied.clear();
    const detail = await get('/clusters/apollo-one');
    expect(detail.body.generation).toBeUndefined();
    expect(detail.body.request.workerPools[0].count).toBe(2);
  });

  it('hands out the kubeconfig only with its permission, never in other replies', async () => {
    await post('/clusters', devRequest('demo'));
    await waitForPhase('demo', 'Running');
    const detail = await get('/clusters/demo');
    expect(JSON.stringify(detail.body)).not.toMatch(
      /token|client-key|certificate-authority-data/,
    );
    const kubeconfig = await get('/clusters/demo/kubeconfig');
    expect(kubeconfig.status).toBe(200);
    expect(kubeconfig.headers['content-disposition']).toContain(
      'demo.kubeconfig',
    );
    expect(kubeconfig.text).toContain('clusters:');
    expect(kubeconfig.text).toContain('/workload/');
  });

  it('scales, pauses, resumes and deletes a cluster through its lifecycle', async () => {
    await post('/clusters', devRequest('demo'));
    await waitForPhase('demo', 'Running');

    const scaled = await api()
      .put('/api/palette/clusters/demo/pools/workers')
      .set('authorization', aliceAuth)
      .send({ count: 3 });
    expect(scaled.status).toBe(202);
    const running = await waitFor(
      'demo',
      '4 ready nodes',
      c => c.phase === 'Running' && c.nodes.ready === 4,
    );
    expect(running.nodes).toEqual({ ready: 4, desired: 4 });
    expect(running.pools[0].replicas).toMatchObject({ desired: 3, ready: 3 });

    const bounded = await api()
      .put('/api/palette/clusters/demo/pools/workers')
      .set('authorization', aliceAuth)
      .send({ autoscaling: { min: 1, max: 5 } });
    expect(bounded.status).toBe(202);
    expect(bounded.body.pools[0]).toMatchObject({
      count: 3,
      autoscaling: { min: 1, max: 5 },
    });

    const outOfBounds = await api()
      .put('/api/palette/clusters/demo/pools/workers')
      .set('authorization', aliceAuth)
      .send({ count: 9 });
    expect(outOfBounds.status).toBe(400);
    expect(outOfBounds.body.error.message).toContain('workerPools.0.count');

    const added = await post('/clusters/demo/pools', {
      name: 'gpu',
      instanceType: 'large',
      count: 1,
    });
    expect(added.status).toBe(202);
    expect(
      (
        await post('/clusters/demo/pools', {
          name: 'gpu',
          instanceType: 'large',
          count: 1,
        })
      ).status,
    ).toBe(409);
    const withGpu = await waitFor(
      'demo',
      'the gpu pool',
      c => c.phase === 'Running' && c.pools[1]?.replicas?.ready === 1,
    );
    expect(withGpu.pools.map((p: any) => p.name)).toEqual(['workers', 'gpu']);
    expect(withGpu.nodes.desired).toBe(5);
    const removed = await api()
      .delete('/api/palette/clusters/demo/pools/gpu')
      .set('authorization', aliceAuth);
    expect(removed.status).toBe(202);

    expect((await post('/clusters/demo/pause')).status).toBe(202);
    expect((await post('/clusters/demo/pause')).status).toBe(409);
    expect((await get('/clusters/demo')).body.paused).toBe(true);
    expect((await post('/clusters/demo/resume')).status).toBe(202);

    const deleting = await api()
      .delete('/api/palette/clusters/demo')
      .set('authorization', aliceAuth);
    expect(deleting.status).toBe(202);
    expect(
      (
        await api()
          .delete('/api/palette/clusters/demo?force=true')
          .set('authorization', aliceAuth)
      ).status,
    ).toBe(409);
    const deleted = await waitForPhase('demo', 'Deleted');
    expect(deleted.nodes.ready).toBe(0);
    expect((await get('/clusters')).body.totalCount).toBe(0);
    const events = await get('/clusters/demo/events');
    const reasons = events.body.items.map((e: any) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'ScaleRequested',
        'PoolAdded',
        'PoolRemoved',
        'Paused',
        'Resumed',
        'DeleteRequested',
        'Deleted',
      ]),
    );
    // The name is free again.
    expect((await post('/clusters', devRequest('demo'))).status).toBe(201);
  });

  it('previews an upgrade to another published version, then rolls it out', async () => {
    await post('/clusters', devRequest('demo'));
    const before = await waitForPhase('demo', 'Running');
    expect(before.updateAvailable).toBe('1.1.0');
    expect(before.kubernetesVersion).toBe('v1.34.4');

    const preview = await post('/clusters/demo/upgrade?dryRun=true', {
      profileVersion: '1.1.0',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          layer: 'kubernetes',
          change: 'changed',
          summary: 'kubernetes 1.34.4 → 1.34.10',
        }),
        expect.objectContaining({ layer: 'cert-manager', change: 'changed' }),
      ]),
    );
    expect(preview.body.rolls[0]).toMatch(
      /^Kubernetes v1\.34\.4 → v1\.34\.10: the control plane \(1 node\) rolls first/,
    );
    expect(preview.body.objectChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'Cluster',
          change: 'update',
          fields: expect.arrayContaining(['spec.topology.version']),
        }),
      ]),
    );
    // The preview changed nothing.
    expect((await get('/clusters/demo')).body.profile.version).toBe('1.0.0');

    const unknown = await post('/clusters/demo/upgrade', {
      profileVersion: '7.0.0',
    });
    expect(unknown.status).toBe(400);
    const upgraded = await post('/clusters/demo/upgrade', {
      profileVersion: '1.1.0',
    });
    expect(upgraded.status).toBe(202);
    const after = await waitFor(
      'demo',
      'Kubernetes v1.34.10 everywhere',
      c =>
        c.phase === 'Running' &&
        c.controlPlane.version === 'v1.34.10' &&
        c.pools.every((p: any) => p.version === 'v1.34.10'),
    );
    expect(after.profile.version).toBe('1.1.0');
    expect(after.updateAvailable).toBeUndefined();
    const events = await get('/clusters/demo/events');
    expect(events.body.items.map((e: any) => e.reason)).toContain(
      'UpgradeRequested',
    );
  });

  it('lists cloud accounts without their credential references', async () => {
    const res = await get('/cloud-accounts');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        name: 'local',
        displayName: 'Local (Dev provider)',
        cloudType: 'dev',
        regions: ['local'],
      },
    ]);
  });
});
