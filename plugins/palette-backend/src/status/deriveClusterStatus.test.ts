import {
  CLUSTER,
  HEALTHY_CLUSTER_CONDITIONS,
  clusterObject,
  cond,
  healthyCluster,
  kubeadmControlPlane,
  machineDeployment,
  withConditions,
} from './__testUtils__/capiObjects';
import {
  MINUTE,
  T0,
  desiredInfo,
  minutesAfter,
} from './__testUtils__/desiredInfo';
import { deriveClusterStatus } from './deriveClusterStatus';
import { LiveClusterObjects } from './types';

// Edge cases on hand-made objects; deriveClusterStatus.simulated.test.ts
// runs the whole lifecycle on objects the simulated controllers write.

const running = desiredInfo({ previousPhase: 'Running', everRunning: true });
const soon = minutesAfter(T0, 1);

/** A healthy cluster whose Cluster object differs as given. */
function clusterWith(
  change: Parameters<typeof clusterObject>[0],
): LiveClusterObjects {
  const live = healthyCluster();
  return {
    ...live,
    cluster: clusterObject({
      controlPlane: { desired: 3 },
      workers: { desired: 3 },
      ...change,
    }),
  };
}

describe('deriveClusterStatus', () => {
  describe('before the Cluster exists', () => {
    it('is Requested until the product has applied it', () => {
      const status = deriveClusterStatus(
        { pools: [] },
        desiredInfo({ previousPhase: 'Requested', applied: false }),
        soon,
      );
      expect(status).toMatchObject({
        phase: 'Requested',
        message: 'Waiting to be applied to the management cluster',
        progress: { done: 0, total: 1 },
        nodes: { ready: 0, desired: 6 },
        conditions: [],
        pools: [],
      });
    });

    it('is Provisioning once applied, and Failed when the Cluster never appears in time', () => {
      const desired = desiredInfo({ previousPhase: 'Requested' });
      expect(deriveClusterStatus({ pools: [] }, desired, soon)).toMatchObject({
        phase: 'Provisioning',
        message:
          'Waiting for the Cluster object to appear on the management cluster',
      });
      const late = deriveClusterStatus(
        { pools: [] },
        desired,
        minutesAfter(T0, 31),
      );
      expect(late.phase).toBe('Failed');
      expect(late.message).toBe(
        'Provisioning did not complete within 30m; no condition reports why',
      );
      expect(late.lastError?.reason).toBe('ProvisioningTimeout');
    });

    it('is Degraded when a cluster that ran lost its Cluster object without being deleted', () => {
      const status = deriveClusterStatus({ pools: [] }, running, soon);
      expect(status.phase).toBe('Degraded');
      expect(status.lastError).toEqual({
        reason: 'ClusterNotFound',
        message: 'The Cluster object is missing from the management cluster',
      });
    });
  });

  describe('readiness (Cluster API v1beta2)', () => {
    it('is Running when available, reconciled, observed and every counter is up to date', () => {
      const status = deriveClusterStatus(healthyCluster(), desiredInfo(), soon);
      expect(status).toMatchObject({
        phase: 'Running',
        kubernetesVersion: 'v1.33.4',
        apiServer: 'https://demo.example.com:6443',
        controlPlane: {
          managed: false,
          version: 'v1.33.4',
          replicas: {
            desired: 3,
            current: 3,
            ready: 3,
            upToDate: 3,
            available: 3,
          },
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
      expect(status.message).toBeUndefined();
      expect(status.progress).toBeUndefined();
      expect(status.lastError).toBeUndefined();
    });

    it.each([
      [
        'Available is not True',
        clusterWith({
          conditions: withConditions(
            HEALTHY_CLUSTER_CONDITIONS,
            cond('Available', 'Unknown', 'AvailableUnknown'),
          ),
        }),
      ],
      [
        'TopologyReconciled is not True',
        clusterWith({
          conditions: withConditions(
            HEALTHY_CLUSTER_CONDITIONS,
            cond('TopologyReconciled', 'False', 'ReconcilePending'),
          ),
        }),
      ],
      [
        'the latest generation is not observed',
        clusterWith({ generation: 3, observedGeneration: 2 }),
      ],
      [
        'a worker counter is not up to date',
        clusterWith({ workers: { desired: 3, available: 2 } }),
      ],
      [
        'a control plane counter is not up to date',
        clusterWith({ controlPlane: { desired: 3, ready: 2 } }),
      ],
    ])('is not Running while %s', (_what, live) => {
      expect(deriveClusterStatus(live, desiredInfo(), soon).phase).toBe(
        'Provisioning',
      );
    });

    it('ignores the deprecated status.phase', () => {
      const live = healthyCluster();
      (live.cluster!.status as Record<string, unknown>).phase = 'Failed';
      expect(deriveClusterStatus(live, desiredInfo(), soon).phase).toBe(
        'Running',
      );
    });

    it('does not compare with a desired state the product has not applied yet', () => {
      const pending = desiredInfo({
        ...running,
        applied: false,
        kubernetesVersion: 'v1.34.1',
        pools: { workers: 5 },
      });
      expect(deriveClusterStatus(healthyCluster(), pending, soon).phase).toBe(
        'Running',
      );
    });
  });

  describe('provisioning', () => {
    const provisioning = (conditions = HEALTHY_CLUSTER_CONDITIONS) => ({
      ...healthyCluster(),
      cluster: clusterObject({
        conditions,
        controlPlane: { desired: 3, current: 1, ready: 1, upToDate: 1 },
        workers: { desired: 3, current: 0, ready: 0, upToDate: 0 },
      }),
      controlPlane: kubeadmControlPlane({
        replicas: { desired: 3, current: 1, ready: 1, upToDate: 1 },
      }),
      pools: [
        machineDeployment('workers', {
          replicas: { desired: 3, current: 0 },
          versions: [],
        }),
      ],
    });
    const waiting = withConditions(
      HEALTHY_CLUSTER_CONDITIONS,
      cond('Available', 'False', 'NotAvailable', '* WorkersAvailable: waiting'),
      cond(
        'WorkersAvailable',
        'False',
        'NotAvailable',
        '* MachineDeployment demo-workers: 0 available replicas',
        '2025-06-01T10:05:00Z',
      ),
    );

    it('reports steps done over steps in all', () => {
      const status = deriveClusterStatus(
        provisioning(waiting),
        desiredInfo(),
        soon,
      );
      expect(status.phase).toBe('Provisioning');
      expect(status.progress).toEqual({
        done: 2,
        total: 7,
        label:
          'infrastructure ready, control plane 1/3 ready, workers 0/3 ready',
      });
      expect(status.message).toBe(
        'Infrastructure ready, control plane 1/3 ready, workers 0/3 ready',
      );
      expect(status.nodes).toEqual({ ready: 1, desired: 6 });
      expect(status.lastError).toBeUndefined();
    });

    it('shows a reported failure while it keeps provisioning (Cluster API has no terminal failure)', () => {
      const failing = withConditions(
        waiting,
        cond(
          'TopologyReconciled',
          'False',
          'ClusterClassNotFound',
          'ClusterClass default/dev not found',
        ),
      );
      const status = deriveClusterStatus(
        provisioning(failing),
        desiredInfo(),
        soon,
      );
      expect(status.phase).toBe('Provisioning');
      expect(status.lastError).toEqual({
        reason: 'ClusterClassNotFound',
        message:
          'TopologyReconciled is False (ClusterClassNotFound): ClusterClass default/dev not found',
      });
      expect(status.message).toBe(status.lastError?.message);
    });

    it('is Failed after the provisioning timeout, saying which condition blocks', () => {
      const status = deriveClusterStatus(
        provisioning(waiting),
        desiredInfo({ provisioningTimeoutMs: 20 * MINUTE }),
        minutesAfter(T0, 21),
      );
      expect(status.phase).toBe('Failed');
      expect(status.message).toBe(
        'Provisioning did not complete within 20m: WorkersAvailable is False (NotAvailable): MachineDeployment demo-workers: 0 available replicas',
      );
      expect(status.lastError).toEqual({
        reason: 'ProvisioningTimeout',
        message: status.message,
      });
    });

    it('counts the timeout from creation when the apply time is unknown', () => {
      const desired = desiredInfo({
        appliedAt: undefined,
        createdAt: minutesAfter(T0, -40),
      });
      expect(
        deriveClusterStatus(provisioning(waiting), desired, soon).phase,
      ).toBe('Failed');
    });

    it('never times out while paused', () => {
      const status = deriveClusterStatus(
        provisioning(waiting),
        desiredInfo({ paused: true }),
        minutesAfter(T0, 90),
      );
      expect(status.phase).toBe('Provisioning');
      expect(status.message).toBe('Reconciliation is paused');
    });
  });

  describe('updates of a running cluster', () => {
    it('is Updating while the control plane does not run the applied version yet', () => {
      const live = healthyCluster();
      live.controlPlane = kubeadmControlPlane({
        replicas: { desired: 3, current: 4, upToDate: 1 },
        specVersion: 'v1.34.1',
        versions: [
          { version: 'v1.33.4', replicas: 3 },
          { version: 'v1.34.1', replicas: 1 },
        ],
      });
      const desired = { ...running, kubernetesVersion: '1.34.1' };
      const status = deriveClusterStatus(live, desired, soon);
      expect(status.phase).toBe('Updating');
      expect(status.kubernetesVersion).toBe('v1.33.4');
      expect(status.progress).toEqual({
        done: 1,
        total: 6,
        label: 'control plane 1/3 up to date, workers 0/3 up to date',
      });
      expect(status.message).toBe(
        `Upgrading to v1.34.1: ${status.progress?.label}`,
      );
    });

    it('is Updating while machines roll out a new template at the same version', () => {
      const live = healthyCluster();
      live.pools = [
        machineDeployment('workers', {
          replicas: { desired: 3, current: 4, upToDate: 2 },
        }),
      ];
      const status = deriveClusterStatus(live, running, soon);
      expect(status.phase).toBe('Updating');
      expect(status.message).toMatch(/^Rolling out changes: /);
    });

    it('is Updating when a spec change is not observed yet', () => {
      const live = clusterWith({ generation: 4, observedGeneration: 3 });
      expect(deriveClusterStatus(live, running, soon).phase).toBe('Updating');
    });

    it('is Scaling towards applied counts with versions unchanged', () => {
      const desired = { ...running, pools: { workers: 5 } };
      // Applied, not yet propagated to the MachineDeployment.
      const before = deriveClusterStatus(healthyCluster(), desired, soon);
      expect(before.phase).toBe('Scaling');
      expect(before.progress).toMatchObject({ done: 6, total: 8 });

      const live = healthyCluster();
      live.pools = [
        machineDeployment('workers', {
          replicas: { desired: 5, current: 4, upToDate: 4 },
        }),
      ];
      const status = deriveClusterStatus(live, desired, soon);
      expect(status.phase).toBe('Scaling');
      expect(status.progress).toEqual({
        done: 7,
        total: 8,
        label: 'control plane 3/3 ready, workers 4/5 ready',
      });
      expect(status.nodes).toEqual({ ready: 7, desired: 8 });
    });

    it('moves forward when scaling down', () => {
      const live = healthyCluster();
      live.pools = [
        machineDeployment('workers', {
          replicas: { desired: 3, current: 5, upToDate: 5 },
        }),
      ];
      const status = deriveClusterStatus(live, running, soon);
      expect(status.phase).toBe('Scaling');
      expect(status.progress?.label).toBe(
        'control plane 3/3 ready, workers 1/3 ready',
      );
    });

    it('is Scaling when a pool is added or removed', () => {
      const added = { ...running, pools: { workers: 3, gpu: 2 } };
      expect(deriveClusterStatus(healthyCluster(), added, soon)).toMatchObject({
        phase: 'Scaling',
        progress: { label: 'control plane 3/3 ready, workers 3/5 ready' },
      });
      const removed = { ...running, pools: {} };
      expect(deriveClusterStatus(healthyCluster(), removed, soon).phase).toBe(
        'Scaling',
      );
    });

    it('leaves the count of an autoscaled pool to the autoscaler, within its bounds', () => {
      const autoscaled = { ...running, pools: { workers: { min: 2, max: 6 } } };
      const live = (desired: number) => {
        const objects = healthyCluster({ workers: desired });
        objects.cluster = clusterObject({
          controlPlane: { desired: 3 },
          workers: { desired },
        });
        return objects;
      };
      expect(deriveClusterStatus(live(5), autoscaled, soon)).toMatchObject({
        phase: 'Running',
        nodes: { ready: 8, desired: 8 },
      });
      expect(deriveClusterStatus(live(8), autoscaled, soon)).toMatchObject({
        phase: 'Scaling',
        progress: { label: 'control plane 3/3 ready, workers 4/6 ready' },
        nodes: { ready: 11, desired: 9 },
      });
    });

    it('keeps Scaling while new machines become ready, but a machine lost on a settled cluster is Degraded', () => {
      const live = clusterWith({
        conditions: withConditions(
          HEALTHY_CLUSTER_CONDITIONS,
          cond(
            'Available',
            'False',
            'NotAvailable',
            '* WorkersAvailable: 2 of 3',
          ),
          cond(
            'WorkersAvailable',
            'False',
            'NotAvailable',
            '* MachineDeployment demo-workers: 2 available replicas, at least 3 required',
          ),
        ),
        workers: { desired: 3, ready: 2 },
      });
      live.pools = [
        machineDeployment('workers', { replicas: { desired: 3, ready: 2 } }),
      ];
      expect(
        deriveClusterStatus(
          live,
          { ...running, previousPhase: 'Scaling', previousPhaseSince: T0 },
          soon,
        ).phase,
      ).toBe('Scaling');
      const degraded = deriveClusterStatus(live, running, soon);
      expect(degraded.phase).toBe('Degraded');
      expect(degraded.lastError).toEqual({
        reason: 'NotAvailable',
        message:
          'WorkersAvailable is False (NotAvailable): MachineDeployment demo-workers: 2 available replicas, at least 3 required',
      });
    });

    it('is Degraded when a failure is reported, even while work is under way', () => {
      const live = clusterWith({
        conditions: withConditions(
          HEALTHY_CLUSTER_CONDITIONS,
          cond(
            'ControlPlaneAvailable',
            'False',
            'EtcdClusterUnhealthy',
            'etcd member demo-cp-1 is unhealthy',
          ),
        ),
      });
      const status = deriveClusterStatus(
        live,
        { ...running, pools: { workers: 4 } },
        soon,
      );
      expect(status.phase).toBe('Degraded');
      expect(status.message).toBe(
        'ControlPlaneAvailable is False (EtcdClusterUnhealthy): etcd member demo-cp-1 is unhealthy',
      );
    });

    it('is Failed when an update outlasts its timeout, naming the blocking condition', () => {
      const live = healthyCluster();
      live.controlPlane = kubeadmControlPlane({
        replicas: { desired: 3, current: 4, upToDate: 1 },
        specVersion: 'v1.34.1',
        conditions: [
          cond('Available', 'True', 'Available'),
          cond(
            'MachinesReady',
            'False',
            'NotReady',
            '* Machine demo-cp-x: NodeNotFound',
            '2025-06-01T10:20:00Z',
          ),
        ],
      });
      const desired = {
        ...running,
        kubernetesVersion: 'v1.34.1',
        previousPhase: 'Updating' as const,
        previousPhaseSince: minutesAfter(T0, 1),
      };
      expect(
        deriveClusterStatus(live, desired, minutesAfter(T0, 30)).phase,
      ).toBe('Updating');
      const status = deriveClusterStatus(live, desired, minutesAfter(T0, 32));
      expect(status.phase).toBe('Failed');
      expect(status.message).toBe(
        'The update did not complete within 30m: KubeadmControlPlane/demo-control-plane: MachinesReady is False (NotReady): Machine demo-cp-x: NodeNotFound',
      );
      expect(status.lastError?.reason).toBe('UpdateTimeout');
      // Stays Failed on the next derivation, until the work completes.
      expect(
        deriveClusterStatus(
          live,
          {
            ...desired,
            previousPhase: 'Failed',
            previousPhaseSince: minutesAfter(T0, 32),
          },
          minutesAfter(T0, 33),
        ).phase,
      ).toBe('Failed');
      expect(
        deriveClusterStatus(
          healthyCluster({ version: 'v1.34.1' }),
          { ...desired, previousPhase: 'Failed' },
          minutesAfter(T0, 40),
        ).phase,
      ).toBe('Running');
    });

    it('starts the clock when work begins on a settled cluster long after the last apply', () => {
      const live = healthyCluster();
      live.pools = [
        machineDeployment('workers', {
          replicas: { desired: 4, current: 3 },
        }),
      ];
      const desired = {
        ...running,
        pools: { workers: 4 },
        previousPhaseSince: minutesAfter(T0, 5),
      };
      expect(
        deriveClusterStatus(live, desired, minutesAfter(T0, 600)).phase,
      ).toBe('Scaling');
    });
  });

  describe('deletion', () => {
    it('is Deleting once requested, before Cluster API starts', () => {
      const status = deriveClusterStatus(
        healthyCluster(),
        { ...running, deletionRequested: true, deletionRequestedAt: soon },
        soon,
      );
      expect(status.phase).toBe('Deleting');
      expect(status.message).toBe(
        'Deletion requested, not yet sent to the management cluster',
      );
    });

    it('follows the steps Cluster API reports', () => {
      const live = clusterWith({
        deletionTimestamp: '2025-06-01T11:00:00Z',
        conditions: withConditions(
          HEALTHY_CLUSTER_CONDITIONS,
          cond(
            'Deleting',
            'True',
            'WaitingForControlPlaneDeletion',
            '* Control plane: KubeadmControlPlane demo-control-plane',
          ),
        ),
      });
      live.pools = [];
      const status = deriveClusterStatus(live, running, soon);
      expect(status).toMatchObject({
        phase: 'Deleting',
        message:
          'Deleting the control plane: Control plane: KubeadmControlPlane demo-control-plane',
        progress: { done: 1, total: 3, label: 'deleting the control plane' },
      });
    });

    it('is Deleting on Deleting=True alone, and Deleted once the Cluster is gone', () => {
      const live = clusterWith({
        conditions: withConditions(
          HEALTHY_CLUSTER_CONDITIONS,
          cond(
            'Deleting',
            'True',
            'WaitingForWorkersDeletion',
            '* MachineDeployments: demo-workers',
          ),
        ),
      });
      expect(deriveClusterStatus(live, running, soon).phase).toBe('Deleting');
      const gone = deriveClusterStatus(
        { pools: [] },
        { ...running, previousPhase: 'Deleting', deletionRequested: true },
        soon,
      );
      expect(gone).toMatchObject({
        phase: 'Deleted',
        message: 'Deleted from the management cluster',
        nodes: { ready: 0 },
      });
    });
  });

  describe('conditions', () => {
    it('collects v1beta2 and v1beta1 conditions of the Cluster, control plane and pools with their source', () => {
      const live = healthyCluster();
      (live.cluster!.status as any).deprecated = {
        v1beta1: {
          conditions: [
            { type: 'Ready', status: 'True', lastTransitionTime: 'x' },
            { type: 'Available', status: 'False', severity: 'Error' },
          ],
        },
      };
      const status = deriveClusterStatus(live, desiredInfo(), soon);
      const sources = new Set(status.conditions.map(c => c.source));
      expect(sources).toEqual(
        new Set([
          'Cluster',
          `KubeadmControlPlane/${CLUSTER}-control-plane`,
          `MachineDeployment/${CLUSTER}-workers`,
        ]),
      );
      // The deprecated Ready is shown; its Available duplicate is not.
      expect(
        status.conditions.filter(
          c =>
            c.source === 'Cluster' && ['Ready', 'Available'].includes(c.type),
        ),
      ).toEqual([
        expect.objectContaining({ type: 'Available', status: 'True' }),
        expect.objectContaining({ type: 'Ready', status: 'True' }),
      ]);
      expect(status.phase).toBe('Running');
    });

    it('reads providers on the v1beta1 contract: severity Error is a failure, Info is progress', () => {
      const eks = (severity: string, reason: string) => ({
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
        kind: 'AWSManagedControlPlane',
        metadata: { name: 'demo-control-plane', generation: 1 },
        spec: { version: 'v1.33.4' },
        status: {
          ready: false,
          version: 'v1.33.4',
          conditions: [
            {
              type: 'Ready',
              status: 'False',
              severity,
              reason,
              message: 'EKS says no',
            },
          ],
        },
      });
      // The Cluster only says its control plane is not available; the
      // provider's reason and severity are on the control plane.
      const live = (severity: string, reason: string) => ({
        ...healthyCluster(),
        cluster: clusterObject({
          workers: { desired: 3 },
          conditions: withConditions(
            HEALTHY_CLUSTER_CONDITIONS,
            cond('Available', 'False', 'NotAvailable'),
            cond('ControlPlaneAvailable', 'False', 'NotAvailable'),
          ),
        }),
        controlPlane: eks(severity, reason),
      });
      const managed = desiredInfo({
        managed: true,
        controlPlaneReplicas: undefined,
      });

      const creating = deriveClusterStatus(
        live('Info', 'EKSControlPlaneCreating'),
        managed,
        soon,
      );
      expect(creating).toMatchObject({
        phase: 'Provisioning',
        controlPlane: { managed: true, version: 'v1.33.4' },
        progress: {
          label:
            'infrastructure ready, control plane provisioning, workers 3/3 ready',
        },
        nodes: { ready: 3, desired: 3 },
      });
      expect(creating.lastError).toBeUndefined();

      const failing = live('Error', 'EKSControlPlaneReconciliationFailed');
      expect(deriveClusterStatus(failing, managed, soon)).toMatchObject({
        phase: 'Provisioning',
        lastError: {
          reason: 'EKSControlPlaneReconciliationFailed',
          message:
            'AWSManagedControlPlane/demo-control-plane: Ready is False (EKSControlPlaneReconciliationFailed): EKS says no',
        },
      });
      const degraded = deriveClusterStatus(
        failing,
        { ...managed, previousPhase: 'Running', everRunning: true },
        soon,
      );
      expect(degraded.phase).toBe('Degraded');
      expect(degraded.lastError?.reason).toBe(
        'EKSControlPlaneReconciliationFailed',
      );
      expect(degraded.conditions).toContainEqual(
        expect.objectContaining({
          source: 'AWSManagedControlPlane/demo-control-plane',
          severity: 'Error',
        }),
      );
    });

    it('reads new conditions of objects served at v1beta1 and GKE versions', () => {
      const gke = {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'GCPManagedControlPlane',
        metadata: { name: 'demo-control-plane' },
        spec: { controlPlaneVersion: 'v1.33.4' },
        status: {
          ready: true,
          currentVersion: '1.33.4-gke.100',
          v1beta2: {
            conditions: [
              { type: 'Available', status: 'True', reason: 'Available' },
            ],
          },
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      };
      const status = deriveClusterStatus(
        { ...clusterWith({ controlPlane: undefined }), controlPlane: gke },
        desiredInfo({ managed: true }),
        soon,
      );
      expect(status.controlPlane).toEqual({
        managed: true,
        version: '1.33.4-gke.100',
      });
      // GKE's suffix names the same release as the v1.33.4 asked for.
      expect(status.phase).toBe('Running');
      expect(
        status.conditions
          .filter(c => c.source === 'GCPManagedControlPlane/demo-control-plane')
          .map(c => c.type),
      ).toEqual(['Available', 'Ready']);
    });
  });

  it('brackets IPv6 API server hosts', () => {
    const live = clusterWith({ endpoint: { host: 'fd00::10', port: 6443 } });
    expect(deriveClusterStatus(live, desiredInfo(), soon).apiServer).toBe(
      'https://[fd00::10]:6443',
    );
  });

  it('keeps a paused running cluster Running', () => {
    const live = clusterWith({
      paused: true,
      generation: 2,
      observedGeneration: 1,
      conditions: withConditions(
        HEALTHY_CLUSTER_CONDITIONS,
        cond('Paused', 'True', 'Paused'),
        cond('TopologyReconciled', 'False', 'Paused', 'Cluster is paused'),
      ),
    });
    expect(deriveClusterStatus(live, running, soon)).toMatchObject({
      phase: 'Running',
      message: 'Reconciliation is paused',
    });
  });
});
