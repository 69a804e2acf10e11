import { ReplicaStatus } from '@palette-backstage/plugin-palette-common';
import { LiveObject } from '../types';
import { at, numberAt } from './read';

// Counters use the contract's ReplicaStatus shape, whether they come from the
// Cluster's status.controlPlane / status.workers summaries or from one object.

/** Counters from a v1beta2 `{desiredReplicas, replicas, readyReplicas, ...}` block. */
export function countersOf(block: unknown): ReplicaStatus | undefined {
  const desired = numberAt(block, 'desiredReplicas');
  if (desired === undefined) return undefined;
  return {
    desired,
    current: numberAt(block, 'replicas') ?? 0,
    ready: numberAt(block, 'readyReplicas') ?? 0,
    available: numberAt(block, 'availableReplicas') ?? 0,
    upToDate: numberAt(block, 'upToDateReplicas') ?? 0,
  };
}

/**
 * Counters of an object that owns machines (KubeadmControlPlane,
 * MachineDeployment, MachinePool): desired from `spec.replicas`, the rest
 * from its v1beta2 status. Undefined for objects without replicas (managed
 * control planes).
 */
export function machineCountersOf(
  obj: LiveObject | undefined,
): ReplicaStatus | undefined {
  const desired = numberAt(obj, 'spec.replicas');
  if (desired === undefined) return undefined;
  return {
    desired,
    current: numberAt(obj, 'status.replicas') ?? 0,
    ready: numberAt(obj, 'status.readyReplicas') ?? 0,
    available: numberAt(obj, 'status.availableReplicas') ?? 0,
    upToDate: numberAt(obj, 'status.upToDateReplicas') ?? 0,
  };
}

/** Every machine exists, is ready, available and up to date. */
export const settled = (c: ReplicaStatus) =>
  c.current === c.desired &&
  c.ready === c.desired &&
  c.available === c.desired &&
  c.upToDate === c.desired;

/** Machines that exist but do not match the current spec (a rollout is under way). */
export const outdated = (c: ReplicaStatus) =>
  Math.max(0, c.current - c.upToDate);

/** Machines are being added or removed. */
export const resizing = (c: ReplicaStatus) => c.current !== c.desired;

export function sumCounters(all: ReplicaStatus[]): ReplicaStatus {
  return all.reduce(
    (sum, c) => ({
      desired: sum.desired + c.desired,
      current: sum.current + c.current,
      ready: sum.ready + c.ready,
      available: sum.available + c.available,
      upToDate: sum.upToDate + c.upToDate,
    }),
    { desired: 0, current: 0, ready: 0, available: 0, upToDate: 0 },
  );
}

/** The Cluster's own summary of its control plane machines, when it reports one. */
export const clusterControlPlaneCounters = (cluster: LiveObject | undefined) =>
  countersOf(at(cluster, 'status.controlPlane'));

/** The Cluster's own summary of its worker machines, when it reports one. */
export const clusterWorkerCounters = (cluster: LiveObject | undefined) =>
  countersOf(at(cluster, 'status.workers'));
