import { z } from 'zod';

/**
 * The state of one dependency of palette-backend.
 *
 * @public
 */
export const healthCheckStatusSchema = z.enum(['ok', 'error']);

/** @public */
export type HealthCheckStatus = z.infer<typeof healthCheckStatusSchema>;

/**
 * What `GET /api/palette/health` reports about the database.
 *
 * @public
 */
export const databaseHealthSchema = z.object({
  status: healthCheckStatusSchema,
  /** The knex client in use, e.g. `better-sqlite3` or `pg`. */
  client: z.string(),
  latencyMs: z.number(),
  message: z.string().optional(),
});

/** @public */
export type DatabaseHealth = z.infer<typeof databaseHealthSchema>;

/**
 * What `GET /api/palette/health` reports about one management cluster.
 * It never carries credentials or the server's address.
 *
 * @public
 */
export const managementClusterHealthSchema = z.object({
  name: z.string(),
  /** How the cluster is reached: the embedded simulator, a kubeconfig, or in-cluster. */
  type: z.enum(['embedded', 'kubeconfig', 'inCluster']),
  status: healthCheckStatusSchema,
  latencyMs: z.number(),
  /** The Kubernetes version the API server reports, when reachable. */
  kubernetesVersion: z.string().optional(),
  /** Whether the Cluster API core group (cluster.x-k8s.io) is served. */
  clusterApiServed: z.boolean().optional(),
  message: z.string().optional(),
});

/** @public */
export type ManagementClusterHealth = z.infer<
  typeof managementClusterHealthSchema
>;

/**
 * The body of `GET /api/palette/health`.
 *
 * @public
 */
export const healthReportSchema = z.object({
  status: healthCheckStatusSchema,
  checks: z.object({
    database: databaseHealthSchema,
    managementClusters: z.array(managementClusterHealthSchema),
  }),
});

/** @public */
export type HealthReport = z.infer<typeof healthReportSchema>;
