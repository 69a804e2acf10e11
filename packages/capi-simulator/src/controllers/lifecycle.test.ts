import {
  NS,
  Sim,
  clusterClass,
  condition,
  conditionStatus,
  history,
  isReady,
  startSim,
  topologyCluster,
} from './testFixtures';
import { TIMING_PRESETS } from './startControllers';

describe('cluster lifecycle', () => {
  let sim: Sim;
  afterEach(() => sim.stop());

  async function availableDevCluster(
    name: string,
    o: Parameters<typeof topologyCluster>[2] = {},
  ) {
    sim.create(clusterClass('dev'));
    sim.create(
      topologyCluster(name, 'dev', {
        controlPlaneReplicas: 3,
        machineDeployments: [{ name: 'md-0', replicas: 3 }],
        ...o,
      }),
    );
    await sim.idle();
    expect(isReady(sim.must('Cluster', name))).toBe(true);
  }

  const setTopology = (name: string, change: (topology: any) => void) =>
    sim.patch('Cluster', name, c => change(c.spec.topology));

  it('rolls a version upgrade through the control plane first, then the workers, one machine at a time', async () => {
    sim = startSim();
    await availableDevCluster('up');
    const from = sim.events.length;
    setTopology('up', t => {
      t.version = 'v1.34.1';
    });
    await sim.idle();

    const kcp = 'up-control-plane';
    const kcpUpToDate = history(
      sim.events,
      'KubeadmControlPlane',
      kcp,
      o => o.status?.upToDateReplicas,
      from,
    );
    // The first event is the spec change, still reporting the old machines.
    expect(kcpUpToDate.map(h => h.value)).toEqual([3, 0, 1, 2, 3]);
    // maxSurge 1: never more than one extra machine, never fewer than desired.
    const kcpReplicas = history(
      sim.events,
      'KubeadmControlPlane',
      kcp,
      o => o.status?.replicas,
      from,
    );
    expect(kcpReplicas.map(h => h.value)).toEqual([3, 4, 3, 4, 3, 4, 3]);

    const mdUpToDate = history(
      sim.events,
      'MachineDeployment',
      'up-md-0',
      o => o.status?.upToDateReplicas,
      from,
    );
    expect(mdUpToDate.map(h => h.value)).toEqual([3, 0, 1, 2, 3]);
    const mdAvailable = history(
      sim.events,
      'MachineDeployment',
      'up-md-0',
      o => o.status?.availableReplicas,
      from,
    );
    expect(Math.min(...mdAvailable.map(h => h.value as number))).toBe(3);

    // The workers' version changed only after the control plane rolled out.
    const kcpDone = kcpUpToDate[kcpUpToDate.length - 1].rv;
    const mdVersion = history(
      sim.events,
      'MachineDeployment',
      'up-md-0',
      o => o.spec.template.spec.version,
      from,
    );
    // (no MachineDeployment event at all until then)
    expect(mdVersion.map(h => h.value)).toEqual(['v1.34.1']);
    expect(mdVersion[0].rv).toBeGreaterThan(kcpDone);
    expect(mdUpToDate[0].rv).toBeGreaterThan(kcpDone);

    // The Cluster reported it all on the way.
    const clusterCp = history(
      sim.events,
      'Cluster',
      'up',
      o => o.status?.controlPlane?.upToDateReplicas,
      from,
    );
    expect(clusterCp.map(h => h.value)).toEqual([3, 0, 1, 2, 3]);
    const topologyReasons = history(
      sim.events,
      'Cluster',
      'up',
      o => condition(o, 'TopologyReconciled')?.reason,
      from,
    );
    expect(topologyReasons.map(h => h.value)).toEqual([
      'ReconcileSucceeded',
      'MachineDeploymentsUpgradePending',
      'ReconcileSucceeded',
    ]);
    const rollingOut = history(
      sim.events,
      'Cluster',
      'up',
      o => condition(o, 'RollingOut')?.message,
      from,
    );
    expect(rollingOut.map(h => h.value)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'KubeadmControlPlane up-control-plane: Rolling out 3 not up-to-date replicas',
        ),
        expect.stringContaining('MachineDeployment up-md-0: Rolling out'),
      ]),
    );
    const kcpObj = sim.must('KubeadmControlPlane', kcp);
    expect(kcpObj.status.version).toBe('v1.34.1');
    expect(kcpObj.status.versions).toEqual([
      { version: 'v1.34.1', replicas: 3 },
    ]);
    const cluster = sim.must('Cluster', 'up');
    expect(isReady(cluster)).toBe(true);
    expect(conditionStatus(cluster, 'RollingOut')).toBe('False');
  });

  it('upgrades a managed (EKS) control plane before its machine pools', async () => {
    sim = startSim();
    sim.create(clusterClass('eks'));
    sim.create(
      topologyCluster('eks', 'eks', {
        version: 'v1.31.2',
        machinePools: [{ name: 'pool', replicas: 2 }],
      }),
    );
    await sim.idle();
    const from = sim.events.length;
    setTopology('eks', t => {
      t.version = 'v1.32.0';
    });
    await sim.idle();
    const cpVersion = history(
      sim.events,
      'AWSManagedControlPlane',
      'eks-control-plane',
      o => o.status?.version,
      from,
    );
    expect(cpVersion.map(h => h.value)).toEqual(['v1.31.2', 'v1.32.0']);
    const poolUpToDate = history(
      sim.events,
      'MachinePool',
      'eks-pool',
      o => o.status?.upToDateReplicas,
      from,
    );
    expect(poolUpToDate.map(h => h.value)).toEqual([2, 0, 1, 2]);
    expect(poolUpToDate[1].rv).toBeGreaterThan(cpVersion[1].rv);
    const reasons = history(
      sim.events,
      'Cluster',
      'eks',
      o => condition(o, 'TopologyReconciled')?.reason,
      from,
    );
    expect(reasons.map(h => h.value)).toContain('MachinePoolsUpgradePending');
    expect(isReady(sim.must('Cluster', 'eks'))).toBe(true);
  });

  it('scales workers and the control plane up and down one machine per step', async () => {
    sim = startSim();
    await availableDevCluster('sc', { controlPlaneReplicas: 1 });
    let from = sim.events.length;
    setTopology('sc', t => {
      t.workers.machineDeployments[0].replicas = 5;
      t.controlPlane.replicas = 3;
    });
    await sim.idle();
    expect(
      history(
        sim.events,
        'MachineDeployment',
        'sc-md-0',
        o => o.status?.replicas,
        from,
      ).map(h => h.value),
    ).toEqual([3, 4, 5]);
    expect(
      history(
        sim.events,
        'KubeadmControlPlane',
        'sc-control-plane',
        o => o.status?.replicas,
        from,
      ).map(h => h.value),
    ).toEqual([1, 2, 3]);
    expect(
      history(
        sim.events,
        'Cluster',
        'sc',
        o => condition(o, 'ScalingUp')?.status,
        from,
      ).map(h => h.value),
    ).toEqual(['False', 'True', 'False']);
    let cluster = sim.must('Cluster', 'sc');
    expect(cluster.status.workers).toMatchObject({
      desiredReplicas: 5,
      replicas: 5,
      availableReplicas: 5,
    });
    expect(cluster.status.controlPlane).toMatchObject({
      desiredReplicas: 3,
      replicas: 3,
    });
    expect(isReady(cluster)).toBe(true);

    from = sim.events.length;
    setTopology('sc', t => {
      t.workers.machineDeployments[0].replicas = 2;
    });
    await sim.idle();
    expect(
      history(
        sim.events,
        'MachineDeployment',
        'sc-md-0',
        o => o.status?.replicas,
        from,
      ).map(h => h.value),
    ).toEqual([5, 4, 3, 2]);
    const scalingDown = history(
      sim.events,
      'MachineDeployment',
      'sc-md-0',
      o => condition(o, 'ScalingDown')?.message,
      from,
    );
    expect(scalingDown.map(h => h.value)).toContain(
      'Scaling down from 5 to 2 replicas',
    );
    cluster = sim.must('Cluster', 'sc');
    expect(cluster.status.workers).toMatchObject({
      desiredReplicas: 2,
      replicas: 2,
      upToDateReplicas: 2,
    });
    expect(isReady(cluster)).toBe(true);
  });

  it('adds and removes workers when the topology changes', async () => {
    sim = startSim();
    await availableDevCluster('wk');
    setTopology('wk', t => {
      t.workers.machineDeployments = [
        { class: 'default-worker', name: 'md-1', replicas: 1 },
      ];
    });
    await sim.idle();
    expect(sim.get('MachineDeployment', 'wk-md-0')).toBeUndefined();
    expect(
      sim.must('MachineDeployment', 'wk-md-1').status.availableReplicas,
    ).toBe(1);
    expect(isReady(sim.must('Cluster', 'wk'))).toBe(true);
  });

  it('does nothing for a paused Cluster until it is unpaused', async () => {
    sim = startSim();
    sim.create(clusterClass('dev'));
    sim.create(
      topologyCluster('p', 'dev', {
        paused: true,
        machineDeployments: [{ name: 'md-0', replicas: 1 }],
      }),
    );
    await sim.idle();
    let cluster = sim.must('Cluster', 'p');
    expect(condition(cluster, 'Paused')).toMatchObject({
      status: 'True',
      reason: 'Paused',
    });
    expect(condition(cluster, 'TopologyReconciled')).toMatchObject({
      status: 'False',
      reason: 'Paused',
    });
    expect(sim.get('DevCluster', 'p')).toBeUndefined();
    expect(cluster.spec.infrastructureRef).toBeUndefined();

    sim.patch('Cluster', 'p', c => {
      delete c.spec.paused;
    });
    await sim.idle();
    cluster = sim.must('Cluster', 'p');
    expect(isReady(cluster)).toBe(true);
    expect(condition(cluster, 'Paused')).toMatchObject({
      status: 'False',
      reason: 'NotPaused',
    });

    // Paused again: a replica change neither propagates nor progresses.
    sim.patch('Cluster', 'p', c => {
      c.spec.paused = true;
      c.spec.topology.workers.machineDeployments[0].replicas = 3;
    });
    sim.patch('MachineDeployment', 'p-md-0', md => {
      md.spec.replicas = 2;
    });
    await sim.idle();
    const md = sim.must('MachineDeployment', 'p-md-0');
    expect(md.status.replicas).toBe(1);
    expect(conditionStatus(md, 'Paused')).toBe('True');
    expect(
      conditionStatus(
        sim.must('KubeadmControlPlane', 'p-control-plane'),
        'Paused',
      ),
    ).toBe('True');

    sim.patch('Cluster', 'p', c => {
      c.spec.paused = false;
    });
    await sim.idle();
    expect(sim.must('MachineDeployment', 'p-md-0').status.replicas).toBe(3);
    expect(isReady(sim.must('Cluster', 'p'))).toBe(true);
  });

  it('reports a missing ClusterClass and proceeds once it exists', async () => {
    sim = startSim();
    sim.create(
      topologyCluster('orphan', 'later', {
        machineDeployments: [{ name: 'md-0', replicas: 1 }],
      }),
    );
    await sim.idle();
    let cluster = sim.must('Cluster', 'orphan');
    expect(condition(cluster, 'TopologyReconciled')).toMatchObject({
      status: 'False',
      reason: 'ClusterClassNotFound',
      message: 'ClusterClass default/later not found',
    });
    expect(conditionStatus(cluster, 'Available')).toBe('False');
    expect(condition(cluster, 'Available')?.message).toContain(
      'ClusterClass default/later not found',
    );
    expect(cluster.spec.infrastructureRef).toBeUndefined();
    expect(sim.list('MachineDeployment')).toEqual([]);
    expect(cluster.status.phase).toBe('Pending');

    sim.create(clusterClass('later', 'dev'));
    await sim.idle();
    cluster = sim.must('Cluster', 'orphan');
    expect(isReady(cluster)).toBe(true);
  });

  it('runs a Cluster without topology from the references its client set', async () => {
    sim = startSim();
    sim.create({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'DevCluster',
      metadata: { name: 'manual', namespace: NS },
      spec: { backend: { docker: {} } },
    });
    sim.create({
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmControlPlane',
      metadata: { name: 'manual-cp', namespace: NS },
      spec: { version: 'v1.33.0', replicas: 1, machineTemplate: { spec: {} } },
    });
    sim.create({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'manual', namespace: NS },
      spec: {
        infrastructureRef: {
          apiGroup: 'infrastructure.cluster.x-k8s.io',
          kind: 'DevCluster',
          name: 'manual',
        },
        controlPlaneRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'KubeadmControlPlane',
          name: 'manual-cp',
        },
      },
    });
    sim.create({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineDeployment',
      metadata: { name: 'manual-md', namespace: NS },
      spec: {
        clusterName: 'manual',
        replicas: 2,
        template: { spec: { clusterName: 'manual', version: 'v1.33.0' } },
      },
    });
    await sim.idle();
    const cluster = sim.must('Cluster', 'manual');
    expect(conditionStatus(cluster, 'Available')).toBe('True');
    expect(condition(cluster, 'TopologyReconciled')).toBeUndefined();
    expect(cluster.status.workers).toMatchObject({
      desiredReplicas: 2,
      availableReplicas: 2,
    });
    expect(isReady(cluster)).toBe(true);
    // The Cluster controller adopted what it references.
    expect(
      sim.must('DevCluster', 'manual').metadata.ownerReferences[0].uid,
    ).toBe(cluster.metadata.uid);
    expect(
      sim.must('KubeadmControlPlane', 'manual-cp').metadata.ownerReferences[0]
        .uid,
    ).toBe(cluster.metadata.uid);
  });

  it('takes one step per machine with real timers (fast preset), and the realistic preset is 30-60 s for 3+3 machines', async () => {
    const stepMs = 100;
    sim = startSim({ stepMs });
    sim.create(clusterClass('dev'));
    const start = Date.now();
    sim.create(
      topologyCluster('timed', 'dev', {
        controlPlaneReplicas: 3,
        machineDeployments: [{ name: 'md-0', replicas: 3 }],
      }),
    );
    await sim.idle();
    const elapsed = Date.now() - start;
    expect(isReady(sim.must('Cluster', 'timed'))).toBe(true);
    // infra, first control plane machine, then 3 worker machines alongside the other 2.
    expect(elapsed).toBeGreaterThanOrEqual(5 * stepMs);
    const realistic = (elapsed / stepMs) * TIMING_PRESETS.realistic.stepMs;
    expect(realistic).toBeGreaterThanOrEqual(30_000);
    expect(realistic).toBeLessThanOrEqual(60_000);
    expect(TIMING_PRESETS.fast.stepMs).toBeGreaterThan(0);
    expect(TIMING_PRESETS.instant.stepMs).toBe(0);
  });
});
