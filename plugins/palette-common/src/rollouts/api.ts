import { z } from 'zod';
import { semverSchema } from '../packs/types';
import { PROFILE_NAME_PATTERN } from '../profiles/types';
import { ENVIRONMENT_NAME_PATTERN } from '../clusters/request';

/**
 * The contract of fleet rollouts: moving many clusters to a new version of
 * their profile in waves, inside maintenance windows, halting on failure.
 * Routes live under `/api/palette/rollouts`.
 */

/**
 * A maintenance window: it opens at each time the cron expression names
 * (five fields, e.g. `0 2 * * 6` for Saturdays at 02:00) and stays open for
 * `durationMinutes`. A wave's cluster is only started while its window is
 * open; a cluster without one (and without an environment default) may be
 * started at any time.
 *
 * @public
 */
export const maintenanceWindowSchema = z.object({
  cron: z
    .string()
    .min(9)
    .max(100)
    .regex(
      /^\S+(\s+\S+){4}$/,
      'must be a five-field cron expression such as "0 2 * * 6"',
    ),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60),
  /** IANA time zone of the cron expression; UTC when absent. */
  timeZone: z.string().min(1).max(64).optional(),
});
/** @public */
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

/** `PUT /clusters/:name/maintenance-window` body; `null` removes it. @public */
export const clusterMaintenanceWindowRequestSchema = z.object({
  window: maintenanceWindowSchema.nullable(),
});

/** Which clusters a rollout moves: all filters apply together. @public */
export const rolloutSelectorSchema = z.object({
  environments: z.array(z.string().regex(ENVIRONMENT_NAME_PATTERN)).optional(),
  /** Owner group refs. */
  owners: z.array(z.string().min(1)).optional(),
  /** Project (System) refs. */
  projects: z.array(z.string().min(1)).optional(),
  /** Explicit cluster names (still narrowed by the other filters). */
  clusters: z.array(z.string().min(1)).max(10_000).optional(),
});
/** @public */
export type RolloutSelector = z.infer<typeof rolloutSelectorSchema>;

/** `POST /rollouts` body. @public */
export const createRolloutRequestSchema = z.object({
  /** The profile whose clusters move; only clusters on an older version are selected. */
  profile: z.string().regex(PROFILE_NAME_PATTERN, 'must be a profile name'),
  targetVersion: semverSchema,
  selector: rolloutSelectorSchema.default({}),
  /** Clusters in the first (canary) wave. */
  canarySize: z.number().int().min(1).max(100).default(1),
  /** Clusters per following wave. */
  batchSize: z.number().int().min(1).max(1000).default(5),
  /** How long a started cluster may take to become healthy on the target version. */
  healthTimeoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** Only report the plan (waves and clusters); create nothing. */
  dryRun: z.boolean().default(false),
  description: z.string().max(2000).optional(),
});
/** @public */
export type CreateRolloutRequest = z.input<typeof createRolloutRequestSchema>;

/**
 * - `Pending`: created, nothing started yet.
 * - `Running`: a wave is under way (or waits for its window).
 * - `Paused`: stopped by a user; resumable.
 * - `PartiallyApplied`: halted because a cluster failed; resume or roll back.
 * - `Completed`: every selected cluster runs the target version.
 * - `RolledBack`: the failed (or all moved) clusters went back.
 * - `Cancelled`: stopped for good; clusters keep the version they have.
 *
 * @public
 */
export const rolloutStatusSchema = z.enum([
  'Pending',
  'Running',
  'Paused',
  'PartiallyApplied',
  'Completed',
  'RolledBack',
  'Cancelled',
]);
/** @public */
export type RolloutStatus = z.infer<typeof rolloutStatusSchema>;

/**
 * One cluster's part in a rollout.
 * `Waiting`: its wave started but its maintenance window is closed.
 *
 * @public
 */
