import { SIMULATOR_ANNOTATIONS } from './constants';
import {
  Sim,
  clusterClass,
  condition,
  history,
  startSim,
  topologyCluster,
} from './testFixtures';

describe('Cluster deletion', () => {
  let sim: Sim;
  afterEach(() => sim.stop());

  const deletedKinds = (from: number) =>
    sim.events
      .slice(from)
      .filter(e => e.type === 'DELETED')
      .map(e => `${e.object.kind}/${e.object.metadata.name}`);

  it('deletes workers, then the control plane, then the infrastructure, then the Cluster', async () => {
    sim = startSim();
    sim.create(clusterClass('dev'));
    sim.create(
      topologyCluster('del', 'dev', {
        controlPlaneReplicas: 3,
        machineDeployments: [
          { name: 'md-0', replicas: 2 },
          { name: 'md-1', replicas: 1 },
        ],
      }),
    );
    await sim.idle();
    const from = sim.events.length;
    sim.remove('Cluster', 'del');
    // The finalizer holds the Cluster while its objects go.
    expect(sim.must('Cluster', 'del').metadata.deletionTimestamp).toBeTruthy();
    await sim.idle();

    expect(sim.get('Cluster', 'del')).toBeUndefined();
    const deleted = deletedKinds(from);
    expect(deleted.slice(0, 5)).toEqual([
      'MachineDeployment/del-md-1',
      'MachineDeployment/del-md-0',
      'KubeadmControlPlane/del-control-plane',
      'DevCluster/del',
      'Cluster/del',
    ]);
    // Owned objects without finalizers go with the Cluster.
    expect(deleted.slice(5)).toEqual(['Secret/del-kubeconfig']);

    const reasons = history(
      sim.events,
      'Cluster',
      'del',
      c => condition(c, 'Deleting')?.reason,
      from,
    );
    expect(reasons.map(h => h.value)).toEqual([
      'NotDeleting',
      'WaitingForWorkersDeletion',
      'WaitingForControlPlaneDeletion',
      'WaitingForInfrastructureDeletion',
    ]);
    const messages = history(
      sim.events,
      'Cluster',
      'del',
      c => condition(c, 'Deleting')?.message,
      from,
    );
    expect(messages.map(h => h.value)).toEqual(
      expect.arrayContaining([
        '* MachineDeployments: del-md-0, del-md-1',
        '* MachineDeployments: del-md-0',
        '* Control plane: KubeadmControlPlane del-control-plane',
        '* Infrastructure: DevCluster del',
      ]),
    );
    expect(
      history(sim.events, 'Cluster', 'del', c => c.status?.phase, from).map(
        h => h.value,
      ),
    ).toEqual(['Provisioned', 'Deleting']);
    // Machines went one per step before their owners.
    const kcpReplicas = history(
      sim.events,
      'KubeadmControlPlane',
      'del-control-plane',
      o => o.status?.replicas,
      from,
    );
    expect(kcpReplicas.map(h => h.value)).toEqual([3, 2, 1, 0]);
  });

  it('deletes the machine pools of a managed cluster (and their infrastructure pools) first', async () => {
    sim = startSim({ stepMs: 5 });
    sim.create(clusterClass('eks'));
    sim.create(
      topologyCluster('eks', 'eks', {
        machinePools: [{ name: 'pool', replicas: 2 }],
      }),
    );
    await sim.idle();
    const from = sim.events.length;
    const start = Date.now();
    sim.remove('Cluster', 'eks');
    await sim.idle();
    // Deletion takes steps: 2 machines, the infra pool, the pool, control plane, infrastructure.
    expect(Date.now() - start).toBeGreaterThanOrEqual(5 * 5);
    expect(deletedKinds(from)).toEqual([
      'AWSManagedMachinePool/eks-pool',
      'MachinePool/eks-pool',
      'AWSManagedControlPlane/eks-control-plane',
      'AWSManagedCluster/eks',
      'Cluster/eks',
      'Secret/eks-kubeconfig',
    ]);
  });

  it('holds a stalled deletion until the stall is lifted', async () => {
    sim = startSim();
    sim.create(clusterClass('dev'));
    sim.create(
      topologyCluster('hold', 'dev', {
        machineDeployments: [{ name: 'md-0', replicas: 1 }],
      }),
    );
    await sim.idle();
    sim.patch('Cluster', 'hold', c => {
      c.metadata.annotations = { [SIMULATOR_ANNOTATIONS.stall]: 'true' };
    });
    sim.remove('Cluster', 'hold');
    await sim.idle();
    expect(sim.must('Cluster', 'hold').metadata.deletionTimestamp).toBeTruthy();
    expect(
      sim.must('MachineDeployment', 'hold-md-0').metadata.deletionTimestamp,
    ).toBeUndefined();
    sim.patch('Cluster', 'hold', c => {
      delete c.metadata.annotations;
    });
    await sim.idle();
    expect(sim.get('Cluster', 'hold')).toBeUndefined();
    expect(sim.list('MachineDeployment')).toEqual([]);
  });
});
