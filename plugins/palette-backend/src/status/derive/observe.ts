import { ReplicaStatus } from '@palette-backstage/plugin-palette-common';
import { DesiredClusterInfo, LiveClusterObjects, LiveObject } from '../types';
import {
  CollectedCondition,
  collectConditions,
  findCondition,
  isActive,
  isFailure,
  isUnmet,
} from './conditions';
import { poolNameOf, poolTarget } from './pools';
import { at, isBeingDeleted, observedCurrentGeneration } from './read';
import {
  clusterControlPlaneCounters,
  clusterWorkerCounters,
  machineCountersOf,
  outdated,
  resizing,
  settled,
  sumCounters,
} from './replicas';
import {
  controlPlaneSpecVersionOf,
  controlPlaneVersionOf,
  normalizeVersion,
  poolSpecVersionOf,
  poolVersionOf,
  runsMixedVersions,
  sameVersion,
} from './versions';

/** What the live objects say, in the terms the phase rules need. */
export interface Observation {
  cluster?: LiveObject;
  conditions: CollectedCondition[];
  /** Cluster API is deleting the cluster (or was asked to). */
  deleting: boolean;
  /** Reconciliation is paused: the Cluster's status is frozen on purpose. */
  paused: boolean;
  /** Cluster API v1beta2's definition of a ready cluster. */
  ready: boolean;
  /** The live objects match what the product applied (versions, replica counts, pools). */
  targetsMet: boolean;
  /** A new version or template is rolling out. */
  updating: boolean;
  /** The version being rolled out, when it is a version change. */
  targetVersion?: string;
  /** Machines are being added or removed, or pools added or removed. */
  scaling: boolean;
  /** A spec change has not been observed by its controller yet. */
  specPending: boolean;
  controlPlane: {
    managed: boolean;
    counters?: ReplicaStatus;
    version?: string;
    specVersion?: string;
    /** The machine count the product applied (kubeadm control planes). */
    target?: number;
    /** Its controller has seen its latest spec (else its counters describe the previous one). */
    observed: boolean;
    /** For managed control planes: Cluster API reports it available. */
    available: boolean;
  };
  /** The workers' counters, summed over the pools (or the Cluster's summary). */
  workers?: ReplicaStatus;
  /** Each pool's counters and the version its spec asks for. */
  pools: PoolObservation[];
  infrastructureProvisioned: boolean;
  /** Unmet conditions that report failures (see `isFailure`). */
  failures: CollectedCondition[];
  /** Every unmet condition. */
  unmet: CollectedCondition[];
}

/** One pool: live, asked for but not created yet, or live and no longer asked for. */
export interface PoolObservation {
  name: string;
  counters?: ReplicaStatus;
  specVersion?: string;
  observed: boolean;
  /** The node count the product applied (0 for a pool it removed). */
  target?: number;
}

const conditionStatus = (
  conditions: CollectedCondition[],
  type: string,
): string | undefined => findCondition(conditions, 'Cluster', type)?.status;

function isPaused(
  cluster: LiveObject | undefined,
  conditions: CollectedCondition[],
  desired: DesiredClusterInfo,
) {
  return (
    desired.paused ||
    at(cluster, 'spec.paused') === true ||
    conditionStatus(conditions, 'Paused') === 'True'
  );
}

/**
 * Cluster API v1beta2's "ready": `Available=True`, `TopologyReconciled=True`
 * for managed topologies, the latest generation observed, and the control
 * plane and worker counters all up to date. While paused, Cluster API stops
 * observing on purpose, so a stale generation and `TopologyReconciled=False`
 * (reason `Paused`) do not count against it.
 */
function isReady(
  cluster: LiveObject,
  conditions: CollectedCondition[],
  paused: boolean,
): boolean {
  const topology = findCondition(conditions, 'Cluster', 'TopologyReconciled');
  const topologyOk =
    !at(cluster, 'spec.topology') ||
    topology?.status === 'True' ||
    (paused && topology?.reason === 'Paused');
  const counters = [
    clusterControlPlaneCounters(cluster),
    clusterWorkerCounters(cluster),
  ];
  return (
    conditionStatus(conditions, 'Available') === 'True' &&
    topologyOk &&
    (paused || observedCurrentGeneration(cluster)) &&
    counters.every(c => !c || settled(c))
  );
}

/**
 * The control plane's controller has seen its latest spec. KubeadmControlPlane
 * reports `status.observedGeneration`; some providers' control planes
 * (AWSManagedControlPlane) have no such field, which must not read as "not
 * observed yet".
 */
const controlPlaneObserved = (cp: LiveObject | undefined) =>
  observedCurrentGeneration(cp, true);

/** Control planes run by the cloud have no `spec.replicas` to count. */
function isManagedControlPlane(
  cp: LiveObject | undefined,
  desired: DesiredClusterInfo,
) {
  return desired.managed || (cp !== undefined && !machineCountersOf(cp));
}

/** Every replica counter there is: of the control plane, each pool, and the Cluster's summaries. */
function allCountersOf(live: LiveClusterObjects, cp?: ReplicaStatus) {
  return [
    cp,
    ...live.pools.map(machineCountersOf),
    clusterControlPlaneCounters(live.cluster),
    clusterWorkerCounters(live.cluster),
  ].filter((c): c is ReplicaStatus => c !== undefined);
}

/**
 * Which runs behind the version asked for: the applied one, or the
 * object's own spec (a version change Cluster API is still propagating).
 */
