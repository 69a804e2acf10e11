import { KubeObject } from '../store/types';
import {
  ConditionSpec,
  falseCondition,
  isConditionTrue,
  trueCondition,
} from './conditions';
import { SIMULATED_FAILURE_REASON } from './constants';
import {
  ControllerContext,
  Simulation,
  Spec,
  TypeInfo,
  specOf,
  statusOf,
} from './context';
import {
  advanceProviderObject,
  finishDeletion,
  isProvisioned,
  providerStatus,
} from './infrastructure';
import { finalizerOf } from './kinds';
import {
  MachineVersions,
  nextMachines,
  readVersions,
  removeOneMachine,
  replicaCounters,
  machineOwnerConditions,
  totalOf,
} from './machines';

/**
 * A MachineDeployment or MachinePool: once the control plane is available
 * (and, for a MachinePool, its infrastructure machine pool is ready) it
 * scales to `spec.replicas` and rolls version changes one machine per step
 * (RollingUpdate, maxSurge 1, maxUnavailable 0).
 */
export function reconcileWorkers(
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
  const isPool = info.role === 'machinePool';
  const namespace = obj.metadata.namespace ?? '';
  const sim = ctx.simulation(cluster, obj, 'workers');
  const spec = specOf(obj);
  const target: string =
    spec.template?.spec?.version ??
    specOf(cluster).topology?.version ??
    'v0.0.0';
  let versions = readVersions(obj.status);
  const infraRef = spec.template?.spec?.infrastructureRef;
  const infraInfo = isPool ? ctx.infoOfRef(infraRef) : undefined;
  const infra = infraInfo
    ? ctx.get(infraInfo, namespace, infraRef.name)
    : undefined;
  const infraReady = !isPool || isProvisioned(infra);

  const write = (
    current: KubeObject,
    extra: { waiting?: string; deleting?: boolean } = {},
  ) => {
    const written = ctx.writeStatus(
      info,
      current,
      workerStatus(ctx, info, current, versions, target, {
        ...extra,
        sim,
        pool: isPool ? { infraReady, hasInfraRef: !!infraRef } : undefined,
        infra,
      }),
    );
    // The infrastructure machine pool reports the replicas it runs.
    if (infra && infraInfo && statusOf(infra).replicas !== totalOf(versions)) {
      ctx.writeStatus(infraInfo, infra, {
        ...statusOf(infra),
        replicas: totalOf(versions),
      });
    }
    return written;
  };

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
    if (totalOf(versions) > 0) {
      if (ctx.stepDone(key)) versions = removeOneMachine(versions);
      write(obj, { deleting: true });
      return;
    }
    // A MachinePool deletes its infrastructure machine pool and waits for it.
    if (infra && infraInfo) {
      ctx.delete(infraInfo, namespace, infraRef.name);
      write(obj, { deleting: true });
      return;
    }
    finishDeletion(ctx, key, info, obj);
    return;
  }
  const current = ctx.addFinalizer(info, obj, finalizerOf(info.type));
  if (typeof spec.replicas !== 'number') {
    // Defaulting, as Cluster API's webhook and the provider do: a pool whose
    // count an external autoscaler owns starts at its minimum.
    const defaulted = structuredClone(current);
    specOf(defaulted).replicas = desiredReplicas(obj, infra);
    ctx.update(info, defaulted);
    return;
  }
  if (sim.failure) {
    ctx.resetStep(key);
    write(current);
    return;
  }
  if (!isConditionTrue(cluster, 'ControlPlaneAvailable')) {
    ctx.resetStep(key);
    write(current, {
      waiting: 'Waiting for the control plane to be available',
    });
    return;
  }
  if (!infraReady) {
    ctx.resetStep(key);
    write(current, {
      waiting: `Waiting for ${
        infraRef?.kind ?? 'the infrastructure machine pool'
      } to be ready`,
    });
    return;
  }
  const next = nextMachines(versions, desiredReplicas(obj, infra), target);
  if (!next) ctx.resetStep(key);
  else if (ctx.stepDone(key)) versions = next;
  write(current);
}

