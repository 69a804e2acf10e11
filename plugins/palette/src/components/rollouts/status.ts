import {
  Rollout,
  RolloutClusterStatus,
  RolloutStatus,
  RolloutWave,
} from '@palette-backstage/plugin-palette-common';
import { StatusStyle } from '../clusters/utils';

/** How a rollout's status is shown: its colour family and what it means. */
export const ROLLOUT_STATUS_STYLES: Readonly<
  Record<RolloutStatus, StatusStyle>
> = {
  Pending: { tone: 'idle', help: 'Created; no wave has started yet' },
  Running: {
    tone: 'progress',
    help: 'A wave is under way, or waits for its clusters’ maintenance windows',
  },
  Paused: {
    tone: 'warning',
    help: 'Stopped by a user after the clusters under way; resume to go on',
  },
  PartiallyApplied: {
    tone: 'error',
    help: 'Halted because a cluster failed: resume it, or roll the failed clusters back',
  },
  Completed: {
    tone: 'ok',
    help: 'Every selected cluster runs the target version',
  },
  RolledBack: {
    tone: 'warning',
    help: 'The failed (or all moved) clusters went back to their previous version',
  },
  Cancelled: {
    tone: 'idle',
    help: 'Stopped for good; clusters keep the version they have',
  },
};

/** How one cluster's part in a rollout is shown. */
export const ROLLOUT_CLUSTER_STATUS_STYLES: Readonly<
  Record<RolloutClusterStatus, StatusStyle>
> = {
  Pending: { tone: 'idle', help: 'Its wave has not started' },
  Waiting: {
    tone: 'warning',
    help: 'Its wave started, but its maintenance window is closed',
  },
  Updating: {
    tone: 'progress',
    help: 'Moving to the target version; the rollout waits until it is healthy',
  },
  Succeeded: { tone: 'ok', help: 'Runs the target version and is healthy' },
  Failed: {
    tone: 'error',
    help: 'Did not become healthy on the target version in time',
  },
  Skipped: {
    tone: 'idle',
    help: 'Not moved: it was not eligible when its wave started',
  },
  RollingBack: {
    tone: 'progress',
    help: 'Going back to the version it ran before the rollout',
  },
  RolledBack: {
    tone: 'warning',
    help: 'Back on the version it ran before the rollout',
  },
};

/** How a wave's status is shown. */
export const WAVE_STATUS_STYLES: Readonly<
  Record<RolloutWave['status'], StatusStyle>
> = {
  Pending: { tone: 'idle', help: 'Starts once the previous wave is healthy' },
  Running: { tone: 'progress', help: 'Its clusters are moving' },
  Succeeded: { tone: 'ok', help: 'Every cluster of the wave is healthy' },
  Failed: { tone: 'error', help: 'A cluster of the wave failed' },
};

/** Statuses of clusters that are being changed right now. */
const MOVING: readonly RolloutClusterStatus[] = ['Updating', 'RollingBack'];

/**
 * Whether a rollout is changing clusters now, so that its page follows it
 * closely: it runs, or a rollback of its clusters is under way.
 */
export function isRolloutActive(
  rollout: Pick<Rollout, 'status' | 'counts'>,
): boolean {
  return (
    rollout.status === 'Pending' ||
    rollout.status === 'Running' ||
    MOVING.some(s => (rollout.counts[s] ?? 0) > 0)
  );
}

/**
 * How far a rollout got: clusters on the target version over the clusters
 * it moves. Skipped clusters are not part of it.
 */
export function rolloutProgress(counts: Rollout['counts']): {
  succeeded: number;
  total: number;
} {
  let total = 0;
  for (const [status, n] of Object.entries(counts))
    if (status !== 'Skipped') total += n ?? 0;
  return { succeeded: counts.Succeeded ?? 0, total };
}

/** What a user may ask of a rollout in a status. */
export interface RolloutMoves {
  pause: boolean;
  resume: boolean;
  rollback: boolean;
  cancel: boolean;
}

/** The actions a rollout's status allows. */
export function rolloutMoves(status: RolloutStatus): RolloutMoves {
  return {
    pause: status === 'Running',
    resume: status === 'Paused' || status === 'PartiallyApplied',
    rollback: status === 'PartiallyApplied',
    cancel:
      status === 'Pending' ||
      status === 'Running' ||
      status === 'Paused' ||
      status === 'PartiallyApplied',
  };
}

/** The clusters a plan or rollout leaves out, with why. */
export const skippedClusters = (rollout: Pick<Rollout, 'waves'>) =>
  rollout.waves.flatMap(w => w.clusters.filter(c => c.status === 'Skipped'));

/**
 * `Wave 1 · canary`, `Wave 3`: numbered by position, whatever base the
 * server counts `index` from.
 */
export const waveTitle = (wave: Pick<RolloutWave, 'kind'>, position: number) =>
  `Wave ${position + 1}${wave.kind === 'canary' ? ' · canary' : ''}`;
