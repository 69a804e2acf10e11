import { ResourceRegistry, compareKubeVersions } from '../api/ResourceRegistry';
import { ResourceType } from '../api/resourceTypes';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { ConditionSpec, Condition, mergeConditions } from './conditions';
import {
  LABELS,
  SIMULATOR_ANNOTATIONS,
  SimulatedFailureStage,
} from './constants';
import { Role, StatusShape, roleOf, statusShapeOf } from './kinds';
import { WorkQueue } from './WorkQueue';
import { ExistingClusters } from '../workload/existing/ExistingClusters';

/** A served kind, with what the controllers need to know about it. */
export interface TypeInfo {
  type: ResourceType;
  /** `group/plural`, as the store keys objects and watch events. */
  typeKey: string;
  apiVersion: string;
  role?: Role;
  shape: StatusShape;
}

/** A `{apiGroup, kind, name}` reference (v1beta2 ContractVersionedObjectReference). */
export interface ObjectRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** How the simulation flags on a Cluster (and the object itself) steer an object. */
export interface Simulation {
  paused: boolean;
  stalled: boolean;
  /** Set when this object's stage is asked to fail. */
  failure?: { message: string };
}

export type Spec = Record<string, any>;

export const specOf = (obj: KubeObject | undefined): Spec =>
  (obj?.spec as Spec | undefined) ?? {};
export const statusOf = (obj: KubeObject | undefined): Spec =>
  (obj?.status as Spec | undefined) ?? {};

const objectKey = (ns: string | undefined, name: string) =>
  `${ns ?? ''}/${name}`;

/**
 * Shared state of the simulated controllers: typed access to the store, the
 * work queue, the step clock, and the indexes that keep every reconcile
 * proportional to one cluster's objects rather than to the fleet.
 */
export class ControllerContext {
  readonly queue: WorkQueue;
  private readonly byTypeKey = new Map<string, TypeInfo>();
  private readonly byKind = new Map<string, TypeInfo>();
  private lastRefresh = 0;
  /**
   * The latest version of every object the controllers watch, as the watch
   * delivered it (an informer cache): reads cost no copy. Shared with the
   * store's event history, so never mutated: changes go through clones.
   */
  private readonly cache = new Map<string, KubeObject>();
  /** When the pending step of an object is done (object key → epoch ms). */
  private readonly stepDue = new Map<string, number>();

  /** Cluster (`ns/name`) → keys of its infra cluster, control plane and workers. */
  readonly childrenByCluster = new Map<string, Set<string>>();
  private readonly clusterOfChild = new Map<string, string>();
  /** ClusterClass (`ns/name`) → Clusters (`ns/name`) that use it. */
  readonly clustersByClass = new Map<string, Set<string>>();
  private readonly classOfCluster = new Map<string, string>();
  /** Namespace → Cluster name → labels (and whether it is deleting), for HelmChartProxy selection. */
  readonly clustersByNamespace = new Map<
    string,
    Map<string, { labels: Record<string, string>; deleting: boolean }>
  >();
  /** Object key of an infrastructure cluster or control plane → the Cluster (`ns/name`) referencing it. */
  readonly clusterByRef = new Map<string, string>();
  /** Clusters (`ns/name`) whose kubeconfig Secret exists. */
  readonly kubeconfigSecrets = new Set<string>();
  /** Namespace → HelmChartProxy names. */
  readonly helmChartProxies = new Map<string, Set<string>>();
  /** HelmChartProxy (`ns/name`) → cluster name → HelmReleaseProxy name. */
  readonly releasesByProxy = new Map<string, Map<string, string>>();
  /** Cluster (`ns/name`) → HelmReleaseProxy names. */
  readonly releasesByCluster = new Map<string, Set<string>>();
  /** Infrastructure machine pool key → MachinePool key. */
  readonly machinePoolOfInfra = new Map<string, string>();

  constructor(
    readonly store: ObjectStore,
    readonly registry: ResourceRegistry,
    readonly stepMs: number,
    readonly workloadServerUrl: (namespace: string, name: string) => string,
    readonly log: (msg: string) => void,
    process: (key: string) => void,
    readonly existingClusters?: ExistingClusters,
  ) {
    this.queue = new WorkQueue(process);
    this.refreshTypes();
  }

