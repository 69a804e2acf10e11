import { ReplicaStatus } from '@palette-backstage/plugin-palette-common';
import { DesiredClusterInfo } from '../types';
import { CollectedCondition, findCondition } from './conditions';
import { Observation } from './observe';
import { poolTarget } from './pools';
import { sameVersion } from './versions';

/** Steps done over steps in all, with a label saying what they are. */
export interface Progress {
  done: number;
  total: number;
  label: string;
}

interface Part {
  done: number;
  total: number;
  label: string;
}

function combine(parts: Part[]): Progress {
  return {
    done: parts.reduce((n, p) => n + p.done, 0),
    total: parts.reduce((n, p) => n + p.total, 0),
    label: parts.map(p => p.label).join(', '),
  };
}

/** Nodes asked for before any pool exists (an autoscaled pool starts at its minimum). */
const requestedWorkers = (desired: DesiredClusterInfo) =>
  Object.values(desired.pools).reduce<number>(
    (n, size) => n + poolTarget(size, undefined),
    0,
  );

/** Machines asked for: the live desired count, or the request's before objects exist. */
const desiredOf = (counters: ReplicaStatus | undefined, fallback: number) =>
  counters?.desired ?? fallback;

/** While provisioning: infrastructure, then control plane machines, then workers, each when ready. */
export function provisioningProgress(
  obs: Observation,
  desired: DesiredClusterInfo,
): Progress {
  const parts: Part[] = [
    {
      done: obs.infrastructureProvisioned ? 1 : 0,
      total: 1,
      label: `infrastructure ${
        obs.infrastructureProvisioned ? 'ready' : 'provisioning'
      }`,
    },
  ];
  if (obs.controlPlane.managed) {
    parts.push({
      done: obs.controlPlane.available ? 1 : 0,
      total: 1,
      label: `control plane ${
        obs.controlPlane.available ? 'ready' : 'provisioning'
      }`,
    });
  } else {
    const total = desiredOf(
      obs.controlPlane.counters,
      desired.controlPlaneReplicas ?? 1,
    );
    const ready = Math.min(obs.controlPlane.counters?.ready ?? 0, total);
    parts.push({
      done: ready,
      total,
      label: `control plane ${ready}/${total} ready`,
    });
  }
  const total = desiredOf(obs.workers, requestedWorkers(desired));
  const ready = Math.min(obs.workers?.ready ?? 0, total);
  parts.push({ done: ready, total, label: `workers ${ready}/${total} ready` });
  return combine(parts);
}

/** Machines that run the new spec and are ready, no more than asked for. */
const upToDate = (c: ReplicaStatus) => Math.min(c.upToDate, c.ready, c.desired);

const upToDatePart = (what: string, done: number, total: number): Part => ({
  done,
  total,
  label: `${what} ${done}/${total} up to date`,
});

/**
 * While rolling out: machines up to date. A control plane or pool has none
 * up to date while its spec does not ask for the new version yet (workers
 * wait for the control plane) or while its controller has not seen its new
 * spec (its counters still describe the old one), so progress only moves
 * forward. A managed control plane counts once, when upgraded.
 */
export function updateProgress(obs: Observation): Progress {
  const notStarted = (p: { specVersion?: string; observed: boolean }) =>
    !p.observed ||
    (!!obs.targetVersion &&
      !!p.specVersion &&
      !sameVersion(p.specVersion, obs.targetVersion));
  const parts: Part[] = [];
  if (obs.controlPlane.managed) {
    const done =
      !obs.targetVersion ||
      sameVersion(obs.controlPlane.version, obs.targetVersion);
    parts.push({
      done: done ? 1 : 0,
      total: 1,
      label: `control plane ${done ? 'upgraded' : 'upgrading'}`,
    });
  } else if (obs.controlPlane.counters) {
    const c = obs.controlPlane.counters;
    const done = notStarted(obs.controlPlane) ? 0 : upToDate(c);
    parts.push(upToDatePart('control plane', done, c.desired));
  }
  const pools = obs.pools.filter(p => p.counters);
  if (pools.length) {
    const done = pools.reduce(
      (n, p) => n + (notStarted(p) ? 0 : upToDate(p.counters!)),
      0,
    );
    const total = pools.reduce((n, p) => n + p.counters!.desired, 0);
    parts.push(upToDatePart('workers', done, total));
  } else if (obs.workers) {
    parts.push(
      upToDatePart('workers', upToDate(obs.workers), obs.workers.desired),
    );
  }
  return combine(parts);
}

/**
 * While scaling: machines in place, where one still to be removed undoes
 * one in place, so that scaling down moves forward too (5 → 3 reads 1/3,
 * 2/3, 3/3).
 */
export function scalingProgress(obs: Observation): Progress {
  const parts: Part[] = [];
  const cp = obs.controlPlane;
  if (!cp.managed && cp.counters) {
    const { done, total } = inPlace(cp.counters, cp.target);
    parts.push({ done, total, label: `control plane ${done}/${total} ready` });
  }
  const pools = obs.pools.map(p => inPlace(p.counters, p.target));
  if (pools.length) {
    const done = pools.reduce((n, p) => n + p.done, 0);
    const total = pools.reduce((n, p) => n + p.total, 0);
    parts.push({ done, total, label: `workers ${done}/${total} ready` });
  }
  return combine(parts);
}

/** Machines in place towards the applied count (the live one when none was applied). */
function inPlace(c: ReplicaStatus | undefined, target?: number) {
  const total = target ?? c?.desired ?? 0;
  const extra = Math.max(0, (c?.current ?? 0) - total);
  return { done: Math.max(0, Math.min(c?.ready ?? 0, total) - extra), total };
}

/** Cluster API's deletion order, as its `Deleting` reasons name the steps. */
const DELETION_STEPS: Record<string, { step: number; label: string }> = {
  WaitingForBeforeDeleteHook: {
    step: 0,
    label: 'waiting for the pre-delete hook',
  },
  WaitingForWorkersDeletion: { step: 0, label: 'deleting workers' },
  WaitingForControlPlaneDeletion: {
    step: 1,
    label: 'deleting the control plane',
  },
  WaitingForInfrastructureDeletion: {
    step: 2,
    label: 'deleting the infrastructure',
  },
  DeletionCompleted: { step: 3, label: 'deletion completed' },
};

/** While deleting: workers, control plane, infrastructure, as Cluster API reports its step. */
export function deletionProgress(
  deletingCondition: CollectedCondition | undefined,
): Progress {
  const known =
    deletingCondition?.status === 'True'
      ? DELETION_STEPS[deletingCondition.reason ?? '']
      : undefined;
  return {
    done: known?.step ?? 0,
    total: 3,
    label: known?.label ?? 'waiting for Cluster API to start deleting',
  };
}

export const deletingConditionOf = (obs: Observation) =>
  findCondition(obs.conditions, 'Cluster', 'Deleting');
