import * as k8s from '@kubernetes/client-node';
import { RunningSimulator, startSimulator } from '../../Simulator';
import { findCapiCrdsDir } from '../../crds/__testUtils__/capiCrdsDir';
import {
  decodeHelmRelease,
  workloadClients,
} from '../__testUtils__/workloadClients';

const crdsDir = findCapiCrdsDir();
const GROUP = 'cluster.x-k8s.io';

// A managed import as the product applies it: a Cluster without topology or
// references, the kubeconfig Secret, and CAAPH HelmChartProxies selecting it.
describe('a managed import of an existing cluster', () => {
  let sim: RunningSimulator;
  let objects: k8s.KubernetesObjectApi;
  let custom: k8s.CustomObjectsApi;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    sim = await startSimulator({ timing: 'instant', crdsDir });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    custom = kc.makeApiClient(k8s.CustomObjectsApi);
    core = kc.makeApiClient(k8s.CoreV1Api);
  });
  afterAll(() => sim.stop());

  const getCluster = () =>
    custom.getNamespacedCustomObject({
      group: GROUP,
      version: 'v1beta2',
      namespace: 'default',
      plural: 'clusters',
      name: 'payments',
    }) as Promise<any>;
  const condition = (obj: any, type: string) =>
    obj.status?.conditions?.find((c: any) => c.type === type);
  const helmCharts = async (w: ReturnType<typeof workloadClients>) =>
    (
      await w.core.listSecretForAllNamespaces({
        labelSelector: 'owner=helm,status=deployed',
      })
    ).items
      .map(s => decodeHelmRelease(s).chart.metadata.name)
      .sort();

  it('becomes available with its kubeconfig Secret, installs add-ons into the existing cluster, and detaches without harming it', async () => {
    const kubeconfig = sim.existingClusterKubeconfig('legacy-payments');
    const server = new k8s.KubeConfig();
    server.loadFromString(kubeconfig);
    const url = new URL(server.getCurrentCluster()!.server);
    await objects.create({
      apiVersion: `${GROUP}/v1beta2`,
      kind: 'Cluster',
      metadata: {
        name: 'payments',
        namespace: 'default',
        labels: { 'palette.io/imported': 'managed', addons: 'policy' },
      },
      spec: {
        controlPlaneEndpoint: { host: url.hostname, port: Number(url.port) },
      },
    } as k8s.KubernetesObject);
    await sim.idle();
    let cluster = await getCluster();
    expect(condition(cluster, 'ControlPlaneInitialized')).toMatchObject({
      status: 'False',
      message: 'Waiting for the Secret payments-kubeconfig',
    });
    expect(condition(cluster, 'Available').status).toBe('False');

    await core.createNamespacedSecret({
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'payments-kubeconfig',
          labels: { 'cluster.x-k8s.io/cluster-name': 'payments' },
        },
        type: 'cluster.x-k8s.io/secret',
        data: { value: Buffer.from(kubeconfig).toString('base64') },
      },
    });
    await sim.idle();
    cluster = await getCluster();
    for (const type of [
      'Available',
      'ControlPlaneInitialized',
      'ControlPlaneAvailable',
      'InfrastructureReady',
      'RemoteConnectionProbe',
    ])
      expect([type, condition(cluster, type).status]).toEqual([type, 'True']);
    expect(cluster.status.initialization).toEqual({
      infrastructureProvisioned: true,
      controlPlaneInitialized: true,
    });
    // Its endpoint and kubeconfig stay those of the import.
    expect(cluster.spec.controlPlaneEndpoint.host).toBe(url.hostname);
    const secret = await core.readNamespacedSecret({
      name: 'payments-kubeconfig',
      namespace: 'default',
    });
    expect(Buffer.from(secret.data!.value, 'base64').toString()).toBe(
      kubeconfig,
    );

    await objects.create({
      apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
      kind: 'HelmChartProxy',
      metadata: { name: 'kyverno', namespace: 'default' },
      spec: {
        clusterSelector: { matchLabels: { addons: 'policy' } },
        chartName: 'kyverno',
        repoURL: 'https://kyverno.github.io/kyverno',
        version: '3.3.7',
        namespace: 'kyverno',
        releaseName: 'kyverno',
        valuesTemplate: 'admissionController:\n  replicas: 3\n',
      },
    } as k8s.KubernetesObject);
    await sim.idle();
    const hrp = (await custom.listNamespacedCustomObject({
      group: 'addons.cluster.x-k8s.io',
      version: 'v1alpha1',
      namespace: 'default',
      plural: 'helmreleaseproxies',
    })) as any;
    expect(hrp.items).toHaveLength(1);
    expect(hrp.items[0].status).toMatchObject({
      status: 'deployed',
      revision: 1,
    });

    const w = workloadClients(kubeconfig);
    expect(await helmCharts(w)).toEqual([
      'cert-manager',
      'ingress-nginx',
      'kube-prometheus-stack',
      'kyverno',
    ]);
    const [kyverno] = (
      await w.core.listNamespacedSecret({
        namespace: 'kyverno',
        labelSelector: 'owner=helm',
      })
    ).items;
    expect(decodeHelmRelease(kyverno)).toMatchObject({
      name: 'kyverno',
      chart: { metadata: { name: 'kyverno', version: '3.3.7' } },
      config: { admissionController: { replicas: 3 } },
    });
    expect(
      (
        await w.apps.listNamespacedDeployment({ namespace: 'kyverno' })
      ).items.map(d => d.metadata!.name),
    ).toEqual(['kyverno-admission-controller']);

    // Removing the proxy uninstalls the release, and only it.
    await custom.deleteNamespacedCustomObject({
      group: 'addons.cluster.x-k8s.io',
      version: 'v1alpha1',
      namespace: 'default',
      plural: 'helmchartproxies',
      name: 'kyverno',
    });
    await sim.idle();
    expect(await helmCharts(w)).toEqual([
      'cert-manager',
      'ingress-nginx',
      'kube-prometheus-stack',
    ]);
    expect(
      (await w.apps.listNamespacedDeployment({ namespace: 'kyverno' })).items,
    ).toEqual([]);

    // Deleting the Cluster detaches it: the existing cluster carries on.
    await custom.deleteNamespacedCustomObject({
      group: GROUP,
      version: 'v1beta2',
      namespace: 'default',
      plural: 'clusters',
      name: 'payments',
    });
    await sim.idle();
    await expect(getCluster()).rejects.toMatchObject({ code: 404 });
    expect(sim.existingClusterNames()).toContain('legacy-payments');
    expect((await w.core.listNode()).items).toHaveLength(5);
    expect(await helmCharts(w)).toHaveLength(3);
  });

  it('waits while the existing cluster is unreachable, then installs', async () => {
    const kubeconfig = sim.existingClusterKubeconfig('analytics-aks');
    await objects.create({
      apiVersion: `${GROUP}/v1beta2`,
      kind: 'Cluster',
      metadata: {
        name: 'analytics',
        namespace: 'default',
        labels: { 'palette.io/imported': 'managed', metrics: 'yes' },
      },
      spec: { controlPlaneEndpoint: { host: '127.0.0.1', port: 443 } },
    } as k8s.KubernetesObject);
    await core.createNamespacedSecret({
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'analytics-kubeconfig',
          labels: { 'cluster.x-k8s.io/cluster-name': 'analytics' },
        },
        type: 'cluster.x-k8s.io/secret',
        data: { value: Buffer.from(kubeconfig).toString('base64') },
      },
    });
    sim.setExistingClusterHealth('analytics-aks', 'unreachable');
    await objects.create({
      apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
      kind: 'HelmChartProxy',
      metadata: { name: 'metrics', namespace: 'default' },
      spec: {
        clusterSelector: { matchLabels: { metrics: 'yes' } },
        chartName: 'metrics-server',
        repoURL: 'https://kubernetes-sigs.github.io/metrics-server',
        version: '3.12.2',
        namespace: 'kube-system',
      },
    } as k8s.KubernetesObject);
    const hrp = async () =>
      (
        (await custom.listNamespacedCustomObject({
          group: 'addons.cluster.x-k8s.io',
          version: 'v1alpha1',
          namespace: 'default',
          plural: 'helmreleaseproxies',
          labelSelector: 'cluster.x-k8s.io/cluster-name=analytics',
        })) as any
      ).items[0];
    for (let i = 0; i < 100 && !condition(await hrp(), 'ClusterAvailable'); i++)
      await new Promise(r => setTimeout(r, 10));
    expect(condition(await hrp(), 'ClusterAvailable')).toMatchObject({
      status: 'False',
      reason: 'GetClusterFailed',
    });

    sim.setExistingClusterHealth('analytics-aks', 'healthy');
    for (let i = 0; i < 300 && (await hrp()).status?.status !== 'deployed'; i++)
      await new Promise(r => setTimeout(r, 10));
    expect((await hrp()).status.status).toBe('deployed');
    expect(await helmCharts(workloadClients(kubeconfig))).toEqual([
      'argo-cd',
      'metrics-server',
    ]);
  });
});
