import { ResourceRegistry } from '../api/ResourceRegistry';
import { ExistingClusters } from '../workload/existing/ExistingClusters';
import { StatusError } from '../server/StatusError';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject, WatchEvent } from '../store/types';
import { findCondition } from './conditions';
import { LABELS, SIMULATOR_ANNOTATIONS } from './constants';
import {
  ControllerContext,
  TypeInfo,
  clusterKeyOf,
  specOf,
  statusOf,
} from './context';
import { reconcileCluster } from './cluster';
import { reconcileControlPlane } from './controlPlane';
import { reconcileHelmChartProxy, reconcileHelmReleaseProxy } from './helm';
import { reconcileInfraCluster } from './infrastructure';
import { reconcileInfraMachinePool, reconcileWorkers } from './workers';

/**
 * How fast the simulated controllers move.
 *
 * @public
 */
export interface SimulatorTiming {
  /** ms per simulated step (one machine coming up, infra becoming ready, ...). 0 = as fast as possible. */
  stepMs: number;
}

/**
 * Timing presets: `instant` for unit tests, `fast` for integration tests,
 * `realistic` for the demo (a cluster with 3 control plane and 3 worker
 * machines becomes Available in about 40 seconds).
 *
 * @public
 */
export const TIMING_PRESETS: {
  instant: SimulatorTiming;
  fast: SimulatorTiming;
  realistic: SimulatorTiming;
} = {
  instant: { stepMs: 0 },
  fast: { stepMs: 5 },
  realistic: { stepMs: 8_000 },
};

/**
 * Options of {@link startControllers}.
 *
 * @public
 */
export interface ControllerOptions {
  store: ObjectStore;
  registry: ResourceRegistry;
  timing: SimulatorTiming;
  /** URL of the simulated workload API server of a cluster, for its kubeconfig Secret */
  workloadServerUrl: (namespace: string, name: string) => string;
  /** Existing clusters the simulated CAAPH installs into when a kubeconfig points at one. */
  existingClusters?: ExistingClusters;
  logger?: (msg: string) => void;
}

/**
 * The running simulated controllers.
 *
 * @public
 */
export interface RunningControllers {
  stop(): Promise<void>;
  /** resolves when no work is queued or scheduled */
  idle(): Promise<void>;
}

const MAX_RETRIES = 10;

/**
 * Starts the simulated Cluster API controllers (core, topology, kubeadm
 * control plane, the infrastructure providers and CAAPH) on a store: every
 * change to a watched object queues the reconcilers it concerns, and each
 * reconcile converges its object by at most one simulated step.
 *
 * @public
 */
