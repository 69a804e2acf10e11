import {
  Sim,
  clusterClass,
  conditionStatus,
  isReady,
  startSim,
  topologyCluster,
} from './testFixtures';

describe('a fleet', () => {
  let sim: Sim;
  afterEach(() => sim.stop());

  it('brings 1,000 topology clusters to Available', async () => {
    sim = startSim();
    sim.create(clusterClass('dev'));
    sim.create(clusterClass('eks'));
    sim.create({
      apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
      kind: 'HelmChartProxy',
      metadata: { name: 'cni', namespace: 'default' },
      spec: {
        clusterSelector: {
          matchExpressions: [{ key: 'team', operator: 'Exists' }],
        },
        chartName: 'cilium',
        repoURL: 'https://helm.cilium.io',
      },
    });
    const count = 1000;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const name = `fleet-${String(i).padStart(4, '0')}`;
      sim.create(
        i % 4 === 3
          ? topologyCluster(name, 'eks', {
              labels: { team: `t${i % 7}` },
              machinePools: [{ name: 'pool-0', replicas: 2 }],
            })
          : topologyCluster(name, 'dev', {
              labels: { team: `t${i % 7}` },
              controlPlaneReplicas: 3,
              machineDeployments: [{ name: 'md-0', replicas: 2 }],
            }),
      );
    }
    await sim.idle();
    const seconds = (performance.now() - start) / 1000;

    const clusters = sim.list('Cluster');
    expect(clusters).toHaveLength(count);
    const notReady = clusters
      .filter(c => !isReady(c))
      .map(c => c.metadata.name);
    expect(notReady).toEqual([]);
    expect(
      clusters.every(c => conditionStatus(c, 'Available') === 'True'),
    ).toBe(true);
    expect(sim.list('Secret')).toHaveLength(count);
    expect(sim.list('MachineDeployment')).toHaveLength(750);
    expect(sim.list('MachinePool')).toHaveLength(250);
    const hrps = sim.list('HelmReleaseProxy');
    expect(hrps).toHaveLength(count);
    expect(hrps.every(h => h.status?.status === 'deployed')).toBe(true);
    const hcp = sim.must('HelmChartProxy', 'cni');
    expect(hcp.status.matchingClusters).toHaveLength(count);
    expect(conditionStatus(hcp, 'Ready')).toBe('True');
    expect(
      sim.logs.filter(l => l.includes('fail') || l.includes('giving up')),
    ).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(
      `${count} clusters Available in ${seconds.toFixed(2)} s (${
        sim.store.size
      } objects, ${sim.events.length} events)`,
    );
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
