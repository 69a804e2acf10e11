import { KubeObject } from '../store/types';
import { selectorMatcher } from './helm';
import {
  NS,
  Sim,
  clusterClass,
  condition,
  conditionStatus,
  startSim,
  topologyCluster,
} from './testFixtures';

const proxy = (
  name: string,
  clusterSelector: any,
  extra: any = {},
): KubeObject => ({
  apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
  kind: 'HelmChartProxy',
  metadata: { name, namespace: NS },
  spec: {
    clusterSelector,
    chartName: 'tigera-operator',
    repoURL: 'https://docs.tigera.io/calico/charts',
    version: 'v3.29.0',
    namespace: 'tigera-operator',
    valuesTemplate:
      'installation:\n  cni:\n    type: Calico\n  calicoNetwork:\n    ipPools:{{range $i, $cidr := .Cluster.spec.clusterNetwork.pods.cidrBlocks }}\n    - cidr: {{ $cidr }}{{end}}\n',
    ...extra,
  },
});

describe('HelmChartProxy and HelmReleaseProxy (CAAPH)', () => {
  let sim: Sim;
  beforeEach(() => {
    sim = startSim();
    sim.create(clusterClass('dev'));
  });
  afterEach(() => sim.stop());

  const cluster = (name: string, labels: Record<string, string>) =>
    sim.create(
      topologyCluster(name, 'dev', {
        labels,
        machineDeployments: [{ name: 'md-0', replicas: 1 }],
      }),
    );
  const releases = () =>
    sim.list('HelmReleaseProxy').filter(r => !r.metadata.deletionTimestamp);

  it('installs a release on every matching Cluster, follows label changes and removals', async () => {
    cluster('a', { cni: 'calico' });
    cluster('b', { cni: 'cilium' });
    sim.create(proxy('calico', { matchLabels: { cni: 'calico' } }));
    await sim.idle();

    let hcp = sim.must('HelmChartProxy', 'calico');
    expect(hcp.status.matchingClusters).toEqual([
      {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        name: 'a',
        namespace: NS,
      },
    ]);
    expect(conditionStatus(hcp, 'Ready')).toBe('True');
    expect(conditionStatus(hcp, 'HelmReleaseProxiesReady')).toBe('True');
    expect(hcp.status.observedGeneration).toBe(1);

    const [hrp] = releases();
    expect(hrp.metadata.name).toBe('calico-a');
    expect(hrp.metadata.labels).toEqual({
      'cluster.x-k8s.io/cluster-name': 'a',
      'helmreleaseproxy.addons.cluster.x-k8s.io/helmchartproxy-name': 'calico',
    });
    expect(hrp.metadata.ownerReferences[0]).toMatchObject({
      kind: 'HelmChartProxy',
      name: 'calico',
      controller: true,
    });
    expect(hrp.metadata.finalizers).toEqual([
      'helmreleaseproxy.addons.cluster.x-k8s.io',
    ]);
    expect(hrp.spec).toEqual({
      clusterRef: {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        name: 'a',
        namespace: NS,
      },
      chartName: 'tigera-operator',
      repoURL: 'https://docs.tigera.io/calico/charts',
      version: 'v3.29.0',
      namespace: 'tigera-operator',
      values: sim.must('HelmChartProxy', 'calico').spec.valuesTemplate,
    });
    expect(hrp.status).toMatchObject({
      status: 'deployed',
      revision: 1,
      observedGeneration: 1,
    });
    for (const type of ['Ready', 'ClusterAvailable', 'HelmReleaseReady'])
      expect(conditionStatus(hrp, type)).toBe('True');

    // A new matching cluster gets a release.
    cluster('c', { cni: 'calico' });
    await sim.idle();
    expect(releases().map(r => r.spec.clusterRef.name)).toEqual(['a', 'c']);
    hcp = sim.must('HelmChartProxy', 'calico');
    expect(hcp.status.matchingClusters.map((m: any) => m.name)).toEqual([
      'a',
      'c',
    ]);

    // A cluster that stops matching loses its release.
    sim.patch('Cluster', 'a', c => {
      c.metadata.labels.cni = 'cilium';
    });
    await sim.idle();
    expect(sim.get('HelmReleaseProxy', 'calico-a')).toBeUndefined();
    expect(
      sim
        .must('HelmChartProxy', 'calico')
        .status.matchingClusters.map((m: any) => m.name),
    ).toEqual(['c']);

    // A deleted cluster too.
    sim.remove('Cluster', 'c');
    await sim.idle();
    expect(sim.get('Cluster', 'c')).toBeUndefined();
    expect(sim.list('HelmReleaseProxy')).toEqual([]);
    hcp = sim.must('HelmChartProxy', 'calico');
    expect(hcp.status.matchingClusters).toEqual([]);
    expect(conditionStatus(hcp, 'Ready')).toBe('True');
  });

  it('waits for the control plane before installing, and upgrades on a spec change', async () => {
    sim.create(proxy('calico', { matchLabels: { cni: 'calico' } }));
    sim.create(
      topologyCluster('slow', 'dev', {
        labels: { cni: 'calico' },
        annotations: { 'simulator.palette.io/fail': 'controlplane' },
      }),
    );
    await sim.idle();
    let hrp = sim.must('HelmReleaseProxy', 'calico-slow');
    expect(condition(hrp, 'ClusterAvailable')).toMatchObject({
      status: 'False',
      reason: 'GetKubeconfigFailed',
    });
    expect(conditionStatus(hrp, 'Ready')).toBe('False');
    expect(hrp.status.revision).toBeUndefined();
    expect(conditionStatus(sim.must('HelmChartProxy', 'calico'), 'Ready')).toBe(
      'False',
    );

    sim.patch('Cluster', 'slow', c => {
      delete c.metadata.annotations;
    });
    await sim.idle();
    hrp = sim.must('HelmReleaseProxy', 'calico-slow');
    expect(hrp.status).toMatchObject({ status: 'deployed', revision: 1 });

    sim.patch('HelmChartProxy', 'calico', p => {
      p.spec.version = 'v3.30.0';
    });
    await sim.idle();
    hrp = sim.must('HelmReleaseProxy', 'calico-slow');
    expect(hrp.spec.version).toBe('v3.30.0');
    expect(hrp.status).toMatchObject({
      status: 'deployed',
      revision: 2,
      observedGeneration: 2,
    });
    expect(conditionStatus(sim.must('HelmChartProxy', 'calico'), 'Ready')).toBe(
      'True',
    );
  });

  it('selects with matchExpressions, and an empty selector selects nothing', async () => {
    cluster('prod-1', { env: 'prod' });
    cluster('prod-2', { env: 'prod', tier: 'edge' });
    cluster('dev-1', { env: 'dev' });
    sim.create(
      proxy('prod', {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod'] },
          { key: 'tier', operator: 'DoesNotExist' },
        ],
      }),
    );
    sim.create(proxy('none', {}));
    await sim.idle();
    expect(
      sim
        .must('HelmChartProxy', 'prod')
        .status.matchingClusters.map((m: any) => m.name),
    ).toEqual(['prod-1']);
    expect(sim.must('HelmChartProxy', 'none').status.matchingClusters).toEqual(
      [],
    );
    expect(releases().map(r => r.metadata.name)).toEqual(['prod-prod-1']);
  });

  it('matches label selectors as metav1.LabelSelector does', () => {
    const m = selectorMatcher({
      matchLabels: { a: '1' },
      matchExpressions: [
        { key: 'b', operator: 'NotIn', values: ['x'] },
        { key: 'c', operator: 'Exists' },
      ],
    });
    expect(m({ a: '1', c: '' })).toBe(true);
    expect(m({ a: '1', b: 'y', c: 'z' })).toBe(true);
    expect(m({ a: '1', b: 'x', c: 'z' })).toBe(false);
    expect(m({ a: '2', c: 'z' })).toBe(false);
    expect(m({ a: '1' })).toBe(false);
    expect(selectorMatcher(undefined)({ any: 'thing' })).toBe(false);
  });
});