function versionsBehind(live: LiveClusterObjects, targetVersion?: string) {
  const behind = (running?: string, wanted?: string) =>
    !!running && !!wanted && !sameVersion(running, wanted);
  const cp = controlPlaneVersionOf(live.controlPlane);
  return {
    controlPlane:
      behind(cp, targetVersion) ||
      behind(cp, controlPlaneSpecVersionOf(live.controlPlane)),
    pools: live.pools.some(pool => {
      const running = poolVersionOf(pool);
      return (
        behind(running, targetVersion) ||
        behind(running, poolSpecVersionOf(pool)) ||
        runsMixedVersions(pool)
      );
    }),
  };
}

/** Replica counts or pools differ from what the product applied. */
function targetCountsDiffer(
  pools: Map<string, LiveObject>,
  cp: ReplicaStatus | undefined,
  targets: DesiredClusterInfo | undefined,
  managed: boolean,
): boolean {
  if (!targets) return false;
  const cpDiffers =
    !managed &&
    targets.controlPlaneReplicas !== undefined &&
    cp !== undefined &&
    cp.desired !== targets.controlPlaneReplicas;
  const poolDiffers = Object.entries(targets.pools).some(([name, size]) => {
    const live = machineCountersOf(pools.get(name))?.desired;
    return live !== poolTarget(size, live);
  });
  const poolRemoved = [...pools.keys()].some(name => !(name in targets.pools));
  return cpDiffers || poolDiffers || poolRemoved;
}

/** A spec change that Cluster API has not acted on yet. */
function specChangePending(
  live: LiveClusterObjects,
  conditions: CollectedCondition[],
) {
  const topology = findCondition(conditions, 'Cluster', 'TopologyReconciled');
  return (
    !observedCurrentGeneration(live.cluster) ||
    !controlPlaneObserved(live.controlPlane) ||
    !live.pools.every(pool => observedCurrentGeneration(pool)) ||
    (topology?.status === 'False' && /Pending$/.test(topology.reason ?? ''))
  );
}

function observePools(
  live: Map<string, LiveObject>,
  targets: DesiredClusterInfo['pools'] | undefined,
): PoolObservation[] {
  const names = new Set([...live.keys(), ...Object.keys(targets ?? {})]);
  return [...names].sort().map(name => {
    const pool = live.get(name);
    const counters = machineCountersOf(pool);
    const size = targets?.[name];
    return {
      name,
      counters,
      specVersion: pool && poolSpecVersionOf(pool),
      observed: observedCurrentGeneration(pool),
      // A pool no longer asked for goes to zero.
      ...(targets
        ? {
            target:
              size === undefined ? 0 : poolTarget(size, counters?.desired),
          }
        : {}),
    };
  });
}

/** Reads the live objects against what the product applied. */
export function observe(
  live: LiveClusterObjects,
  desired: DesiredClusterInfo,
): Observation {
  const { cluster, controlPlane: cp, pools } = live;
  const conditions = collectConditions(live);
  const paused = isPaused(cluster, conditions, desired);
  const managed = isManagedControlPlane(cp, desired);
  // Targets the product set count only once they were applied.
  const targets = desired.applied ? desired : undefined;
  const targetVersion = normalizeVersion(targets?.kubernetesVersion);
  const cpCounters = managed
    ? undefined
    : machineCountersOf(cp) ?? clusterControlPlaneCounters(cluster);
  const poolCounters = pools
    .map(machineCountersOf)
    .filter((c): c is ReplicaStatus => c !== undefined);
  const allCounters = allCountersOf(live, cpCounters);
  const livePools = new Map(pools.map(pool => [poolNameOf(pool), pool]));

  const behind = versionsBehind(live, targetVersion);
  const updating =
    behind.controlPlane ||
    behind.pools ||
    isActive(conditions, 'RollingOut') ||
    allCounters.some(c => outdated(c) > 0) ||
    runsMixedVersions(cp);
  const scaling =
    isActive(conditions, 'ScalingUp') ||
    isActive(conditions, 'ScalingDown') ||
    allCounters.some(resizing) ||
    pools.some(isBeingDeleted) ||
    targetCountsDiffer(livePools, cpCounters, targets, managed);
  const specPending = !paused && specChangePending(live, conditions);
  const unmet = conditions.filter(isUnmet);
  const cpSpecVersion = controlPlaneSpecVersionOf(cp);

  return {
    cluster,
    conditions,
    deleting:
      desired.deletionRequested ||
      isBeingDeleted(cluster) ||
      conditionStatus(conditions, 'Deleting') === 'True',
    paused,
    ready: !!cluster && isReady(cluster, conditions, paused),
    targetsMet: !updating && !scaling && !specPending,
    updating,
    targetVersion:
      behind.controlPlane || behind.pools
        ? targetVersion ?? normalizeVersion(cpSpecVersion)
        : undefined,
    scaling,
    specPending,
    controlPlane: {
      managed,
      counters: cpCounters,
      version: controlPlaneVersionOf(cp),
      specVersion: cpSpecVersion,
      ...(managed ? {} : { target: targets?.controlPlaneReplicas }),
      observed: controlPlaneObserved(cp),
      available:
        conditionStatus(conditions, 'ControlPlaneAvailable') === 'True',
    },
    workers: poolCounters.length
      ? sumCounters(poolCounters)
      : clusterWorkerCounters(cluster),
    pools: observePools(livePools, targets?.pools),
    infrastructureProvisioned:
      at(cluster, 'status.initialization.infrastructureProvisioned') === true ||
      conditionStatus(conditions, 'InfrastructureReady') === 'True',
    failures: unmet.filter(isFailure),
    unmet,
  };
}
