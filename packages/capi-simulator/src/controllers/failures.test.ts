import { SIMULATOR_ANNOTATIONS } from './constants';
import {
  Sim,
  clusterClass,
  condition,
  conditionStatus,
  isReady,
  startSim,
  topologyCluster,
} from './testFixtures';

describe('failures and stalls on request', () => {
  let sim: Sim;
  beforeEach(() => {
    sim = startSim();
    sim.create(clusterClass('dev'));
    sim.create(clusterClass('eks'));
  });
  afterEach(() => sim.stop());

  const annotate = (
    kind: string,
    name: string,
    annotations: Record<string, string | undefined>,
  ) =>
    sim.patch(kind, name, o => {
      const a = { ...o.metadata.annotations };
      for (const [k, v] of Object.entries(annotations)) {
        if (v === undefined) delete a[k];
        else a[k] = v;
      }
      o.metadata.annotations = a;
    });

  const create = (name: string, annotations?: Record<string, string>) =>
    sim.create(
      topologyCluster(name, 'dev', {
        controlPlaneReplicas: 3,
        machineDeployments: [
          { name: 'md-0', replicas: 2 },
          { name: 'md-1', replicas: 2 },
        ],
        annotations,
      }),
    );

  /** No condition anywhere says SimulatedFailure. */
  function simulatedFailures(): string[] {
    const found: string[] = [];
    for (const kind of [
      'Cluster',
      'DevCluster',
      'KubeadmControlPlane',
      'MachineDeployment',
      'MachinePool',
      'AWSManagedControlPlane',
      'AWSManagedMachinePool',
    ]) {
      for (const obj of sim.list(kind)) {
        for (const c of obj.status?.conditions ?? []) {
          if (c.reason === 'SimulatedFailure')
            found.push(`${kind}/${obj.metadata.name} ${c.type}`);
        }
      }
    }
    return found;
  }

  it('fails the infrastructure: InfrastructureReady=False SimulatedFailure, phase Failed, nothing else starts; recovers', async () => {
    create('inf', {
      [SIMULATOR_ANNOTATIONS.fail]: 'infrastructure',
      [SIMULATOR_ANNOTATIONS.failMessage]: 'VPC quota exceeded',
    });
    await sim.idle();
    let cluster = sim.must('Cluster', 'inf');
    expect(condition(cluster, 'InfrastructureReady')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: 'VPC quota exceeded',
    });
    expect(conditionStatus(cluster, 'Available')).toBe('False');
    expect(condition(cluster, 'Available')?.message).toContain(
      '* InfrastructureReady: VPC quota exceeded',
    );
    expect(cluster.status.phase).toBe('Failed');
    expect(cluster.status.initialization.infrastructureProvisioned).toBe(false);
    const infra = sim.must('DevCluster', 'inf');
    expect(condition(infra, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: 'VPC quota exceeded',
    });
    expect(infra.status.initialization.provisioned).toBe(false);
    expect(
      sim.must('KubeadmControlPlane', 'inf-control-plane').status.replicas,
    ).toBe(0);
    expect(sim.must('MachineDeployment', 'inf-md-0').status.replicas).toBe(0);
    expect(sim.get('Secret', 'inf-kubeconfig')).toBeUndefined();

    annotate('Cluster', 'inf', { [SIMULATOR_ANNOTATIONS.fail]: undefined });
    await sim.idle();
    cluster = sim.must('Cluster', 'inf');
    expect(isReady(cluster)).toBe(true);
    expect(cluster.status.phase).toBe('Provisioned');
    expect(simulatedFailures()).toEqual([]);
  });

  it('fails the control plane: ControlPlaneAvailable=False, no machines, workers wait; recovers', async () => {
    create('cpf', { [SIMULATOR_ANNOTATIONS.fail]: 'controlplane' });
    await sim.idle();
    let cluster = sim.must('Cluster', 'cpf');
    expect(conditionStatus(cluster, 'InfrastructureReady')).toBe('True');
    expect(condition(cluster, 'ControlPlaneAvailable')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: 'Simulated controlplane failure',
    });
    expect(condition(cluster, 'ControlPlaneInitialized')).toMatchObject({
      status: 'False',
      reason: 'NotInitialized',
    });
    // No terminal phase for control plane failures (v1beta2).
    expect(cluster.status.phase).toBe('Provisioned');
    const kcp = sim.must('KubeadmControlPlane', 'cpf-control-plane');
    expect(condition(kcp, 'Available')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
    });
    expect(condition(kcp, 'MachinesReady')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
    });
    expect(kcp.status.replicas).toBe(0);
    const md = sim.must('MachineDeployment', 'cpf-md-0');
    expect(md.status.replicas).toBe(0);
    expect(condition(md, 'Available')?.message).toBe(
      'Waiting for the control plane to be available',
    );

    annotate('Cluster', 'cpf', { [SIMULATOR_ANNOTATIONS.fail]: undefined });
    await sim.idle();
    cluster = sim.must('Cluster', 'cpf');
    expect(isReady(cluster)).toBe(true);
    expect(simulatedFailures()).toEqual([]);
  });

  it('fails a managed control plane (EKS) the same way', async () => {
    sim.create(
      topologyCluster('eksf', 'eks', {
        machinePools: [{ name: 'pool', replicas: 1 }],
        annotations: {
          [SIMULATOR_ANNOTATIONS.fail]: 'controlplane',
          [SIMULATOR_ANNOTATIONS.failMessage]: 'EKS API error',
        },
      }),
    );
    await sim.idle();
    const cp = sim.must('AWSManagedControlPlane', 'eksf-control-plane');
    expect(cp.status.ready).toBe(false);
    expect(condition(cp, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      severity: 'Error',
      message: 'EKS API error',
    });
    expect(
      condition(sim.must('Cluster', 'eksf'), 'ControlPlaneAvailable'),
    ).toMatchObject({ status: 'False', reason: 'SimulatedFailure' });
    annotate('Cluster', 'eksf', { [SIMULATOR_ANNOTATIONS.fail]: undefined });
    await sim.idle();
    expect(isReady(sim.must('Cluster', 'eksf'))).toBe(true);
  });

  it('fails the workers of an Available cluster: scaling stops with SimulatedFailure; recovers', async () => {
    create('wf');
    await sim.idle();
    expect(isReady(sim.must('Cluster', 'wf'))).toBe(true);
    annotate('Cluster', 'wf', {
      [SIMULATOR_ANNOTATIONS.fail]: 'workers',
      [SIMULATOR_ANNOTATIONS.failMessage]: 'no capacity',
    });
    sim.patch('Cluster', 'wf', c => {
      c.spec.topology.workers.machineDeployments[0].replicas = 4;
    });
    await sim.idle();
    let cluster = sim.must('Cluster', 'wf');
    expect(condition(cluster, 'WorkersAvailable')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: 'no capacity',
    });
    expect(conditionStatus(cluster, 'ControlPlaneAvailable')).toBe('True');
    expect(conditionStatus(cluster, 'Available')).toBe('False');
    const md = sim.must('MachineDeployment', 'wf-md-0');
    expect(md.spec.replicas).toBe(4);
    expect(md.status.replicas).toBe(2);
    expect(md.status.phase).toBe('Failed');
    expect(condition(md, 'Available')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: 'no capacity',
    });

    annotate('Cluster', 'wf', {
      [SIMULATOR_ANNOTATIONS.fail]: undefined,
      [SIMULATOR_ANNOTATIONS.failMessage]: undefined,
    });
    await sim.idle();
    cluster = sim.must('Cluster', 'wf');
    expect(isReady(cluster)).toBe(true);
    expect(cluster.status.workers.replicas).toBe(6);
  });

  it('fails just one MachineDeployment when it carries the annotation', async () => {
    create('one');
    await sim.idle();
    annotate('MachineDeployment', 'one-md-1', {
      [SIMULATOR_ANNOTATIONS.fail]: 'true',
      [SIMULATOR_ANNOTATIONS.failMessage]: 'bad AMI',
    });
    sim.patch('Cluster', 'one', c => {
      for (const md of c.spec.topology.workers.machineDeployments)
        md.replicas = 3;
    });
    await sim.idle();
    const cluster = sim.must('Cluster', 'one');
    expect(
      sim.must('MachineDeployment', 'one-md-0').status.availableReplicas,
    ).toBe(3);
    const failed = sim.must('MachineDeployment', 'one-md-1');
    expect(failed.spec.replicas).toBe(3);
    expect(failed.status.replicas).toBe(2);
    expect(condition(failed, 'Available')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: 'bad AMI',
    });
    expect(condition(cluster, 'WorkersAvailable')).toMatchObject({
      status: 'False',
      reason: 'SimulatedFailure',
      message: '* MachineDeployment one-md-1: bad AMI',
    });
    expect(conditionStatus(cluster, 'ControlPlaneAvailable')).toBe('True');
    expect(conditionStatus(cluster, 'Available')).toBe('False');

    annotate('MachineDeployment', 'one-md-1', {
      [SIMULATOR_ANNOTATIONS.fail]: undefined,
    });
    await sim.idle();
    expect(
      sim.must('MachineDeployment', 'one-md-1').status.availableReplicas,
    ).toBe(3);
    expect(isReady(sim.must('Cluster', 'one'))).toBe(true);
  });

  it('stalls without errors, with nothing scheduled, and continues when the annotation goes', async () => {
    create('st');
    await sim.idle();
    annotate('Cluster', 'st', { [SIMULATOR_ANNOTATIONS.stall]: 'true' });
    sim.patch('Cluster', 'st', c => {
      c.spec.topology.version = 'v1.34.0';
    });
    await sim.idle(); // resolves: a stalled cluster schedules nothing
    let cluster = sim.must('Cluster', 'st');
    expect(
      sim.must('KubeadmControlPlane', 'st-control-plane').spec.version,
    ).toBe('v1.33.4');
    expect(simulatedFailures()).toEqual([]);
    expect(cluster.metadata.generation).toBeGreaterThan(
      cluster.status.observedGeneration,
    );
    expect(isReady(cluster)).toBe(false);

    annotate('Cluster', 'st', { [SIMULATOR_ANNOTATIONS.stall]: undefined });
    await sim.idle();
    cluster = sim.must('Cluster', 'st');
    expect(isReady(cluster)).toBe(true);
    expect(sim.must('MachineDeployment', 'st-md-0').status.versions).toEqual([
      { version: 'v1.34.0', replicas: 2 },
    ]);
  });

  it('stalls a single control plane mid-rollout', async () => {
    create('kst');
    await sim.idle();
    annotate('KubeadmControlPlane', 'kst-control-plane', {
      [SIMULATOR_ANNOTATIONS.stall]: 'true',
    });
    sim.patch('Cluster', 'kst', c => {
      c.spec.topology.version = 'v1.34.0';
    });
    await sim.idle();
    // A stalled object does not even observe its new generation.
    const kcp = sim.must('KubeadmControlPlane', 'kst-control-plane');
    expect(kcp.spec.version).toBe('v1.34.0');
    expect(kcp.status.observedGeneration).toBeLessThan(kcp.metadata.generation);
    expect(kcp.status.version).toBe('v1.33.4');
    expect(
      sim.must('MachineDeployment', 'kst-md-0').spec.template.spec.version,
    ).toBe('v1.33.4');
    expect(
      condition(sim.must('Cluster', 'kst'), 'TopologyReconciled')?.reason,
    ).toBe('MachineDeploymentsUpgradePending');
    annotate('KubeadmControlPlane', 'kst-control-plane', {
      [SIMULATOR_ANNOTATIONS.stall]: undefined,
    });
    await sim.idle();
    expect(isReady(sim.must('Cluster', 'kst'))).toBe(true);
  });
});
