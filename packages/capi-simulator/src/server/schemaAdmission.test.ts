import * as k8s from '@kubernetes/client-node';
import { findCapiCrdsDir } from '../crds/__testUtils__/capiCrdsDir';
import { RunningSimulator, startSimulator } from '../Simulator';

const crdsDir = findCapiCrdsDir();
const describeWithCrds = crdsDir ? describe : describe.skip;

// With the real Cluster API CRDs the simulator admits objects as a real API
// server with those CRDs installed would: served versions only, defaults,
// pruning, and 422 for invalid objects. Through @kubernetes/client-node.
describeWithCrds('the simulator with the Cluster API CRDs', () => {
  let sim: RunningSimulator;
  let api: k8s.KubernetesObjectApi;

  beforeAll(async () => {
    sim = await startSimulator({ crdsDir, controllers: false });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    api = k8s.KubernetesObjectApi.makeApiClient(kc);
  });
  afterAll(() => sim.stop());

  const cluster = (
    topology: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: {
      name: `c-${Math.random().toString(36).slice(2, 8)}`,
      namespace: 'default',
    },
    spec: {
      topology: { classRef: { name: 'aws' }, version: 'v1.33.4', ...topology },
      ...extra,
    },
  });
  const post = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sim.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  it('serves the served versions of the CRDs and prefers the newest', async () => {
    const res = await fetch(`${sim.url}/apis/infrastructure.cluster.x-k8s.io`, {
      headers: { authorization: `Bearer ${sim.token}` },
    });
    const group = await res.json();
    const versions = group.versions.map((v: { version: string }) => v.version);
    expect(versions).toEqual(expect.arrayContaining(['v1beta2', 'v1beta1']));
    expect(group.preferredVersion.version).toBe('v1beta2');
    // CAPA serves AWSCluster at v1beta2 only.
    const v1beta1 = await fetch(
      `${sim.url}/apis/infrastructure.cluster.x-k8s.io/v1beta1`,
      { headers: { authorization: `Bearer ${sim.token}` } },
    );
    const kinds = (await v1beta1.json()).resources.map(
      (r: { kind: string }) => r.kind,
    );
    expect(kinds).toContain('AzureCluster');
    expect(kinds).not.toContain('AWSCluster');
  });

  it('accepts a valid managed-topology Cluster', async () => {
    const created: any = await api.create(
      cluster({
        controlPlane: { replicas: 3 },
        workers: {
          machineDeployments: [
            { class: 'default-worker', name: 'md-0', replicas: 2 },
          ],
        },
      }),
    );
    expect(created.spec.topology.workers.machineDeployments[0].replicas).toBe(
      2,
    );
  });

  it('rejects an invalid object with 422 naming each field, and stores nothing', async () => {
    const bad = cluster({ controlPlane: { replicas: 'three' }, classRef: {} });
    const res = await post(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters',
      bad,
    );
    expect(res.status).toBe(422);
    const status = await res.json();
    expect(status).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      code: 422,
    });
    expect(status.details.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'spec.topology.classRef.name',
          reason: 'FieldValueRequired',
        }),
        expect.objectContaining({
          field: 'spec.topology.controlPlane.replicas',
          reason: 'FieldValueTypeInvalid',
        }),
      ]),
    );
    await expect(
      api.read({
        apiVersion: bad.apiVersion,
        kind: bad.kind,
        metadata: bad.metadata,
      }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('prunes unknown fields with a warning, or refuses them under fieldValidation=Strict', async () => {
    const withUnknown = cluster({}, { madeUp: true });
    const res = await post(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters',
      withUnknown,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('warning')).toContain(
      'unknown field \\"spec.madeUp\\"',
    );
    expect((await res.json()).spec).not.toHaveProperty('madeUp');
    const strict = await post(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters?fieldValidation=Strict',
      cluster({}, { madeUp: true }),
    );
    expect(strict.status).toBe(400);
    expect((await strict.json()).message).toContain(
      'unknown field "spec.madeUp"',
    );
  });

  it('applies the schema defaults', async () => {
    const proxy: any = await api.create({
      apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
      kind: 'HelmChartProxy',
      metadata: { name: 'cilium', namespace: 'default' },
      spec: {
        chartName: 'cilium',
        repoURL: 'https://helm.cilium.io/',
        clusterSelector: { matchLabels: { cni: 'cilium' } },
        options: { install: {} },
      },
    });
    expect(proxy.spec.options).toEqual({
      enableClientCache: false,
      install: { createNamespace: true },
    });
  });
});