  // ---- types ---------------------------------------------------------------

  private refreshTypes() {
    this.lastRefresh = Date.now();
    for (const type of this.registry.all()) {
      const typeKey = `${type.group}/${type.plural}`;
      const existing = this.byTypeKey.get(typeKey);
      // Several versions of a kind may be served: use the preferred one
      // (GA, then beta, then alpha, newest first), as clients do.
      if (
        existing &&
        compareKubeVersions(type.version, existing.type.version) >= 0
      )
        continue;
      const info: TypeInfo = {
        type,
        typeKey,
        apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
        role: roleOf(type),
        shape: statusShapeOf(type),
      };
      this.byTypeKey.set(typeKey, info);
      this.byKind.set(`${type.group}/${type.kind}`, info);
    }
  }

  /** The kind behind a watch event's typeKey (undefined for kinds nobody serves). */
  infoByTypeKey(typeKey: string): TypeInfo | undefined {
    let info = this.byTypeKey.get(typeKey);
    if (!info && Date.now() - this.lastRefresh > 1000) {
      this.refreshTypes();
      info = this.byTypeKey.get(typeKey);
    }
    return info;
  }

  infoByKind(group: string, kind: string): TypeInfo | undefined {
    let info = this.byKind.get(`${group}/${kind}`);
    if (!info && Date.now() - this.lastRefresh > 1000) {
      this.refreshTypes();
      info = this.byKind.get(`${group}/${kind}`);
    }
    return info;
  }

  infoOfRef(ref: { apiGroup?: string; kind?: string } | undefined) {
    if (!ref?.kind) return undefined;
    return this.infoByKind(ref.apiGroup ?? '', ref.kind);
  }

  infoOfObject(obj: KubeObject): TypeInfo | undefined {
    const group = obj.apiVersion.includes('/')
      ? obj.apiVersion.split('/')[0]
      : '';
    return this.infoByKind(group, obj.kind);
  }

  // ---- keys ----------------------------------------------------------------

  keyOf(info: TypeInfo, namespace: string | undefined, name: string): string {
    return `${info.typeKey}|${namespace ?? ''}|${name}`;
  }

  parseKey(key: string): { info?: TypeInfo; namespace: string; name: string } {
    const [typeKey, namespace, name] = key.split('|');
    return { info: this.byTypeKey.get(typeKey), namespace, name };
  }

  enqueue(info: TypeInfo | undefined, namespace: string, name: string) {
    if (info) this.queue.add(this.keyOf(info, namespace, name));
  }

  // ---- store access ----------------------------------------------------------

  /** Records an object from the watch (undefined when it is gone). */
  observe(key: string, obj: KubeObject | undefined) {
    if (obj) this.cache.set(key, obj);
    else this.cache.delete(key);
  }

  /**
   * The current object (read-only: from the cache for watched kinds, a copy
   * from the store for others).
   */
  get(
    info: TypeInfo,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    if (info.role && info.role !== 'secret') {
      return this.cache.get(this.keyOf(info, namespace, name));
    }
    return this.store.tryGet(info.type, namespace, name);
  }

  getRef(namespace: string, ref: ObjectRef | undefined) {
    const info = this.infoOfRef(ref);
    return info && ref ? this.get(info, namespace, ref.name) : undefined;
  }

  create(info: TypeInfo, obj: KubeObject): KubeObject {
    return this.store.create(info.type, obj);
  }

  update(info: TypeInfo, obj: KubeObject): KubeObject {
    return this.store.update(info.type, obj);
  }

  /**
   * Writes `status` through the status subresource when it differs from the
   * stored one (with the object's resourceVersion: a stale one is a 409 and
   * the key is requeued).
   */
  writeStatus(info: TypeInfo, obj: KubeObject, status: Spec): KubeObject {
    for (const field of Object.keys(status)) {
      if (status[field] === undefined) delete status[field];
    }
    if (JSON.stringify(obj.status ?? {}) === JSON.stringify(status)) return obj;
    return this.store.update(
      info.type,
      { ...obj, status },
      {
        subresource: 'status',
      },
    );
  }

