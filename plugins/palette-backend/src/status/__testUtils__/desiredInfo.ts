import { ClusterPhase } from '@palette-backstage/plugin-palette-common';
import { deriveClusterStatus } from '../deriveClusterStatus';
import {
  DerivedClusterStatus,
  DesiredClusterInfo,
  LiveClusterObjects,
} from '../types';

export const MINUTE = 60_000;
export const T0 = new Date('2025-06-01T10:00:00Z');
export const minutesAfter = (start: Date, minutes: number) =>
  new Date(start.getTime() + minutes * MINUTE);

/** A kubeadm cluster with 3 control plane machines and one pool of 3, applied at T0. */
export function desiredInfo(
  overrides: Partial<DesiredClusterInfo> = {},
): DesiredClusterInfo {
  return {
    previousPhase: 'Provisioning',
    applied: true,
    appliedAt: T0,
    deletionRequested: false,
    createdAt: T0,
    everRunning: false,
    kubernetesVersion: 'v1.33.4',
    controlPlaneReplicas: 3,
    pools: { workers: 3 },
    managed: false,
    paused: false,
    provisioningTimeoutMs: 30 * MINUTE,
    updateTimeoutMs: 30 * MINUTE,
    ...overrides,
  };
}

/**
 * Keeps a cluster's record as the product does between derivations
 * (previous phase and since when, whether it ever ran), and the phases it
 * went through, repeats collapsed.
 */
export class PhaseTracker {
  readonly phases: ClusterPhase[] = [];
  last?: DerivedClusterStatus;

  constructor(public desired: DesiredClusterInfo) {
    this.phases.push(desired.previousPhase);
  }

  /** The product changed what it asks for and applied it. */
  applied(change: Partial<DesiredClusterInfo>, at = new Date()) {
    this.desired = { ...this.desired, ...change, applied: true, appliedAt: at };
  }

  derive(live: LiveClusterObjects, now = new Date()): DerivedClusterStatus {
    const status = deriveClusterStatus(live, this.desired, now);
    if (status.phase !== this.desired.previousPhase) {
      this.desired = {
        ...this.desired,
        previousPhase: status.phase,
        previousPhaseSince: now,
      };
      this.phases.push(status.phase);
    }
    if (status.phase === 'Running') this.desired.everRunning = true;
    this.last = status;
    return status;
  }

  /** The phases seen since the n-th. */
  since(index: number): ClusterPhase[] {
    return this.phases.slice(index);
  }
}
