import { KubeObject } from '../store/types';
import {
  ConditionSpec,
  falseCondition,
  trueCondition,
  findCondition,
} from './conditions';
import { LABELS, SIMULATED_FAILURE_REASON } from './constants';
import {
  ControllerContext,
  Simulation,
  Spec,
  TypeInfo,
  specOf,
  statusOf,
} from './context';
import { finishDeletion } from './infrastructure';
import {
  CONTROL_PLANE_ENDPOINT_IN_SPEC,
  EXTERNALLY_MANAGED_CONTROL_PLANES,
  finalizerOf,
} from './kinds';
import {
  MachineVersions,
  minVersion,
  nextMachines,
  readVersions,
  removeOneMachine,
  replicaCounters,
  machineOwnerConditions,
  totalOf,
} from './machines';

/** Control planes made of machines (KubeadmControlPlane) rather than managed by a cloud. */
export function isMachineBased(info: TypeInfo | undefined, obj: KubeObject) {
  return (
    info?.type.kind === 'KubeadmControlPlane' ||
    typeof specOf(obj).replicas === 'number' ||
    specOf(obj).machineTemplate !== undefined
  );
}

export function isControlPlaneInitialized(obj: KubeObject | undefined) {
  const status = statusOf(obj);
  return (
    status.initialization?.controlPlaneInitialized === true ||
    status.initialized === true
  );
}

const infrastructureProvisioned = (cluster: KubeObject) =>
  statusOf(cluster).initialization?.infrastructureProvisioned === true;

/**
 * A control plane: waits for the Cluster's infrastructure, then (machine
 * based) initializes with its first machine and brings up, rolls or removes
 * one machine per step, or (managed: EKS, GKE, AKS) becomes ready and
 * upgrades in one step each.
 */
export function reconcileControlPlane(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
) {
  const cluster = ctx.clusterOf(obj);
  if (!cluster) {
    if (obj.metadata.deletionTimestamp) finishDeletion(ctx, key, info, obj);
    return;
  }
  const sim = ctx.simulation(cluster, obj, 'controlplane');
  if (isMachineBased(info, obj)) {
    reconcileMachineControlPlane(ctx, key, info, obj, cluster, sim);
  } else {
    reconcileManagedControlPlane(ctx, key, info, obj, cluster, sim);
  }
}

function reconcileMachineControlPlane(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
  cluster: KubeObject,
  sim: Simulation,
) {
  const spec = specOf(obj);
  const target: string = spec.version ?? 'v0.0.0';
  let versions = readVersions(obj.status);
  const write = (
    current: KubeObject,
    extra: { waiting?: string; deleting?: boolean } = {},
  ) =>
    ctx.writeStatus(
      info,
      current,
      machineControlPlaneStatus(ctx, info, current, cluster, versions, {
        ...extra,
        paused: sim.paused,
        failure: sim.failure?.message,
      }),
    );

  if (sim.paused) {
    ctx.resetStep(key);
    write(obj, { deleting: !!obj.metadata.deletionTimestamp });
    return;
  }
  if (sim.stalled) {
    ctx.resetStep(key);
    return;
  }
  if (obj.metadata.deletionTimestamp) {
    if (totalOf(versions) === 0) {
      finishDeletion(ctx, key, info, obj);
      return;
    }
    if (ctx.stepDone(key)) versions = removeOneMachine(versions);
    write(obj, { deleting: true });
    return;
  }
  const current = ctx.addFinalizer(info, obj, finalizerOf(info.type));
  if (sim.failure) {
    ctx.resetStep(key);
    write(current);
    return;
  }
  if (!infrastructureProvisioned(cluster)) {
    ctx.resetStep(key);
    write(current, {
      waiting: 'Waiting for the cluster infrastructure to be provisioned',
    });
    return;
  }
  const next = nextMachines(versions, spec.replicas ?? 1, target);
  if (!next) ctx.resetStep(key);
  else if (ctx.stepDone(key)) versions = next;
  write(current);
}

