import * as k8s from '@kubernetes/client-node';
import { startSimulator, RunningSimulator } from '../Simulator';

// Drives the simulator only through @kubernetes/client-node, as the product does.
describe('simulated API server through @kubernetes/client-node', () => {
  let sim: RunningSimulator;
  let kc: k8s.KubeConfig;

  beforeAll(async () => {
    sim = await startSimulator({ controllers: false });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
  });
  afterAll(() => sim.stop());

  const cluster = (name: string, labels: Record<string, string> = {}) => ({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: { name, namespace: 'default', labels },
    spec: { topology: { classRef: { name: 'aws' }, version: 'v1.33.4' } },
  });

  it('reports its version and serves discovery', async () => {
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.34.2');
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name)).toContain('cluster.x-k8s.io');
  });

  it('refuses requests without the configured bearer token, but for version and health', async () => {
    const anonymous = new k8s.KubeConfig();
    anonymous.loadFromOptions({
      clusters: [{ name: 'c', server: sim.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    await expect(
      anonymous.makeApiClient(k8s.ApisApi).getAPIVersions(),
    ).rejects.toMatchObject({ code: 401 });
    await expect(
      anonymous.makeApiClient(k8s.CoreV1Api).listNamespace(),
    ).rejects.toMatchObject({ code: 401 });
    // As kube-apiserver's system:public-info-viewer: version needs no token.
    const version = await anonymous.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.34.2');

    const wrongToken = new k8s.KubeConfig();
    wrongToken.loadFromString(sim.kubeconfig().replace(sim.token!, 'wrong'));
    await expect(
      wrongToken.makeApiClient(k8s.VersionApi).getCode(),
    ).rejects.toMatchObject({ code: 401 });
  });

  it('creates, reads, lists by label and deletes custom resources with KubernetesObjectApi', async () => {
    const api = k8s.KubernetesObjectApi.makeApiClient(kc);
    const created: k8s.KubernetesObject = await api.create(
      cluster('alpha', { team: 'a' }),
    );
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.generation).toBe(1);
    await api.create(cluster('beta', { team: 'b' }));
    await expect(api.create(cluster('alpha'))).rejects.toMatchObject({
      code: 409,
    });

    const read = await api.read({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'alpha', namespace: 'default' },
    });
    expect((read as any).spec.topology.version).toBe('v1.33.4');

    const list = await api.list(
      'cluster.x-k8s.io/v1beta2',
      'Cluster',
      'default',
      undefined,
      undefined,
      undefined,
      undefined,
      'team in (b,c)',
    );
    expect(list.items.map(i => i.metadata?.name)).toEqual(['beta']);

    await api.delete({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'alpha', namespace: 'default' },
    });
    await expect(
      api.read({
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name: 'alpha', namespace: 'default' },
      }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('answers a stale resourceVersion with 409 Conflict and bumps generation on spec changes only', async () => {
    const api = k8s.KubernetesObjectApi.makeApiClient(kc);
    const created = (await api.create(cluster('gamma'))) as any;
    const first = structuredClone(created);
    created.spec.topology.version = 'v1.34.1';
    const updated = (await api.replace(created)) as any;
    expect(updated.metadata.generation).toBe(2);
    first.spec.topology.version = 'v1.32.0';
    await expect(api.replace(first)).rejects.toMatchObject({ code: 409 });
    updated.metadata.labels = { changed: 'yes' };
    const relabelled = (await api.replace(updated)) as any;
    expect(relabelled.metadata.generation).toBe(2);
  });

  it('streams watch events to an informer', async () => {
    const path = '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters';
    const customApi = kc.makeApiClient(k8s.CustomObjectsApi);
    const informer = k8s.makeInformer(
      kc,
      path,
      () =>
        customApi.listNamespacedCustomObject({
          group: 'cluster.x-k8s.io',
          version: 'v1beta2',
          namespace: 'default',
          plural: 'clusters',
        }) as any,
    );
    const seen: string[] = [];
    const added = new Promise<void>(resolve => {
      informer.on('add', (obj: k8s.KubernetesObject) => {
        seen.push(obj.metadata!.name!);
        if (obj.metadata?.name === 'delta') resolve();
      });
    });
    await informer.start();
    await k8s.KubernetesObjectApi.makeApiClient(kc).create(cluster('delta'));
    await added;
    await informer.stop();
    expect(seen).toEqual(expect.arrayContaining(['beta', 'delta']));
  });
});
