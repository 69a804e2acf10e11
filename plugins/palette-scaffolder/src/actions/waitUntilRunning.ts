import { setTimeout as sleep } from 'node:timers/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  ClusterDetails,
  ClusterPhase,
} from '@palette-backstage/plugin-palette-common';
import { ClusterReader } from './initiatorClusterReader';

/**
 * How time passes for a wait.
 *
 * @public
 */
export interface WaitClock {
  now(): number;
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Real time. */
export const realClock: WaitClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

/** Phases a cluster does not come back from to Running by itself. */
const FAILED_PHASES: ReadonlySet<ClusterPhase> = new Set<ClusterPhase>([
  'Failed',
  'Rejected',
  'Deleting',
  'Deleted',
]);

/**
 * How long palette-backend may stay unreachable (restarting, say) before a
 * wait gives up; a single lost reply must not fail a day-long wait.
 */
const UNREACHABLE_GRACE_MS = 5 * 60_000;

/** What {@link waitUntilRunning} needs. */
export interface WaitOptions {
  name: string;
  reader: ClusterReader;
  logger: LoggerService;
  clock: WaitClock;
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

/**
 * Polls a cluster until it is Running, logging each change of phase,
 * message or progress. Fails with the cluster's reason when it fails, is
 * rejected or deleted, and when it is not running in time.
 */
export async function waitUntilRunning(
  options: WaitOptions,
): Promise<ClusterDetails> {
  const { name, reader, logger, clock, pollMs, signal } = options;
  const deadline = clock.now() + options.timeoutMs;
  let lastLine: string | undefined;
  let latest: ClusterDetails | undefined;
  let unreachableSince: number | undefined;

  for (;;) {
    let cluster: ClusterDetails | undefined;
    try {
      cluster = await reader.read();
      unreachableSince = undefined;
    } catch (error) {
      if (!isTransient(error)) throw error;
      unreachableSince ??= clock.now();
      if (clock.now() - unreachableSince >= UNREACHABLE_GRACE_MS) throw error;
      logger.warn(`Could not read cluster ${name}, retrying: ${error}`);
    }

    if (cluster) {
      latest = cluster;
      const line = `Cluster ${name} is ${describeState(cluster)}`;
      if (line !== lastLine) {
        logger.info(line);
        lastLine = line;
      }
      if (cluster.phase === 'Running') return cluster;
      if (FAILED_PHASES.has(cluster.phase)) {
        throw new Error(await describeFailure(cluster, reader));
      }
    }

    const left = deadline - clock.now();
    if (left <= 0) {
      const state = latest ? `; it is ${describeState(latest)}` : '';
      throw new Error(
        `Cluster ${name} is not Running after ${formatMinutes(
          options.timeoutMs,
        )}${state}. palette-backend keeps working on it: follow it on /palette/clusters/${name}`,
      );
    }
    await clock.sleep(Math.min(pollMs, left), signal);
  }
}

/** `Provisioning: Creating machines (3/7 control plane)`. */
function describeState(cluster: ClusterDetails): string {
  const head = cluster.phase;
  if (cluster.phase === 'PendingApproval') {
    const group = cluster.approval?.approverGroup ?? 'an approver';
    return `${head}: waiting for approval by ${group}`;
  }
  const message = cluster.message ? `: ${cluster.message}` : '';
  const { progress } = cluster;
  const steps = progress
    ? ` (${progress.done}/${progress.total} ${progress.label})`
    : '';
  return `${head}${message}${steps}`;
}

/** Why the wait fails: the cluster's own words, the timeline's otherwise. */
async function describeFailure(
  cluster: ClusterDetails,
  reader: ClusterReader,
): Promise<string> {
  const { name, phase, approval } = cluster;
  if (phase === 'Rejected' && approval) {
    const why =
      approval.state === 'Expired'
        ? `the approval by ${approval.approverGroup} expired at ${approval.expiresAt}`
        : `rejected by ${approval.decidedBy ?? approval.approverGroup}${
            approval.comment ? `: ${approval.comment}` : ''
          }`;
    return `Cluster ${name} was not approved: ${why}`;
  }
  const reason =
    cluster.lastError?.message ??
    cluster.message ??
    (await latestEventMessage(reader)) ??
    'no reason was given';
  return `Cluster ${name} is ${phase}: ${reason}`;
}

/** The newest error or transition of the timeline, when it can be read. */
async function latestEventMessage(
  reader: ClusterReader,
): Promise<string | undefined> {
  try {
    const events = await reader.events(20);
    return events.find(e => e.type === 'error' || e.type === 'phase')?.message;
  } catch {
    // Only an embellishment of the failure being reported.
    return undefined;
  }
}

/** Failures worth another poll: palette-backend down, slow or restarting. */
function isTransient(error: unknown): boolean {
  if (!isError(error)) return false;
  if (error.name === 'ResponseError') {
    const status = (error as { statusCode?: number }).statusCode ?? 0;
    return status >= 500;
  }
  // `TypeError: fetch failed` (refused, reset) and a request's own timeout.
  return error.name === 'TypeError' || error.name === 'TimeoutError';
}

function formatMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