  /** The object's conditions merged with the wanted ones, in the kind's style. */
  conditions(
    info: TypeInfo,
    obj: KubeObject,
    wanted: ConditionSpec[],
    style: 'v1beta2' | 'v1beta1' = info.shape.conditions === 'v1beta1'
      ? 'v1beta1'
      : 'v1beta2',
  ): Condition[] {
    return mergeConditions(
      statusOf(obj).conditions as Condition[] | undefined,
      wanted,
      style,
      obj.metadata.generation,
    );
  }

  delete(info: TypeInfo, namespace: string | undefined, name: string) {
    const current = this.get(info, namespace, name);
    if (!current || current.metadata.deletionTimestamp) return;
    this.store.delete(info.type, namespace, name);
  }

  hasFinalizer(obj: KubeObject, finalizer: string) {
    return obj.metadata.finalizers?.includes(finalizer) ?? false;
  }

  addFinalizer(info: TypeInfo, obj: KubeObject, finalizer: string) {
    if (this.hasFinalizer(obj, finalizer) || obj.metadata.deletionTimestamp)
      return obj;
    const next = structuredClone(obj);
    next.metadata.finalizers = [...(next.metadata.finalizers ?? []), finalizer];
    return this.update(info, next);
  }

  removeFinalizer(info: TypeInfo, obj: KubeObject, finalizer: string) {
    if (!this.hasFinalizer(obj, finalizer)) return;
    const next = structuredClone(obj);
    next.metadata.finalizers = next.metadata.finalizers!.filter(
      f => f !== finalizer,
    );
    this.update(info, next);
  }

  // ---- the step clock ---------------------------------------------------------

  /**
   * Whether the pending simulated step of an object is done. The first call
   * starts the step (it takes `stepMs`; 0 is the next turn of the queue) and
   * schedules the key for when it ends.
   */
  stepDone(key: string): boolean {
    const due = this.stepDue.get(key);
    const nowMs = Date.now();
    if (due === undefined) {
      this.stepDue.set(key, nowMs + this.stepMs);
      this.queue.addAfter(key, this.stepMs);
      return false;
    }
    if (nowMs >= due) {
      this.stepDue.delete(key);
      return true;
    }
    this.queue.addAfter(key, due - nowMs);
    return false;
  }

  /** Forgets a pending step (nothing to do, or progress is frozen). */
  resetStep(key: string) {
    this.stepDue.delete(key);
  }

  /** The API endpoint of a Cluster's simulated workload API server. */
  endpointOf(namespace: string, name: string): { host: string; port: number } {
    try {
      const url = new URL(this.workloadServerUrl(namespace, name));
      const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
      return { host: url.hostname, port };
    } catch {
      return { host: `${name}.${namespace}.cluster.local`, port: 6443 };
    }
  }

  // ---- clusters and simulation flags -------------------------------------------

  get clusterInfo(): TypeInfo {
    return this.infoByKind('cluster.x-k8s.io', 'Cluster')!;
  }

  /** The name of the Cluster an object belongs to, by label, spec.clusterName or owner. */
  clusterNameOf(obj: KubeObject): string | undefined {
    return (
      obj.metadata.labels?.[LABELS.clusterName] ??
      (typeof specOf(obj).clusterName === 'string'
        ? (specOf(obj).clusterName as string)
        : undefined) ??
      obj.metadata.ownerReferences?.find(
        r =>
          r.kind === 'Cluster' && r.apiVersion.startsWith('cluster.x-k8s.io/'),
      )?.name
    );
  }

  clusterOf(obj: KubeObject): KubeObject | undefined {
    const name = this.clusterNameOf(obj);
    return name
      ? this.get(this.clusterInfo, obj.metadata.namespace, name)
      : undefined;
  }