function machineControlPlaneStatus(
  ctx: ControllerContext,
  info: TypeInfo,
  obj: KubeObject,
  cluster: KubeObject,
  versions: MachineVersions,
  opts: {
    paused: boolean;
    deleting?: boolean;
    failure?: string;
    waiting?: string;
  },
): Spec {
  const spec = specOf(obj);
  const target: string = spec.version ?? 'v0.0.0';
  const desired: number = opts.deleting ? 0 : spec.replicas ?? 1;
  const counters = replicaCounters(versions, target);
  const initialized =
    isControlPlaneInitialized(obj) || counters.readyReplicas > 0;
  const outdated = counters.replicas - counters.upToDateReplicas;
  let available = falseCondition(
    'Available',
    'NotAvailable',
    opts.waiting ?? 'Control plane not yet initialized',
  );
  if (opts.failure) {
    available = falseCondition(
      'Available',
      SIMULATED_FAILURE_REASON,
      opts.failure,
    );
  } else if (initialized && counters.availableReplicas > 0) {
    available = trueCondition('Available', 'Available');
  }
  let machinesReady = trueCondition(
    'MachinesReady',
    counters.replicas === 0 ? 'NoReplicas' : 'Ready',
  );
  if (opts.failure) {
    machinesReady = falseCondition(
      'MachinesReady',
      SIMULATED_FAILURE_REASON,
      opts.failure,
    );
  }
  const wanted: ConditionSpec[] = [
    available,
    initialized
      ? trueCondition('Initialized', 'Initialized')
      : falseCondition(
          'Initialized',
          'NotInitialized',
          opts.waiting ?? 'Control plane not yet initialized',
        ),
    machinesReady,
    ...machineOwnerConditions({
      versions,
      desired,
      target,
      outdated,
      replicas: counters.replicas,
      deleting: Boolean(opts.deleting),
      paused: Boolean(opts.paused),
    }),
  ];
  const status: Spec = {
    ...statusOf(obj),
    conditions: ctx.conditions(info, obj, wanted, 'v1beta2'),
    initialization: { controlPlaneInitialized: initialized },
    observedGeneration: obj.metadata.generation,
    selector: `${LABELS.clusterName}=${cluster.metadata.name},${LABELS.controlPlane}`,
    ...counters,
    // The CRDs want at least one entry: no machines, no list.
    versions: versions.length ? versions : undefined,
  };
  const version = minVersion(versions);
  if (version) status.version = version;
  return status;
}

function reconcileManagedControlPlane(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
  cluster: KubeObject,
  sim: Simulation,
) {
  if (sim.paused || sim.stalled) {
    ctx.resetStep(key);
    return;
  }
  if (obj.metadata.deletionTimestamp) {
    finishDeletion(ctx, key, info, obj);
    return;
  }
  let current = ctx.addFinalizer(info, obj, finalizerOf(info.type));
  const kind = info.type.kind;
  const status = statusOf(current);
  const initialized = isControlPlaneInitialized(current);
  const target: string | undefined = specOf(current).version;
  const write = (ready: ConditionSpec, extra: Spec = {}) => {
    const next: Spec = {
      ...statusOf(current),
      initialized,
      ready: ready.status === 'True',
      ...extra,
    };
    if (EXTERNALLY_MANAGED_CONTROL_PLANES.has(kind))
      next.externalManagedControlPlane = true;
    if (info.shape.conditions !== 'none')
      next.conditions = ctx.conditions(info, current, [ready]);
    ctx.writeStatus(info, current, next);
  };

  if (sim.failure) {
    ctx.resetStep(key);
    write(
      falseCondition(
        'Ready',
        SIMULATED_FAILURE_REASON,
        sim.failure.message,
        'Error',
      ),
    );
    return;
  }
  if (!infrastructureProvisioned(cluster)) {
    ctx.resetStep(key);
    write(
      falseCondition(
        'Ready',
        'WaitingForInfrastructure',
        'Waiting for the cluster infrastructure to be provisioned',
      ),
    );
    return;
  }
  const readyCondition = findCondition(current, 'Ready');
  const upToDate =
    initialized &&
    status.ready === true &&
    (info.shape.conditions === 'none' || readyCondition?.status === 'True') &&
    (target === undefined || status.version === target);
  if (upToDate) {
    ctx.resetStep(key);
    return;
  }
  if (!ctx.stepDone(key)) {
    write(
      initialized
        ? trueCondition('Ready', 'Ready')
        : falseCondition('Ready', 'Creating', `${kind} is being created`),
    );
    return;
  }
  const spec = specOf(current);
  let endpointField: string | undefined;
  if (CONTROL_PLANE_ENDPOINT_IN_SPEC.has(kind))
    endpointField = 'controlPlaneEndpoint';
  else if (kind === 'GCPManagedControlPlane') endpointField = 'endpoint';
  if (endpointField && !spec[endpointField]?.host) {
    const next = structuredClone(current);
    next.spec = {
      ...specOf(next),
      [endpointField]: ctx.endpointOf(
        cluster.metadata.namespace ?? '',
        cluster.metadata.name,
      ),
    };
    current = ctx.update(info, next);
  }
  ctx.writeStatus(info, current, {
    ...statusOf(current),
    initialized: true,
    ready: true,
    ...(target ? { version: target } : {}),
    ...(EXTERNALLY_MANAGED_CONTROL_PLANES.has(kind)
      ? { externalManagedControlPlane: true }
      : {}),
    ...(info.shape.conditions !== 'none'
      ? {
          conditions: ctx.conditions(info, current, [
            trueCondition('Ready', 'Ready'),
          ]),
        }
      : {}),
  });
}
