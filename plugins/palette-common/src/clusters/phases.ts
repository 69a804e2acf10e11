import { z } from 'zod';

/**
 * The lifecycle phase of a cluster, as palette-backend derives it from the
 * Cluster API objects on the management cluster (never from `status.phase`,
 * which Cluster API deprecated for decisions).
 *
 * - `Requested`: stored, not yet applied to the management cluster (or the
 *   management cluster is unreachable).
 * - `Provisioning`: applied, not yet available for the first time.
 * - `Running`: available, every replica up to date.
 * - `Updating`: a new Kubernetes version or profile version is rolling.
 * - `Scaling`: replica counts are moving towards new targets.
 * - `Degraded`: was running, now reports `False` conditions.
 * - `Deleting`: deletion requested, objects still present.
 * - `Deleted`: every object is gone; the record stays for history and cost.
 * - `Failed`: not available within the product's provisioning timeout.
 * - `PendingApproval`: governance requires an approval before anything is
 *   applied; nothing exists on the management cluster yet.
 * - `Rejected`: the approval was refused or expired; nothing was applied and
 *   the name is free again.
 * - `Importing`: an existing cluster was imported by kubeconfig; its first
 *   discovery has not finished.
 * - `Unreachable`: an imported cluster's API server does not answer with
 *   the stored kubeconfig.
 *
 * @public
 */
export const clusterPhaseSchema = z.enum([
  'PendingApproval',
  'Rejected',
  'Requested',
  'Provisioning',
  'Running',
  'Updating',
  'Scaling',
  'Degraded',
  'Deleting',
  'Deleted',
  'Failed',
  'Importing',
  'Unreachable',
]);

/** @public */
export type ClusterPhase = z.infer<typeof clusterPhaseSchema>;

/** Every phase, in lifecycle order. @public */
export const CLUSTER_PHASES: readonly ClusterPhase[] = clusterPhaseSchema.options;

/**
 * Phases in which work is under way (the UI shows progress).
 *
 * @public
 */
export const CLUSTER_PHASES_IN_PROGRESS: readonly ClusterPhase[] = [
  'PendingApproval',
  'Importing',
  'Requested',
  'Provisioning',
  'Updating',
  'Scaling',
  'Deleting',
];

/** Whether a phase is one where work is under way. @public */
export function isClusterPhaseInProgress(phase: ClusterPhase): boolean {
  return CLUSTER_PHASES_IN_PROGRESS.includes(phase);
}