export const rolloutClusterStatusSchema = z.enum([
  'Pending',
  'Waiting',
  'Updating',
  'Succeeded',
  'Failed',
  'Skipped',
  'RollingBack',
  'RolledBack',
]);
/** @public */
export type RolloutClusterStatus = z.infer<typeof rolloutClusterStatusSchema>;

/** @public */
export interface RolloutCluster {
  name: string;
  status: RolloutClusterStatus;
  /** The version it ran when selected: where a rollback returns it. */
  fromVersion: string;
  /** Why it failed, was skipped or waits (e.g. `window opens 2026-11-28T02:00:00Z`). */
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

/** @public */
export interface RolloutWave {
  index: number;
  kind: 'canary' | 'batch';
  status: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  clusters: RolloutCluster[];
}

/** `GET /rollouts/:id`. @public */
export interface Rollout {
  id: string;
  profile: string;
  targetVersion: string;
  selector: RolloutSelector;
  canarySize: number;
  batchSize: number;
  healthTimeoutMinutes: number;
  status: RolloutStatus;
  /** Why it halted, paused or finished as it did. */
  message?: string;
  description?: string;
  waves: RolloutWave[];
  /** Cluster counts by status, over every wave. */
  counts: Partial<Record<RolloutClusterStatus, number>>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** `GET /rollouts` reply (newest first). @public */
export interface ListRolloutsResponse {
  items: Array<Omit<Rollout, 'waves'>>;
  totalCount: number;
}

/** `POST /rollouts/:id/rollback` body. @public */
export const rollbackRolloutRequestSchema = z.object({
  /** `failed`: only the clusters that failed; `all`: every cluster the rollout moved. */
  scope: z.enum(['failed', 'all']).default('failed'),
});

/** `GET /profiles/:name/usage`: how many clusters run each version. @public */
export interface ProfileUsage {
  profile: string;
  latestVersion?: string;
  versions: Array<{ version: string; clusters: number }>;
}

/** `POST /clusters/bulk` body: one day-2 action on a selection. @public */
export const bulkClusterActionRequestSchema = z
  .object({
    action: z.enum(['upgrade', 'pause', 'resume', 'delete']),
    clusters: z.array(z.string().min(1)).min(1).max(500),
    /** For `upgrade`: the profile version to move each cluster to. */
    profileVersion: semverSchema.optional(),
  })
  .refine(b => b.action !== 'upgrade' || b.profileVersion, {
    message: 'an upgrade names a profileVersion',
    path: ['profileVersion'],
  });
/** @public */
export type BulkClusterActionRequest = z.infer<
  typeof bulkClusterActionRequestSchema
>;

/** `POST /clusters/bulk` reply: every cluster's own outcome. @public */
export interface BulkClusterActionResponse {
  results: Array<{
    cluster: string;
    ok: boolean;
    /** The HTTP status this cluster's action alone would have had. */
    status: number;
    message?: string;
  }>;
}

/** `GET /rollouts` query (`status` may repeat or be comma-separated). @public */
export const listRolloutsQuerySchema = z.object({
  status: z
    .union([z.string(), z.array(z.string())])
    .transform(v => (Array.isArray(v) ? v : v.split(',')).filter(Boolean))
    .pipe(z.array(rolloutStatusSchema))
    .optional(),
  profile: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** @public */
export type ListRolloutsQuery = z.input<typeof listRolloutsQuerySchema>;

/** `GET` and `PUT /clusters/:name/maintenance-window` reply. @public */
export interface ClusterMaintenanceWindowResponse {
  /** The cluster's own window; `null` when it has none. */
  window: MaintenanceWindow | null;
  /** The default of the cluster's environment (`palette.rollouts.maintenanceWindows`). */
  environmentWindow: MaintenanceWindow | null;
  /** Whether the effective window (own, else environment) is open now; no window is always open. */
  open: boolean;
  /** When the effective window next opens. */
  nextOpening?: string;
}
