import { ClusterPhase } from '@palette-backstage/plugin-palette-common';
import { DesiredClusterInfo } from '../types';
import {
  formatDuration,
  hasTimedOut,
  provisioningStartedAt,
  updateStartedAt,
} from './clocks';
import {
  CollectedCondition,
  describeCondition,
  mostRelevant,
} from './conditions';
import { Observation } from './observe';
import {
  Progress,
  deletingConditionOf,
  deletionProgress,
  provisioningProgress,
  scalingProgress,
  updateProgress,
} from './progress';
import { firstLine, isBeingDeleted } from './read';

/** The phase and what explains it. */
export interface PhaseDecision {
  phase: ClusterPhase;
  message?: string;
  lastError?: { reason: string; message: string };
  progress?: Progress;
}

/** Phases of a cluster that has run: a failure then is Degraded, not Provisioning. */
const AFTER_RUNNING: readonly ClusterPhase[] = [
  'Running',
  'Updating',
  'Scaling',
  'Degraded',
];

const PAUSED_MESSAGE = 'Reconciliation is paused';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const wasRunning = (desired: DesiredClusterInfo) =>
  desired.everRunning || AFTER_RUNNING.includes(desired.previousPhase);

const errorOf = (c: CollectedCondition) => ({
  reason: c.reason ?? c.type,
  message: describeCondition(c),
});

/**
 * The condition that explains why work does not finish: a failure if one is
 * reported, else the unmet condition that changed last.
 */
function blockingCondition(obs: Observation): CollectedCondition | undefined {
  const failure = mostRelevant(obs.failures);
  if (failure) return failure;
  const latestFirst = [...obs.unmet].sort((a, b) =>
    (b.lastTransitionTime ?? '').localeCompare(a.lastTransitionTime ?? ''),
  );
  return mostRelevant(latestFirst);
}

function failed(reason: string, what: string, obs: Observation): PhaseDecision {
  const blocking = blockingCondition(obs);
  const message = blocking
    ? `${what}: ${describeCondition(blocking)}`
    : `${what}; no condition reports why`;
  return { phase: 'Failed', message, lastError: { reason, message } };
}

function degraded(problem: CollectedCondition | undefined): PhaseDecision {
  if (!problem) {
    const message = 'Cluster API does not report the cluster as available';
    return {
      phase: 'Degraded',
      message,
      lastError: { reason: 'NotAvailable', message },
    };
  }
  const lastError = errorOf(problem);
  return { phase: 'Degraded', message: lastError.message, lastError };
}

function decideDeletion(obs: Observation): PhaseDecision {
  if (!obs.cluster)
    return { phase: 'Deleted', message: 'Deleted from the management cluster' };
  const deleting = deletingConditionOf(obs);
  const progress = deletionProgress(deleting);
  const started = isBeingDeleted(obs.cluster) || deleting?.status === 'True';
  const detail =
    deleting?.status === 'True' ? firstLine(deleting.message) : undefined;
  const failure = mostRelevant(obs.failures);
  return {
    phase: 'Deleting',
    message: started
      ? `${capitalize(progress.label)}${detail ? `: ${detail}` : ''}`
      : 'Deletion requested, not yet sent to the management cluster',
    progress,
    ...(failure ? { lastError: errorOf(failure) } : {}),
  };
}

function decideWithoutCluster(
  obs: Observation,
  desired: DesiredClusterInfo,
  now: Date,
): PhaseDecision {
  if (!desired.applied)
    return {
      phase: 'Requested',
      message: 'Waiting to be applied to the management cluster',
      progress: { done: 0, total: 1, label: 'waiting to be applied' },
    };
  if (wasRunning(desired)) {
    const message = 'The Cluster object is missing from the management cluster';
    return {
      phase: 'Degraded',
      message,
      lastError: { reason: 'ClusterNotFound', message },
    };
  }
  return decideProvisioning(obs, desired, now);
}

