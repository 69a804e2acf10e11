import {
  Sim,
  clusterClass,
  isReady,
  startSim,
  topologyCluster,
} from './testFixtures';

const MIN = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
const MAX = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';

describe('autoscaled pools', () => {
  let sim: Sim;
  afterEach(() => sim.stop());

  it('starts a MachineDeployment without replicas at the autoscaler minimum, and keeps what the autoscaler sets', async () => {
    sim = startSim();
    sim.create(clusterClass('dev'));
    const cluster = topologyCluster('auto', 'dev', { controlPlaneReplicas: 1 });
    (cluster.spec as any).topology.workers = {
      machineDeployments: [
        {
          class: 'default-worker',
          name: 'workers',
          metadata: { annotations: { [MIN]: '3', [MAX]: '6' } },
        },
      ],
    };
    sim.create(cluster);
    await sim.idle();
    const md = sim.must('MachineDeployment', 'auto-workers');
    expect(md.metadata.annotations).toMatchObject({ [MIN]: '3', [MAX]: '6' });
    // Defaulted to the minimum, as Cluster API's webhook does.
    expect(md.spec.replicas).toBe(3);
    expect(md.status.readyReplicas).toBe(3);
    expect(isReady(sim.must('Cluster', 'auto'))).toBe(true);

    // The autoscaler scales the pool; the topology controller leaves it be.
    sim.patch('MachineDeployment', 'auto-workers', md2 => {
      md2.spec.replicas = 5;
    });
    await sim.idle();
    expect(
      sim.must('MachineDeployment', 'auto-workers').status.readyReplicas,
    ).toBe(5);
  });
});