function workerStatus(
  ctx: ControllerContext,
  info: TypeInfo,
  obj: KubeObject,
  versions: MachineVersions,
  target: string,
  opts: {
    sim: Simulation;
    deleting?: boolean;
    waiting?: string;
    pool?: { infraReady: boolean; hasInfraRef: boolean };
    infra?: KubeObject;
  },
): Spec {
  const spec = specOf(obj);
  const failure = opts.sim.failure?.message;
  const desired: number = opts.deleting ? 0 : desiredReplicas(obj, opts.infra);
  const counters = replicaCounters(versions, target);
  const outdated = counters.replicas - counters.upToDateReplicas;
  let available = trueCondition('Available', 'Available');
  if (failure) {
    available = falseCondition('Available', SIMULATED_FAILURE_REASON, failure);
  } else if (counters.availableReplicas < desired) {
    available = falseCondition(
      'Available',
      'NotAvailable',
      opts.waiting ??
        `${counters.availableReplicas} available replicas, at least ${desired} required (spec.strategy.rollout.maxUnavailable=0, spec.replicas=${desired})`,
    );
  }
  const wanted: ConditionSpec[] = [available];
  if (opts.pool) {
    wanted.push(
      opts.pool.infraReady
        ? trueCondition('InfrastructureReady', 'Ready')
        : falseCondition(
            'InfrastructureReady',
            'NotReady',
            'Infrastructure machine pool is not ready',
          ),
    );
  }
  wanted.push(
    failure
      ? falseCondition('MachinesReady', SIMULATED_FAILURE_REASON, failure)
      : trueCondition(
          'MachinesReady',
          counters.replicas === 0 ? 'NoReplicas' : 'Ready',
        ),
    ...machineOwnerConditions({
      versions,
      desired,
      target,
      outdated,
      replicas: counters.replicas,
      deleting: Boolean(opts.deleting),
      paused: Boolean(opts.sim.paused),
    }),
  );
  const total = counters.replicas;
  let phase: string;
  if (opts.deleting) phase = opts.pool ? 'Deleting' : 'ScalingDown';
  else if (failure) phase = 'Failed';
  else if (opts.pool && !opts.pool.infraReady)
    phase = opts.pool.hasInfraRef ? 'Provisioning' : 'Pending';
  else if (total < desired) phase = 'ScalingUp';
  else if (total > desired) phase = 'ScalingDown';
  else phase = 'Running';

  const status: Spec = {
    ...statusOf(obj),
    conditions: ctx.conditions(info, obj, wanted, 'v1beta2'),
    observedGeneration: obj.metadata.generation,
    ...counters,
    // The CRDs want at least one entry: no machines, no list.
    versions: versions.length ? versions : undefined,
    phase,
  };
  if (opts.pool) {
    status.initialization = {
      infrastructureProvisioned: opts.pool.infraReady,
      bootstrapDataSecretCreated: true,
    };
  } else {
    const matchLabels = spec.selector?.matchLabels as
      | Record<string, string>
      | undefined;
    if (matchLabels) {
      status.selector = Object.entries(matchLabels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
    }
  }
  return status;
}

/**
 * An infrastructure machine pool (AWSManagedMachinePool, GCPManagedMachinePool,
 * AzureASOManagedMachinePool, ...): ready after one step; its MachinePool
 * reports the replicas.
 */
export function reconcileInfraMachinePool(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
) {
  const ready = advanceProviderObject(ctx, key, info, obj, {
    stage: 'workers',
    reportProvisioned: false,
    waiting: () =>
      falseCondition('Ready', 'Creating', `${info.type.kind} is being created`),
  });
  if (!ready) return;
  const { current } = ready;
  ctx.writeStatus(
    info,
    current,
    providerStatus(ctx, info, current, true, trueCondition('Ready', 'Ready')),
  );
}

export const AUTOSCALER_MIN_SIZE =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';

/**
 * The machines a pool runs: `spec.replicas`; without it an autoscaler owns
 * the count, and the pool starts at its lower bound, as Cluster API's
 * defaulting does for a MachineDeployment with the autoscaler's min-size
 * annotation, and a managed node group at its scaling minimum (EKS
 * `minSize`, GKE `minCount`); 1 otherwise.
 */
export function desiredReplicas(obj: KubeObject, infra?: KubeObject): number {
  const spec = specOf(obj);
  if (typeof spec.replicas === 'number') return spec.replicas;
  const annotated = Number(obj.metadata.annotations?.[AUTOSCALER_MIN_SIZE]);
  if (Number.isInteger(annotated) && annotated >= 0) return annotated;
  const scaling = specOf(infra).scaling;
  const poolMin = scaling?.minSize ?? scaling?.minCount;
  return typeof poolMin === 'number' ? poolMin : 1;
}

/** The infrastructure machine pool of a MachinePool, when it has one. */
export function infraPoolOf(
  ctx: ControllerContext,
  obj: KubeObject,
): KubeObject | undefined {
  const ref = specOf(obj).template?.spec?.infrastructureRef;
  const info = ref ? ctx.infoOfRef(ref) : undefined;
  return info
    ? ctx.get(info, obj.metadata.namespace ?? '', ref.name)
    : undefined;
}
