import * as k8s from '@kubernetes/client-node';
import { findCapiCrdsDir } from './crds/__testUtils__/capiCrdsDir';
import { RunningSimulator, startSimulator } from './Simulator';

const crdsDir = findCapiCrdsDir();
const describeWithCrds = crdsDir ? describe : describe.skip;

const GROUP = 'cluster.x-k8s.io';
const V = 'v1beta2';

// The whole embedded management cluster as the product sees it: real CRDs,
// simulated controllers, only @kubernetes/client-node over HTTP.
describeWithCrds('the embedded management cluster, end to end', () => {
  let sim: RunningSimulator;
  let kc: k8s.KubeConfig;
  let custom: k8s.CustomObjectsApi;

  beforeAll(async () => {
    sim = await startSimulator({ crdsDir, timing: 'instant' });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    custom = kc.makeApiClient(k8s.CustomObjectsApi);
  });
  afterAll(() => sim.stop());

  const getCluster = (name: string) =>
    custom.getNamespacedCustomObject({
      group: GROUP,
      version: V,
      namespace: 'default',
      plural: 'clusters',
      name,
    }) as Promise<any>;
  const condition = (c: any, type: string) =>
    c.status?.conditions?.find((x: any) => x.type === type)?.status;

  async function until<T>(
    what: string,
    fn: () => Promise<T | undefined>,
    timeoutMs = 10_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await fn().catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}`);
      await new Promise(r => setTimeout(r, 20));
    }
  }

  it('provisions a topology cluster to Available, serves its workload API, upgrades it and deletes it', async () => {
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const tref = (apiVersion: string, kind: string, name: string) => ({
      templateRef: { apiVersion, kind, name },
    });
    await objects.create({
      apiVersion: `${GROUP}/${V}`,
      kind: 'ClusterClass',
      metadata: { name: 'dev', namespace: 'default' },
      spec: {
        infrastructure: tref(
          'infrastructure.cluster.x-k8s.io/v1beta2',
          'DevClusterTemplate',
          'dev',
        ),
        controlPlane: {
          ...tref(
            'controlplane.cluster.x-k8s.io/v1beta2',
            'KubeadmControlPlaneTemplate',
            'dev-cp',
          ),
          machineInfrastructure: tref(
            'infrastructure.cluster.x-k8s.io/v1beta2',
            'DevMachineTemplate',
            'dev-cp',
          ),
        },
        workers: {
          machineDeployments: [
            {
              class: 'default-worker',
              bootstrap: tref(
                'bootstrap.cluster.x-k8s.io/v1beta2',
                'KubeadmConfigTemplate',
                'dev-worker',
              ),
              infrastructure: tref(
                'infrastructure.cluster.x-k8s.io/v1beta2',
                'DevMachineTemplate',
                'dev-worker',
              ),
            },
          ],
        },
      },
    } as k8s.KubernetesObject);
    await objects.create({
      apiVersion: `${GROUP}/${V}`,
      kind: 'Cluster',
      metadata: { name: 'demo', namespace: 'default' },
      spec: {
        clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
        topology: {
          classRef: { name: 'dev' },
          version: 'v1.33.4',
          controlPlane: { replicas: 3 },
          workers: {
            machineDeployments: [
              { class: 'default-worker', name: 'md-0', replicas: 2 },
            ],
          },
        },
      },
    } as k8s.KubernetesObject);

    const available = await until('Available', async () => {
      const c = await getCluster('demo');
      return condition(c, 'Available') === 'True' &&
        c.status.observedGeneration === c.metadata.generation
        ? c
        : undefined;
    });
    expect(condition(available, 'TopologyReconciled')).toBe('True');
    expect(available.status.controlPlane).toMatchObject({
      desiredReplicas: 3,
      readyReplicas: 3,
      upToDateReplicas: 3,
    });
    expect(available.status.workers).toMatchObject({
      desiredReplicas: 2,
      readyReplicas: 2,
      upToDateReplicas: 2,
    });

    // Its kubeconfig Secret reaches the simulated workload cluster.
    const secret = await kc
      .makeApiClient(k8s.CoreV1Api)
      .readNamespacedSecret({ name: 'demo-kubeconfig', namespace: 'default' });
    const workload = new k8s.KubeConfig();
    workload.loadFromString(
      Buffer.from(secret.data!.value, 'base64').toString('utf8'),
    );
    expect(
      (await workload.makeApiClient(k8s.VersionApi).getCode()).gitVersion,
    ).toBe('v1.33.4');
    const nodes = await workload.makeApiClient(k8s.CoreV1Api).listNode();
    expect(nodes.items).toHaveLength(5);

    // Upgrade through the topology version: the cluster rolls and comes back Available.
    await objects.patch(
      {
        apiVersion: `${GROUP}/${V}`,
        kind: 'Cluster',
        metadata: { name: 'demo', namespace: 'default' },
        spec: { topology: { version: 'v1.34.1' } },
      } as any,
      undefined,
      undefined,
      'palette',
      false,
      k8s.PatchStrategy.MergePatch,
    );
    await until('upgraded', async () => {
      const c = await getCluster('demo');
      return c.status.observedGeneration === c.metadata.generation &&
        condition(c, 'Available') === 'True' &&
        condition(c, 'RollingOut') !== 'True' &&
        c.status.workers?.upToDateReplicas === 2
        ? c
        : undefined;
    });
    const upgradedNodes = await workload
      .makeApiClient(k8s.CoreV1Api)
      .listNode();
    expect(
      new Set(upgradedNodes.items.map(n => n.status?.nodeInfo?.kubeletVersion)),
    ).toEqual(new Set(['v1.34.1']));

    await custom.deleteNamespacedCustomObject({
      group: GROUP,
      version: V,
      namespace: 'default',
      plural: 'clusters',
      name: 'demo',
    });
    await until(
      'deleted',
      async () =>
        (await getCluster('demo').then(
          () => false,
          e => e.code === 404,
        )) || undefined,
    );
    const leftovers = (await custom.listNamespacedCustomObject({
      group: GROUP,
      version: V,
      namespace: 'default',
      plural: 'machinedeployments',
    })) as any;
    expect(leftovers.items).toEqual([]);
  });
});