  /**
   * The simulation flags for an object of a Cluster: paused and stalled
   * (Cluster or object), and a failure when the Cluster's `fail` annotation
   * names the object's stage or the object carries the annotation itself.
   */
  simulation(
    cluster: KubeObject,
    obj: KubeObject | undefined,
    stage: SimulatedFailureStage | undefined,
  ): Simulation {
    const ca = cluster.metadata.annotations ?? {};
    const oa = obj?.metadata.annotations ?? {};
    const paused =
      specOf(cluster).paused === true ||
      SIMULATOR_ANNOTATIONS.paused in ca ||
      SIMULATOR_ANNOTATIONS.paused in oa;
    const stalled =
      ca[SIMULATOR_ANNOTATIONS.stall] === 'true' ||
      oa[SIMULATOR_ANNOTATIONS.stall] === 'true';
    let failure: Simulation['failure'];
    const clusterStage = normalizeStage(ca[SIMULATOR_ANNOTATIONS.fail]);
    if (stage && clusterStage === stage) {
      failure = {
        message:
          ca[SIMULATOR_ANNOTATIONS.failMessage] ?? `Simulated ${stage} failure`,
      };
    } else if (obj && oa[SIMULATOR_ANNOTATIONS.fail]) {
      failure = {
        message:
          oa[SIMULATOR_ANNOTATIONS.failMessage] ??
          `Simulated failure of ${obj.kind} ${obj.metadata.name}`,
      };
    }
    return { paused, stalled, failure };
  }

  // ---- indexes -------------------------------------------------------------------

  /** Records which Cluster a child belongs to (undefined to forget it). */
  indexChild(childKey: string, clusterKey: string | undefined) {
    const previous = this.clusterOfChild.get(childKey);
    if (previous === clusterKey) return;
    if (previous) {
      const set = this.childrenByCluster.get(previous);
      set?.delete(childKey);
      if (set?.size === 0) this.childrenByCluster.delete(previous);
      this.clusterOfChild.delete(childKey);
    }
    if (clusterKey) {
      let set = this.childrenByCluster.get(clusterKey);
      if (!set) {
        set = new Set();
        this.childrenByCluster.set(clusterKey, set);
      }
      set.add(childKey);
      this.clusterOfChild.set(childKey, clusterKey);
    }
  }

  /** The objects of a role that belong to a Cluster, from the index. */
  childrenOf(namespace: string, clusterName: string, role: Role): KubeObject[] {
    const keys = this.childrenByCluster.get(objectKey(namespace, clusterName));
    if (!keys) return [];
    const result: KubeObject[] = [];
    for (const key of keys) {
      const { info, name } = this.parseKey(key);
      if (info?.role !== role) continue;
      const obj = this.get(info, namespace, name);
      if (obj) result.push(obj);
    }
    return result.sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
  }

  indexClusterClass(clusterKey: string, classKey: string | undefined) {
    const previous = this.classOfCluster.get(clusterKey);
    if (previous === classKey) return;
    if (previous) {
      this.clustersByClass.get(previous)?.delete(clusterKey);
      this.classOfCluster.delete(clusterKey);
    }
    if (classKey) {
      let set = this.clustersByClass.get(classKey);
      if (!set) {
        set = new Set();
        this.clustersByClass.set(classKey, set);
      }
      set.add(clusterKey);
      this.classOfCluster.set(clusterKey, classKey);
    }
  }
}

function normalizeStage(
  value: string | undefined,
): SimulatedFailureStage | undefined {
  switch (value?.trim().toLowerCase()) {
    case 'infrastructure':
    case 'infra':
      return 'infrastructure';
    case 'controlplane':
    case 'control-plane':
      return 'controlplane';
    case 'workers':
    case 'worker':
      return 'workers';
    default:
      return undefined;
  }
}

export const clusterKeyOf = objectKey;

/** A `{apiGroup, kind, name}` reference to an object. */
export function refTo(obj: KubeObject): ObjectRef {
  const group = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/')[0]
    : '';
  return { apiGroup: group, kind: obj.kind, name: obj.metadata.name };
}

/** The owner reference Cluster API puts on the objects of a Cluster. */
export function ownerRefTo(obj: KubeObject, controller = false) {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid!,
    ...(controller ? { controller: true } : {}),
    blockOwnerDeletion: true,
  };
}