export function startControllers(
  options: ControllerOptions,
): RunningControllers {
  const log = options.logger ?? (() => {});
  const retries = new Map<string, number>();
  const signatures = new Map<string, string>();
  const refsOfCluster = new Map<string, string[]>();

  const ctx: ControllerContext = new ControllerContext(
    options.store,
    options.registry,
    Math.max(0, options.timing.stepMs),
    options.workloadServerUrl,
    log,
    key => process(key),
    options.existingClusters,
  );

  function process(key: string) {
    const { info, namespace, name } = ctx.parseKey(key);
    if (!info?.role) return;
    const obj = ctx.get(info, namespace, name);
    if (!obj) {
      ctx.resetStep(key);
      retries.delete(key);
      return;
    }
    try {
      reconcile(key, info, obj);
      retries.delete(key);
    } catch (error) {
      const attempt = (retries.get(key) ?? 0) + 1;
      retries.set(key, attempt);
      if (attempt > MAX_RETRIES) {
        log(`giving up on ${key} after ${MAX_RETRIES} attempts: ${error}`);
        retries.delete(key);
        return;
      }
      const conflict = error instanceof StatusError && error.code === 409;
      if (!conflict) log(`reconcile of ${key} failed: ${error}`);
      ctx.queue.addAfter(key, conflict ? 0 : 10 * 2 ** attempt);
    }
  }

  function reconcile(key: string, info: TypeInfo, obj: KubeObject) {
    switch (info.role) {
      case 'cluster':
        reconcileCluster(ctx, key, info, obj);
        break;
      case 'infraCluster':
        reconcileInfraCluster(ctx, key, info, obj);
        break;
      case 'controlPlane':
        reconcileControlPlane(ctx, key, info, obj);
        break;
      case 'machineDeployment':
      case 'machinePool':
        reconcileWorkers(ctx, key, info, obj);
        break;
      case 'infraMachinePool':
        reconcileInfraMachinePool(ctx, key, info, obj);
        break;
      case 'helmChartProxy':
        reconcileHelmChartProxy(ctx, key, info, obj);
        break;
      case 'helmReleaseProxy':
        reconcileHelmReleaseProxy(ctx, key, info, obj);
        break;
      default:
        break;
    }
  }

  /** What the objects of a Cluster read from it: when it changes, they are queued. */
  function signatureOf(cluster: KubeObject): string {
    const a = cluster.metadata.annotations ?? {};
    const init = statusOf(cluster).initialization ?? {};
    return [
      specOf(cluster).paused === true,
      a[SIMULATOR_ANNOTATIONS.paused] !== undefined,
      a[SIMULATOR_ANNOTATIONS.fail] ?? '',
      a[SIMULATOR_ANNOTATIONS.failMessage] ?? '',
      a[SIMULATOR_ANNOTATIONS.stall] ?? '',
      !!cluster.metadata.deletionTimestamp,
      init.infrastructureProvisioned === true,
      init.controlPlaneInitialized === true,
      findCondition(cluster, 'ControlPlaneAvailable')?.status ?? '',
    ].join('|');
  }

  function onCluster(
    event: WatchEvent,
    key: string,
    namespace: string,
    name: string,
  ) {
    const obj = event.object;
    const gone = event.type === 'DELETED';
    const clusterKey = clusterKeyOf(namespace, name);
    const spec = specOf(obj);

    const topology = spec.topology;
    const className = topology?.classRef?.name ?? topology?.class;
    ctx.indexClusterClass(
      clusterKey,
      !gone && className
        ? clusterKeyOf(topology.classRef?.namespace ?? namespace, className)
        : undefined,
    );

    // Referenced objects find their Cluster even before it adopts them.
    for (const ref of refsOfCluster.get(clusterKey) ?? []) {
      if (ctx.clusterByRef.get(ref) === clusterKey)
        ctx.clusterByRef.delete(ref);
    }
    refsOfCluster.delete(clusterKey);
    if (!gone) {
      const refs: string[] = [];
      for (const ref of [spec.infrastructureRef, spec.controlPlaneRef]) {
        const refInfo = ctx.infoOfRef(ref);
        if (!refInfo || !ref?.name) continue;
        const refKey = ctx.keyOf(refInfo, namespace, ref.name);
        ctx.clusterByRef.set(refKey, clusterKey);
        refs.push(refKey);
      }
      if (refs.length) refsOfCluster.set(clusterKey, refs);
    }

    // HelmChartProxies select Clusters by label.
    let inNamespace = ctx.clustersByNamespace.get(namespace);
    if (!inNamespace) {
      inNamespace = new Map();
      ctx.clustersByNamespace.set(namespace, inNamespace);
    }
    const before = inNamespace.get(name);
    const after = gone
      ? undefined
      : {
          labels: { ...(obj.metadata.labels ?? {}) },
          deleting: !!obj.metadata.deletionTimestamp,
        };
    if (after) inNamespace.set(name, after);
    else inNamespace.delete(name);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      for (const proxy of ctx.helmChartProxies.get(namespace) ?? []) {
        ctx.enqueue(
          ctx.infoByKind('addons.cluster.x-k8s.io', 'HelmChartProxy'),
          namespace,
          proxy,
        );
      }
    }

    // Objects of the Cluster react to what they read from it.
    const signature = gone ? undefined : signatureOf(obj);
    if (signature !== signatures.get(clusterKey)) {
      if (signature === undefined) signatures.delete(clusterKey);
      else signatures.set(clusterKey, signature);
      for (const child of ctx.childrenByCluster.get(clusterKey) ?? [])
        ctx.queue.add(child);
      const hrpInfo = ctx.infoByKind(
        'addons.cluster.x-k8s.io',
        'HelmReleaseProxy',
      );
      for (const hrp of ctx.releasesByCluster.get(clusterKey) ?? [])
        ctx.enqueue(hrpInfo, namespace, hrp);
    }

    if (gone) ctx.resetStep(key);
    else ctx.queue.add(key);
  }

  function onEvent(event: WatchEvent) {
    const info = ctx.infoByTypeKey(event.typeKey);
    if (!info?.role) return;
    const obj = event.object;
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name;
    const key = ctx.keyOf(info, namespace, name);
    const gone = event.type === 'DELETED';
    if (info.role !== 'secret') ctx.observe(key, gone ? undefined : obj);
    switch (info.role) {
      case 'cluster':
        onCluster(event, key, namespace, name);
        return;
      case 'clusterClass':
        for (const cluster of ctx.clustersByClass.get(
          clusterKeyOf(namespace, name),
        ) ?? []) {
          const [ns, n] = splitKey(cluster);
          ctx.enqueue(ctx.clusterInfo, ns, n);
        }
        return;
      case 'infraCluster':
      case 'controlPlane':
      case 'machineDeployment':
      case 'machinePool':
      case 'infraMachinePool': {
        const clusterName = ctx.clusterNameOf(obj);
        const clusterKey = clusterName
          ? clusterKeyOf(namespace, clusterName)
          : ctx.clusterByRef.get(key);
        ctx.indexChild(key, gone ? undefined : clusterKey);
        if (info.role === 'machinePool') {
          const ref = specOf(obj).template?.spec?.infrastructureRef;
          const refInfo = ctx.infoOfRef(ref);
          if (refInfo && ref?.name) {
            const infraKey = ctx.keyOf(refInfo, namespace, ref.name);
            if (gone) ctx.machinePoolOfInfra.delete(infraKey);
            else ctx.machinePoolOfInfra.set(infraKey, key);
          }
        }
        if (info.role === 'infraMachinePool') {
          const pool = ctx.machinePoolOfInfra.get(key);
          if (pool) ctx.queue.add(pool);
        }
        if (gone) ctx.resetStep(key);
        else ctx.queue.add(key);
        if (clusterKey) {
          const [ns, n] = splitKey(clusterKey);
          ctx.enqueue(ctx.clusterInfo, ns, n);
        }
        return;
      }
      case 'secret': {
        const clusterName =
          obj.metadata.labels?.[LABELS.clusterName] ??
          name.replace(/-kubeconfig$/, '');
        if (name !== `${clusterName}-kubeconfig`) return;
        const clusterKey = clusterKeyOf(namespace, clusterName);
        if (gone) {
          ctx.kubeconfigSecrets.delete(clusterKey);
          ctx.enqueue(ctx.clusterInfo, namespace, clusterName);
        } else {
          ctx.kubeconfigSecrets.add(clusterKey);
          // A Cluster whose control plane is external waits for this Secret.
          const cluster = ctx.get(ctx.clusterInfo, namespace, clusterName);
          if (
            cluster &&
            !statusOf(cluster).initialization?.controlPlaneInitialized
          )
            ctx.enqueue(ctx.clusterInfo, namespace, clusterName);
        }
        return;
      }
      case 'helmChartProxy': {
        let names = ctx.helmChartProxies.get(namespace);
        if (!names) {
          names = new Set();
          ctx.helmChartProxies.set(namespace, names);
        }
        if (gone) {
          names.delete(name);
          ctx.resetStep(key);
        } else {
          names.add(name);
          ctx.queue.add(key);
        }
        return;
      }
      case 'helmReleaseProxy': {
        const proxy = obj.metadata.labels?.[LABELS.helmChartProxyName];
        const clusterName: string | undefined =
          specOf(obj).clusterRef?.name ??
          obj.metadata.labels?.[LABELS.clusterName];
        if (proxy && clusterName) {
          const proxyKey = clusterKeyOf(namespace, proxy);
          let byCluster = ctx.releasesByProxy.get(proxyKey);
          if (!byCluster) {
            byCluster = new Map();
            ctx.releasesByProxy.set(proxyKey, byCluster);
          }
          if (gone) {
            if (byCluster.get(clusterName) === name)
              byCluster.delete(clusterName);
            if (!byCluster.size) ctx.releasesByProxy.delete(proxyKey);
          } else {
            byCluster.set(clusterName, name);
          }
          ctx.enqueue(
            ctx.infoByKind('addons.cluster.x-k8s.io', 'HelmChartProxy'),
            namespace,
            proxy,
          );
        }
        if (clusterName) {
          const clusterKey = clusterKeyOf(namespace, clusterName);
          let names = ctx.releasesByCluster.get(clusterKey);
          if (!names) {
            names = new Set();
            ctx.releasesByCluster.set(clusterKey, names);
          }
          if (gone) names.delete(name);
          else names.add(name);
          if (!names.size) ctx.releasesByCluster.delete(clusterKey);
        }
        if (gone) ctx.resetStep(key);
        else ctx.queue.add(key);
        return;
      }
      default:
        return;
    }
  }

  // Initial list (Clusters first, so references resolve), then the watch.
  const fromRevision = options.store.currentRevision;
  const seen = new Set<string>();
  const types = options.registry
    .all()
    .map(t => ctx.infoByTypeKey(`${t.group}/${t.plural}`))
    .filter((i): i is TypeInfo => !!i?.role)
    .filter(i => !seen.has(i.typeKey) && !!seen.add(i.typeKey))
    .sort(
      (a, b) => Number(b.role === 'cluster') - Number(a.role === 'cluster'),
    );
  for (const info of types) {
    for (const object of [...options.store.scan(info.type)]) {
      onEvent({
        type: 'ADDED',
        object,
        resourceVersion: fromRevision,
        typeKey: info.typeKey,
      });
    }
  }
  const unsubscribe = options.store.watch(fromRevision, onEvent);
  log(`simulated Cluster API controllers started (step ${ctx.stepMs} ms)`);

  return {
    async stop() {
      unsubscribe();
      ctx.queue.stop();
    },
    idle: () => ctx.queue.idle(),
  };
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
