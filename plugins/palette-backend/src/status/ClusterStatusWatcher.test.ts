import { mockServices } from '@backstage/backend-test-utils';
import * as k8s from '@kubernetes/client-node';
import {
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
} from '@palette-backstage/plugin-palette-common';
import { PhaseTracker, desiredInfo } from './__testUtils__/desiredInfo';
import {
  NAMESPACE,
  TestClusterSpec,
  TestManagementCluster,
  apply,
  clusterClass,
  deleteCluster,
  paletteCluster,
  startManagementCluster,
} from './__testUtils__/simulatorFixtures';
import {
  CONNECTION_CHANGE_KIND,
  ClusterStatusWatcher,
  ClusterStatusWatcherOptions,
} from './ClusterStatusWatcher';

jest.setTimeout(60_000);

const TOKEN = 'watcher-test-token';
const SPEC: TestClusterSpec = {
  version: 'v1.33.4',
  controlPlaneReplicas: 3,
  workers: { workers: 2 },
};

async function until<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('ClusterStatusWatcher', () => {
  let mc: TestManagementCluster;
  let watcher: ClusterStatusWatcher;
  let changes: Array<{ cluster: string; kind: string; at: number }>;

  beforeEach(async () => {
    // `fast`: 5 ms per simulated step, so that the watch sees the steps.
    mc = await startManagementCluster({ timing: 'fast', token: TOKEN });
    await apply(mc.kubeConfig, clusterClass('dev'));
    changes = [];
  });
  afterEach(async () => {
    await watcher?.stop();
    await mc.simulator.stop();
  });

  function newWatcher(
    options: Partial<ClusterStatusWatcherOptions> = {},
  ): ClusterStatusWatcher {
    watcher = new ClusterStatusWatcher({
      kubeConfig: mc.kubeConfig,
      namespace: NAMESPACE,
      logger: mockServices.logger.mock(),
      backoff: { initialMs: 50, maxMs: 400 },
      ...options,
    });
    watcher.onChange((cluster, kind) =>
      changes.push({ cluster, kind, at: Date.now() }),
    );
    return watcher;
  }

  /** Derives the cluster's status on every change the watcher reports, as the product does. */
  function track(name: string, tracker: PhaseTracker) {
    watcher.onChange(cluster => {
      if (cluster === name) tracker.derive(watcher.snapshot(name));
    });
    return {
      tracker,
      reaches: (phase: string) =>
        until(`${name} to be ${phase}`, () => tracker.last?.phase === phase),
    };
  }

  it('follows a managed cluster through its lifecycle from watch events alone', async () => {
    await newWatcher().start();
    expect(watcher.isSynced()).toBe(true);
    expect(watcher.connection()).toMatchObject({
      state: 'connected',
      synced: true,
    });
    expect(watcher.problem()).toBeUndefined();

    const cluster = track(
      'demo',
      new PhaseTracker(
        desiredInfo({ pools: { workers: 2 }, appliedAt: new Date() }),
      ),
    );
    const { tracker } = cluster;
    await apply(mc.kubeConfig, paletteCluster('demo', SPEC));
    await cluster.reaches('Running');
    expect(tracker.phases).toEqual(['Provisioning', 'Running']);
    const live = watcher.snapshot('demo');
    expect(live.cluster).toMatchObject({ kind: 'Cluster' });
    expect(live.controlPlane).toMatchObject({
      kind: 'KubeadmControlPlane',
      metadata: { name: 'demo-control-plane' },
    });
    expect(live.pools.map(p => (p.metadata as any).name)).toEqual([
      'demo-workers',
    ]);
    expect(new Set(changes.map(c => c.kind))).toEqual(
      new Set(['Cluster', 'KubeadmControlPlane', 'MachineDeployment']),
    );

    // Scale, as the product does: server-side apply of the whole Cluster.
    let mark = tracker.phases.length - 1;
    tracker.applied({ pools: { workers: 4 } });
    await apply(
      mc.kubeConfig,
      paletteCluster('demo', { ...SPEC, workers: { workers: 4 } }),
    );
    await until('scaled', () => tracker.phases.length > mark + 1);
    await cluster.reaches('Running');
    expect(tracker.since(mark)).toEqual(['Running', 'Scaling', 'Running']);
    expect(tracker.last?.nodes).toEqual({ ready: 7, desired: 7 });

    mark = tracker.phases.length - 1;
    tracker.applied({ kubernetesVersion: 'v1.34.1' });
    const upgraded = { ...SPEC, version: 'v1.34.1', workers: { workers: 4 } };
    await apply(mc.kubeConfig, paletteCluster('demo', upgraded));
    await until('upgrading', () => tracker.phases.length > mark + 1);
    await cluster.reaches('Running');
    expect(tracker.since(mark)).toEqual(['Running', 'Updating', 'Running']);
    expect(tracker.last?.kubernetesVersion).toBe('v1.34.1');

    await apply(
      mc.kubeConfig,
      paletteCluster('demo', {
        ...upgraded,
        annotations: { 'simulator.palette.io/fail': 'controlplane' },
      }),
    );
    await cluster.reaches('Degraded');
    expect(tracker.last?.lastError?.reason).toBe('SimulatedFailure');

    tracker.desired = { ...tracker.desired, deletionRequested: true };
    await deleteCluster(mc.kubeConfig, 'demo');
    await cluster.reaches('Deleted');
    expect(tracker.since(tracker.phases.indexOf('Degraded'))).toEqual([
      'Degraded',
      'Deleting',
      'Deleted',
    ]);
    expect(watcher.snapshot('demo')).toEqual({ pools: [] });
    expect(watcher.clusterNames()).toEqual([]);
  });

  it('reports only Clusters labelled app.kubernetes.io/managed-by=palette', async () => {
    await newWatcher().start();
    const unmanaged = paletteCluster('other', SPEC);
    delete unmanaged.metadata!.labels![PALETTE_LABELS.managedBy];
    await apply(mc.kubeConfig, unmanaged);
    await apply(mc.kubeConfig, paletteCluster('demo', SPEC));
    await until('demo to be seen', () => watcher.snapshot('demo').controlPlane);
    await mc.simulator.idle();
    expect(watcher.clusterNames()).toEqual(['demo']);
    expect(changes.some(c => c.cluster === 'other')).toBe(false);
    expect(watcher.snapshot('other')).toEqual({ pools: [] });
    expect(
      (watcher.snapshot('demo').cluster!.metadata as any).labels[
        PALETTE_LABELS.managedBy
      ],
    ).toBe(PALETTE_MANAGED_BY);
  });

  it('lists page by page', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const name of names)
      await apply(mc.kubeConfig, paletteCluster(name, SPEC));
    const list = jest.spyOn(
      k8s.CustomObjectsApi.prototype,
      'listNamespacedCustomObject',
    );
    await newWatcher({ pageSize: 2 }).start();
    expect(watcher.clusterNames()).toEqual(names);
    const clusterPages = list.mock.calls.filter(
      ([request]) => request.plural === 'clusters',
    );
    expect(clusterPages.map(([request]) => request.limit)).toEqual([2, 2, 2]);
    list.mockRestore();
    expect(watcher.snapshot('e').cluster).toMatchObject({
      metadata: { name: 'e' },
    });
  });

  it('delivers a change well within 2 seconds', async () => {
    await newWatcher().start();
    await apply(mc.kubeConfig, paletteCluster('demo', SPEC));
    await until('demo to be seen', () => watcher.snapshot('demo').cluster);
    const custom = mc.kubeConfig.makeApiClient(k8s.CustomObjectsApi);
    const annotationOf = () =>
      (watcher.snapshot('demo').cluster!.metadata as any).annotations?.[
        'test/touch'
      ];
    /** Writes a new annotation; resolves with the time until the watcher reported it. */
    const touch = async (value: string) => {
      const from = changes.length;
      const started = Date.now();
      await custom.patchNamespacedCustomObject(
        {
          group: 'cluster.x-k8s.io',
          version: 'v1beta2',
          namespace: NAMESPACE,
          plural: 'clusters',
          name: 'demo',
          body: { metadata: { annotations: { 'test/touch': value } } },
        },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
      const seen = await until('the change', () =>
        changes
          .slice(from)
          .find(c => c.kind === 'Cluster' && annotationOf() === value),
      );
      return seen.at - started;
    };
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) latencies.push(await touch(String(i)));
    expect(Math.max(...latencies)).toBeLessThan(2_000);
  });

  it('reports a lost management cluster, then recovers and resyncs when it is back', async () => {
    await newWatcher().start();
    await apply(mc.kubeConfig, paletteCluster('demo', SPEC));
    await until('demo to be seen', () => watcher.snapshot('demo').cluster);
    const port = Number(new URL(mc.simulator.url).port);

    await mc.simulator.stop();
    await until('the loss to be noticed', () => !watcher.isSynced());
    await until(
      'the disconnected state',
      () => watcher.connection().state === 'disconnected',
    );
    // The watches broke; their retries are refused while it is down.
    await until('a refused retry', () =>
      watcher.connection().lastError?.message.includes('ECONNREFUSED'),
    );
    expect(watcher.problem()).toBe(
      'the management cluster is unreachable: cannot connect to the API server (ECONNREFUSED)',
    );
    // Every cached cluster is told, so that its status says it may be stale.
    expect(changes).toContainEqual(
      expect.objectContaining({
        cluster: 'demo',
        kind: CONNECTION_CHANGE_KIND,
      }),
    );
    // The cache is kept while disconnected.
    expect(watcher.snapshot('demo').cluster).toBeDefined();

    // The same address comes back, empty (the simulator keeps no state).
    ({ simulator: mc.simulator } = await startManagementCluster({
      port,
      token: TOKEN,
      timing: 'fast',
    }));
    await apply(mc.kubeConfig, clusterClass('dev'));
    const from = changes.length;
    await until('the resync', () => watcher.isSynced(), 20_000);
    expect(watcher.connection().state).toBe('connected');
    expect(watcher.problem()).toBeUndefined();
    // The fresh list has no `demo`: it is reported gone.
    await until('demo to be gone', () => !watcher.snapshot('demo').cluster);
    expect(changes.slice(from)).toContainEqual(
      expect.objectContaining({ cluster: 'demo', kind: 'Cluster' }),
    );

    const after = track(
      'after',
      new PhaseTracker(
        desiredInfo({ pools: { workers: 2 }, appliedAt: new Date() }),
      ),
    );
    await apply(mc.kubeConfig, paletteCluster('after', SPEC));
    await after.reaches('Running');
  });

  it('rejects start() while the management cluster is unreachable, and syncs once it comes up', async () => {
    const port = Number(new URL(mc.simulator.url).port);
    await mc.simulator.stop();
    await expect(newWatcher().start()).rejects.toThrow(
      'Cluster API discovery failed: cannot connect to the API server (ECONNREFUSED)',
    );
    expect(watcher.connection()).toMatchObject({
      state: 'disconnected',
      synced: false,
    });

    ({ simulator: mc.simulator } = await startManagementCluster({
      port,
      token: TOKEN,
      timing: 'fast',
    }));
    await apply(mc.kubeConfig, clusterClass('dev'));
    await apply(mc.kubeConfig, paletteCluster('demo', SPEC));
    await until('the first sync', () => watcher.isSynced(), 20_000);
    await until('demo to be seen', () =>
      changes.some(c => c.cluster === 'demo'),
    );
    expect(watcher.connection().state).toBe('connected');
  });

  it('watches the control plane kinds the management cluster serves, and skips the others', async () => {
    await newWatcher({
      controlPlaneKinds: [
        { group: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane' },
        {
          group: 'infrastructure.cluster.x-k8s.io',
          kind: 'GCPManagedControlPlane',
        },
        { group: 'controlplane.cluster.x-k8s.io', kind: 'NoSuchControlPlane' },
        { group: 'example.com', kind: 'OtherControlPlane' },
      ],
    }).start();
    expect(watcher.connection().watching).toEqual([
      'Cluster.cluster.x-k8s.io/v1beta2',
      'MachineDeployment.cluster.x-k8s.io/v1beta2',
      'MachinePool.cluster.x-k8s.io/v1beta2',
      'KubeadmControlPlane.controlplane.cluster.x-k8s.io/v1beta2',
      // CAPG serves v1beta1 in a group where CAPA serves v1beta2.
      'GCPManagedControlPlane.infrastructure.cluster.x-k8s.io/v1beta1',
    ]);
  });

  it('watches every control plane kind the product renders by default', async () => {
    await newWatcher().start();
    expect(watcher.connection().watching).toEqual(
      expect.arrayContaining([
        'KubeadmControlPlane.controlplane.cluster.x-k8s.io/v1beta2',
        'AWSManagedControlPlane.controlplane.cluster.x-k8s.io/v1beta2',
        'GCPManagedControlPlane.infrastructure.cluster.x-k8s.io/v1beta1',
        'AzureASOManagedControlPlane.infrastructure.cluster.x-k8s.io/v1beta1',
      ]),
    );
  });
});
