import { KubeObject } from '../store/types';
import {
  ConditionSpec,
  falseCondition,
  trueCondition,
  findCondition,
} from './conditions';
import { SIMULATED_FAILURE_REASON, SimulatedFailureStage } from './constants';
import { ControllerContext, Spec, TypeInfo, specOf, statusOf } from './context';
import { StatusShape, finalizerOf } from './kinds';

/** Whether an infrastructure object reports provisioned (v1beta2 or v1beta1 contract). */
export function isProvisioned(obj: KubeObject | undefined): boolean {
  const status = statusOf(obj);
  return status.initialization?.provisioned === true || status.ready === true;
}

/**
 * Status of a provider object in the shape its CRD has: provisioned/ready
 * flags and a Ready condition (plus Provisioned for v1beta2 providers).
 */
export function providerStatus(
  ctx: ControllerContext,
  info: TypeInfo,
  obj: KubeObject,
  provisioned: boolean,
  ready: ConditionSpec,
  extra: Spec = {},
): Spec {
  const shape: StatusShape = info.shape;
  const status: Spec = { ...statusOf(obj), ...extra };
  if (shape.initialization) {
    status.initialization = { ...status.initialization, provisioned };
  }
  if (shape.ready) status.ready = provisioned && ready.status === 'True';
  if (shape.conditions !== 'none') {
    const wanted = [ready];
    if (shape.conditions === 'v1beta2') {
      wanted.push(
        provisioned
          ? trueCondition('Provisioned', 'Provisioned')
          : falseCondition('Provisioned', 'NotProvisioned', ready.message),
      );
    }
    status.conditions = ctx.conditions(info, obj, wanted);
  }
  return status;
}

/**
 * What every provider object's reconcile does before it can make progress:
 * wait to be adopted, stand still while paused or stalled, finish deletion,
 * hold its finalizer, report a simulated failure, stop once healthy, and
 * report `waiting` until a step has passed. Returns the object (with its
 * finalizer) and its Cluster when the caller may make progress now.
 */
export function advanceProviderObject(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
  options: {
    stage: SimulatedFailureStage;
    /** Whether status keeps reporting an earlier `provisioned` while not ready. */
    reportProvisioned: boolean;
    waiting: (provisioned: boolean) => ConditionSpec;
  },
): { current: KubeObject; cluster: KubeObject } | undefined {
  const cluster = ctx.clusterOf(obj);
  // Provider controllers wait for the Cluster controller to adopt the object.
  if (!cluster) {
    if (obj.metadata.deletionTimestamp) finishDeletion(ctx, key, info, obj);
    return undefined;
  }
  const sim = ctx.simulation(cluster, obj, options.stage);
  if (sim.paused || sim.stalled) {
    ctx.resetStep(key);
    return undefined;
  }
  if (obj.metadata.deletionTimestamp) {
    finishDeletion(ctx, key, info, obj);
    return undefined;
  }
  const current = ctx.addFinalizer(info, obj, finalizerOf(info.type));
  const provisioned = isProvisioned(current);
  const reported = options.reportProvisioned && provisioned;
  if (sim.failure) {
    ctx.resetStep(key);
    const failed = falseCondition(
      'Ready',
      SIMULATED_FAILURE_REASON,
      sim.failure.message,
      'Error',
    );
    ctx.writeStatus(
      info,
      current,
      providerStatus(ctx, info, current, reported, failed),
    );
    return undefined;
  }
  const ready = findCondition(current, 'Ready');
  if (
    provisioned &&
    (info.shape.conditions === 'none' || ready?.status === 'True')
  ) {
    ctx.resetStep(key);
    return undefined;
  }
  if (!ctx.stepDone(key)) {
    ctx.writeStatus(
      info,
      current,
      providerStatus(
        ctx,
        info,
        current,
        reported,
        options.waiting(provisioned),
      ),
    );
    return undefined;
  }
  return { current, cluster };
}

/**
 * An infrastructure cluster (AWSCluster, DevCluster, GCPManagedCluster, ...):
 * provisioned after one step, when it also fills `spec.controlPlaneEndpoint`;
 * after a step of deletion its finalizer goes.
 */
export function reconcileInfraCluster(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
) {
  const kind = info.type.kind;
  const ready = advanceProviderObject(ctx, key, info, obj, {
    stage: 'infrastructure',
    reportProvisioned: true,
    waiting: provisioned =>
      falseCondition(
        'Ready',
        provisioned ? 'NotReady' : 'Provisioning',
        `${kind} ${provisioned ? 'is recovering' : 'is being provisioned'}`,
      ),
  });
  if (!ready) return;
  const { cluster } = ready;
  let { current } = ready;
  const endpoint = specOf(current).controlPlaneEndpoint;
  if (!endpoint?.host) {
    const next = structuredClone(current);
    (next.spec as Spec) = {
      ...specOf(next),
      controlPlaneEndpoint: ctx.endpointOf(
        cluster.metadata.namespace ?? '',
        cluster.metadata.name,
      ),
    };
    current = ctx.update(info, next);
  }
  ctx.writeStatus(
    info,
    current,
    providerStatus(ctx, info, current, true, trueCondition('Ready', 'Ready')),
  );
}

/** Deleting provider objects take a step, then release their finalizer. */
export function finishDeletion(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  obj: KubeObject,
) {
  const finalizer = finalizerOf(info.type);
  if (!ctx.hasFinalizer(obj, finalizer)) return;
  if (!ctx.stepDone(key)) return;
  ctx.removeFinalizer(info, obj, finalizer);
}
