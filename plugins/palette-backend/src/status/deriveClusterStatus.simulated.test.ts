import { ClusterPhase } from '@palette-backstage/plugin-palette-common';
import {
  MINUTE,
  PhaseTracker,
  desiredInfo,
  minutesAfter,
} from './__testUtils__/desiredInfo';
import { onEveryWrite } from './__testUtils__/replayStore';
import {
  TestClusterSpec,
  TestManagementCluster,
  apply,
  clusterClass,
  deleteCluster,
  paletteCluster,
  startManagementCluster,
} from './__testUtils__/simulatorFixtures';
import {
  DerivedClusterStatus,
  DesiredClusterInfo,
  LiveClusterObjects,
} from './types';

// The whole lifecycle on the objects the simulated Cluster API controllers
// really write: a status is derived after every single write, so every
// intermediate state a watch can deliver is checked.

jest.setTimeout(30_000);

const NAME = 'demo';
const KUBEADM: TestClusterSpec = {
  version: 'v1.33.4',
  controlPlaneReplicas: 3,
  workers: { workers: 3 },
};

/** Progress must never go backwards within one phase. */
function expectSteadyProgress(
  statuses: DerivedClusterStatus[],
  phase: ClusterPhase,
) {
  const done = statuses
    .filter(s => s.phase === phase)
    .map(s => s.progress!.done);
  expect(done.length).toBeGreaterThan(0);
  done.forEach((d, i) => expect(d).toBeGreaterThanOrEqual(done[i - 1] ?? 0));
}

