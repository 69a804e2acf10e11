import { KubeObject } from '../store/types';
import {
  ConditionSpec,
  falseCondition,
  trueCondition,
  findCondition,
} from './conditions';
import { SIMULATED_FAILURE_REASON } from './constants';
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
  const cluster = ctx.clusterOf(obj);
  // Provider controllers wait for the Cluster controller to adopt the object.
  if (!cluster) {
    if (obj.metadata.deletionTimestamp) finishDeletion(ctx, key, info, obj);
    return;
  }
  const finalizer = finalizerOf(info.type);
  const sim = ctx.simulation(cluster, obj, 'infrastructure');
  if (sim.paused || sim.stalled) {
    ctx.resetStep(key);
    return;
  }
  if (obj.metadata.deletionTimestamp) {
    finishDeletion(ctx, key, info, obj);
    return;
  }
  let current = ctx.addFinalizer(info, obj, finalizer);
  const provisioned = isProvisioned(current);
  const kind = info.type.kind;

  if (sim.failure) {
    ctx.resetStep(key);
    ctx.writeStatus(
      info,
      current,
      providerStatus(
        ctx,
        info,
        current,
        provisioned,
        falseCondition(
          'Ready',
          SIMULATED_FAILURE_REASON,
          sim.failure.message,
          'Error',
        ),
      ),
    );
    return;
  }

  const readyCondition = findCondition(current, 'Ready');
  const healthy =
    provisioned &&
    (info.shape.conditions === 'none' || readyCondition?.status === 'True');
  if (healthy) {
    ctx.resetStep(key);
    return;
  }
  if (!ctx.stepDone(key)) {
    ctx.writeStatus(
      info,
      current,
      providerStatus(
        ctx,
        info,
        current,
        provisioned,
        falseCondition(
          'Ready',
          provisioned ? 'NotReady' : 'Provisioning',
          `${kind} ${provisioned ? 'is recovering' : 'is being provisioned'}`,
        ),
      ),
    );
    return;
  }
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