function decideProvisioning(
  obs: Observation,
  desired: DesiredClusterInfo,
  now: Date,
): PhaseDecision {
  if (
    !obs.paused &&
    hasTimedOut(
      provisioningStartedAt(desired),
      desired.provisioningTimeoutMs,
      now,
    )
  ) {
    return failed(
      'ProvisioningTimeout',
      `Provisioning did not complete within ${formatDuration(
        desired.provisioningTimeoutMs,
      )}`,
      obs,
    );
  }
  const progress = provisioningProgress(obs, desired);
  const failure = mostRelevant(obs.failures);
  let message = capitalize(progress.label);
  if (failure) message = describeCondition(failure);
  else if (obs.paused) message = PAUSED_MESSAGE;
  else if (!obs.cluster)
    message =
      'Waiting for the Cluster object to appear on the management cluster';
  return {
    phase: 'Provisioning',
    message,
    progress,
    ...(failure ? { lastError: errorOf(failure) } : {}),
  };
}

/** Which work a cluster that has run is doing, if any. */
function workUnderWay(
  obs: Observation,
  desired: DesiredClusterInfo,
): 'Updating' | 'Scaling' | undefined {
  if (obs.updating) return 'Updating';
  if (obs.scaling) return 'Scaling';
  const previous = desired.previousPhase;
  // The counts are reached but new machines are still becoming ready, or a
  // spec change is not observed yet: the work started before goes on.
  if (
    (obs.specPending || !obs.ready) &&
    (previous === 'Updating' || previous === 'Scaling')
  )
    return previous;
  // Any other spec change (a profile's template or variables) rolls out.
  return obs.specPending ? 'Updating' : undefined;
}

function decideAfterRunning(
  obs: Observation,
  desired: DesiredClusterInfo,
  now: Date,
): PhaseDecision {
  const work = workUnderWay(obs, desired);
  if (!work) {
    // Nothing is under way, yet the cluster is not ready: every unmet
    // condition is a symptom.
    return degraded(
      mostRelevant(obs.failures.length ? obs.failures : obs.unmet),
    );
  }
  if (
    !obs.paused &&
    hasTimedOut(updateStartedAt(desired, now), desired.updateTimeoutMs, now)
  ) {
    const what = work === 'Updating' ? 'The update' : 'Scaling';
    return failed(
      'UpdateTimeout',
      `${what} did not complete within ${formatDuration(
        desired.updateTimeoutMs,
      )}`,
      obs,
    );
  }
  // While work is under way only reported failures count: unmet conditions
  // are expected until the machines are in place.
  const failure = mostRelevant(obs.failures);
  if (failure) return degraded(failure);
  if (work === 'Updating') {
    const progress = updateProgress(obs);
    let what = 'Finishing the rollout';
    if (obs.targetVersion) what = `Upgrading to v${obs.targetVersion}`;
    else if (obs.updating || obs.specPending) what = 'Rolling out changes';
    return {
      phase: 'Updating',
      message: `${what}: ${progress.label}`,
      progress,
    };
  }
  const progress = scalingProgress(obs);
  return { phase: 'Scaling', message: `Scaling: ${progress.label}`, progress };
}

/**
 * The lifecycle phase from what the live objects say and what the product
 * asked, in order: deletion wins; a cluster with no Cluster object is
 * Requested (not applied), Provisioning (applied, not seen yet) or Degraded
 * (it ran and vanished); a ready cluster that matches what was applied is
 * Running; otherwise a cluster that never ran is Provisioning until its
 * timeout (then Failed), and one that ran is Updating, Scaling or Degraded.
 */
export function decidePhase(
  obs: Observation,
  desired: DesiredClusterInfo,
  now: Date,
): PhaseDecision {
  if (obs.deleting) return decideDeletion(obs);
  if (!obs.cluster) return decideWithoutCluster(obs, desired, now);
  if (obs.ready && obs.targetsMet)
    return {
      phase: 'Running',
      ...(obs.paused ? { message: PAUSED_MESSAGE } : {}),
    };
  return wasRunning(desired)
    ? decideAfterRunning(obs, desired, now)
    : decideProvisioning(obs, desired, now);
}