describe('deriveClusterStatus on simulated Cluster API objects', () => {
  let mc: TestManagementCluster;
  let tracker: PhaseTracker;
  let statuses: DerivedClusterStatus[];
  /** The cluster's objects after the last write. */
  let live: LiveClusterObjects;
  let unsubscribe: () => void;

  beforeEach(async () => {
    mc = await startManagementCluster({ timing: 'instant' });
    statuses = [];
    unsubscribe = onEveryWrite(mc.simulator, (name, objects) => {
      if (name !== NAME) return;
      live = objects;
      statuses.push(tracker.derive(objects));
    });
  });
  afterEach(async () => {
    unsubscribe();
    await mc.simulator.stop();
  });

  /** Applies the cluster as the product does and waits for the controllers to settle. */
  async function applyCluster(
    spec: TestClusterSpec,
    desired: Partial<DesiredClusterInfo> = {},
  ) {
    tracker.applied(desired);
    statuses = [];
    await apply(mc.kubeConfig, paletteCluster(NAME, spec));
    await mc.simulator.idle();
    return tracker.last!;
  }

  async function provision(spec = KUBEADM, desired = desiredInfo()) {
    await apply(mc.kubeConfig, clusterClass(spec.className ?? 'dev'));
    tracker = new PhaseTracker({ ...desired, previousPhase: 'Requested' });
    return applyCluster(spec);
  }

  it('provisions a kubeadm cluster to Running, step by step', async () => {
    const status = await provision();
    expect(tracker.phases).toEqual(['Requested', 'Provisioning', 'Running']);
    expectSteadyProgress(statuses, 'Provisioning');
    expect(
      statuses
        .filter(s => s.phase === 'Provisioning')
        .map(s => s.progress!.label),
    ).toEqual(
      expect.arrayContaining([
        'infrastructure provisioning, control plane 0/3 ready, workers 0/3 ready',
        'infrastructure ready, control plane 3/3 ready, workers 3/3 ready',
      ]),
    );
    expect(status).toMatchObject({
      phase: 'Running',
      kubernetesVersion: 'v1.33.4',
      controlPlane: {
        managed: false,
        version: 'v1.33.4',
        replicas: { desired: 3, ready: 3, upToDate: 3 },
      },
      pools: [
        {
          name: 'workers',
          kind: 'MachineDeployment',
          version: 'v1.33.4',
          replicas: { desired: 3, ready: 3 },
        },
      ],
      nodes: { ready: 6, desired: 6 },
    });
    expect(status.apiServer).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(status.conditions.map(c => c.source))).toEqual(
      new Set([
        'Cluster',
        'KubeadmControlPlane/demo-control-plane',
        'MachineDeployment/demo-workers',
      ]),
    );
    expect(statuses.some(s => s.lastError)).toBe(false);
  });

  it('scales a running cluster up and down: Scaling, then Running', async () => {
    await provision();
    let mark = tracker.phases.length - 1;
    const up = await applyCluster(
      { ...KUBEADM, workers: { workers: 5 } },
      { pools: { workers: 5 } },
    );
    expect(tracker.since(mark)).toEqual(['Running', 'Scaling', 'Running']);
    expectSteadyProgress(statuses, 'Scaling');
    expect(statuses.find(s => s.phase === 'Scaling')?.message).toBe(
      'Scaling: control plane 3/3 ready, workers 3/5 ready',
    );
    expect(up.nodes).toEqual({ ready: 8, desired: 8 });

    mark = tracker.phases.length - 1;
    const down = await applyCluster(
      { ...KUBEADM, workers: { workers: 2 } },
      { pools: { workers: 2 } },
    );
    expect(tracker.since(mark)).toEqual(['Running', 'Scaling', 'Running']);
    expectSteadyProgress(statuses, 'Scaling');
    expect(down.pools[0].replicas).toMatchObject({ desired: 2, current: 2 });
  });

  it('upgrades a running cluster: Updating, control plane first, then Running', async () => {
    await provision();
    const mark = tracker.phases.length - 1;
    const status = await applyCluster(
      { ...KUBEADM, version: 'v1.34.1' },
      { kubernetesVersion: 'v1.34.1' },
    );
    expect(tracker.since(mark)).toEqual(['Running', 'Updating', 'Running']);
    expectSteadyProgress(statuses, 'Updating');
    const labels = statuses
      .filter(s => s.phase === 'Updating')
      .map(s => s.message);
    expect(labels[0]).toBe(
      'Upgrading to v1.34.1: control plane 0/3 up to date, workers 0/3 up to date',
    );
    expect(labels).toContain(
      'Upgrading to v1.34.1: control plane 3/3 up to date, workers 0/3 up to date',
    );
    expect(status).toMatchObject({
      phase: 'Running',
      kubernetesVersion: 'v1.34.1',
      pools: [{ name: 'workers', version: 'v1.34.1' }],
    });
  });

  it('reports a failure of a running cluster as Degraded, and recovers', async () => {
    await provision();
    const failing = await applyCluster({
      ...KUBEADM,
      annotations: {
        'simulator.palette.io/fail': 'controlplane',
        'simulator.palette.io/fail-message': 'etcd quorum lost',
      },
    });
    expect(failing.phase).toBe('Degraded');
    expect(failing.lastError).toEqual({
      reason: 'SimulatedFailure',
      message:
        'ControlPlaneAvailable is False (SimulatedFailure): etcd quorum lost',
    });
    // The product's next apply drops the annotation: Cluster API resumes.
    const recovered = await applyCluster(KUBEADM);
    expect(recovered.phase).toBe('Running');
    expect(recovered.lastError).toBeUndefined();
  });

  it('keeps provisioning through a failure, and fails after the provisioning timeout', async () => {
    const status = await provision({
      ...KUBEADM,
      annotations: { 'simulator.palette.io/fail': 'infrastructure' },
    });
    expect(status.phase).toBe('Provisioning');
    expect(status.lastError?.reason).toBe('SimulatedFailure');
    const applied = tracker.desired.appliedAt!;
    const snapshot = tracker.desired;
    const late = new PhaseTracker(snapshot);
    const failed = late.derive(
      live,
      minutesAfter(applied, snapshot.provisioningTimeoutMs / MINUTE + 1),
    );
    expect(failed.phase).toBe('Failed');
    expect(failed.message).toBe(
      'Provisioning did not complete within 30m: InfrastructureReady is False (SimulatedFailure): Simulated infrastructure failure',
    );
  });

  it('fails an upgrade that stalls beyond the update timeout', async () => {
    await provision();
    const stalled = await applyCluster(
      {
        ...KUBEADM,
        version: 'v1.34.1',
        annotations: { 'simulator.palette.io/stall': 'true' },
      },
      { kubernetesVersion: 'v1.34.1' },
    );
    expect(stalled.phase).toBe('Updating');
    const since = tracker.desired.previousPhaseSince!;
    const failed = tracker.derive(live, minutesAfter(since, 31));
    expect(failed.phase).toBe('Failed');
    expect(failed.lastError?.reason).toBe('UpdateTimeout');
    expect(failed.message).toMatch(/^The update did not complete within 30m/);
  });

  it('deletes: Deleting through Cluster API steps, then Deleted', async () => {
    await provision();
    const mark = tracker.phases.length - 1;
    tracker.desired = { ...tracker.desired, deletionRequested: true };
    statuses = [];
    await deleteCluster(mc.kubeConfig, NAME);
    await mc.simulator.idle();
    expect(tracker.since(mark)).toEqual(['Running', 'Deleting', 'Deleted']);
    expectSteadyProgress(statuses, 'Deleting');
    expect(statuses.map(s => s.progress?.label)).toEqual(
      expect.arrayContaining([
        'deleting workers',
        'deleting the control plane',
        'deleting the infrastructure',
      ]),
    );
  });

  it('provisions and upgrades an EKS cluster: managed control plane, MachinePools', async () => {
    const eks: TestClusterSpec = {
      className: 'eks',
      version: 'v1.33.4',
      workers: { pool0: 2 },
    };
    const status = await provision(
      eks,
      desiredInfo({
        managed: true,
        controlPlaneReplicas: undefined,
        pools: { pool0: 2 },
      }),
    );
    expect(tracker.phases).toEqual(['Requested', 'Provisioning', 'Running']);
    expect(status).toMatchObject({
      controlPlane: { managed: true, version: 'v1.33.4' },
      pools: [{ name: 'pool0', kind: 'MachinePool', replicas: { ready: 2 } }],
      nodes: { ready: 2, desired: 2 },
    });
    expect(status.controlPlane.replicas).toBeUndefined();

    const mark = tracker.phases.length - 1;
    const upgraded = await applyCluster(
      { ...eks, version: 'v1.34.1' },
      { kubernetesVersion: 'v1.34.1' },
    );
    expect(tracker.since(mark)).toEqual(['Running', 'Updating', 'Running']);
    expect(statuses.find(s => s.phase === 'Updating')?.progress?.label).toBe(
      'control plane upgrading, workers 0/2 up to date',
    );
    expect(upgraded.kubernetesVersion).toBe('v1.34.1');
  });
});
