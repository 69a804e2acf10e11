import { ClusterPhase } from '@palette-backstage/plugin-palette-common';
import { DesiredClusterInfo } from '../types';

/**
 * Cluster API never gives up, so the product keeps its own clocks: one for
 * provisioning, one for each update or scale.
 */

const WORK_PHASES: readonly ClusterPhase[] = ['Updating', 'Scaling'];

/** Provisioning runs from the first apply (or, before it, from creation). */
export const provisioningStartedAt = (desired: DesiredClusterInfo): Date =>
  desired.appliedAt ?? desired.createdAt;

/**
 * When the update or scale under way started: no earlier than the apply
 * that asked for it. A cluster that was settled (Running, Degraded) starts
 * its clock now, so that work Cluster API does on its own (an autoscaler, a
 * remediation) long after the last apply is not timed out at once; a cluster
 * that already failed keeps the clock of its apply and stays Failed.
 */
export function updateStartedAt(desired: DesiredClusterInfo, now: Date): Date {
  const applied = desired.appliedAt ?? desired.createdAt;
  if (desired.previousPhase === 'Failed') return applied;
  if (!WORK_PHASES.includes(desired.previousPhase)) return now;
  const since = desired.previousPhaseSince;
  return since && since > applied ? since : applied;
}

export const hasTimedOut = (startedAt: Date, timeoutMs: number, now: Date) =>
  now.getTime() - startedAt.getTime() > timeoutMs;

/** `45s`, `12m`, `1h 30m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours}h ${rest}m` : `${hours}h`;
}
