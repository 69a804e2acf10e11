import { z } from 'zod';
import { cloudTypeSchema } from '../packs/types';
import { ValidationMessage } from '../profiles/types';
import type { ClusterApproval } from '../governance/approvals';
import type { GovernanceDecision } from '../governance/evaluation';
import type { CostEstimate } from '../fleet/cost';
import { clusterPhaseSchema, ClusterPhase } from './phases';
import type { ClusterImportInfo } from './import';
import { semverSchema } from '../packs/types';
import {
  autoscalingSchema,
  ClusterRequest,
  profileRefSchema,
  ProfileRef,
  workerPoolSchema,
} from './request';

/**
 * The REST contract of the cluster routes of palette-backend
 * (`/api/palette/clusters...`), shared by the router, the scaffolder actions
 * and the frontend client.
 */

/** One status condition, as Cluster API reports it (v1beta2 and v1beta1 shapes merged). @public */
export interface ClusterCondition {
  /** The object that reports it, e.g. `Cluster` or `MachineDeployment/demo-workers`. */
  source: string;
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  /** v1beta1 conditions only. */
  severity?: string;
  lastTransitionTime?: string;
}

/** Observed replicas of the control plane or of one pool. @public */
export interface ReplicaStatus {
  desired: number;
  current: number;
  ready: number;
  upToDate: number;
  available: number;
}

/** One worker pool: what was asked and what runs. @public */
export interface ClusterPoolStatus {
  name: string;
  instanceType: string;
  /** Requested node count. */
  count: number;
  autoscaling?: { min: number; max: number };
  /** `MachineDeployment` or `MachinePool`. */
  kind: string;
  replicas?: ReplicaStatus;
  /** The Kubernetes version the pool's nodes run, when reported. */
  version?: string;
}

/** The last failure the cluster reported or the product met. @public */
export interface ClusterError {
  reason: string;
  message: string;
  at: string;
}

/** A field that differs between the rendered and the live object. @public */
export interface DriftedField {
  /** e.g. `HelmChartProxy/demo-observability-grafana`. */
  object: string;
  /** JSON path of the field, e.g. `spec.version`. */
  path: string;
  desired: unknown;
  live: unknown;
}

/** A cluster as lists show it. @public */
export interface ClusterSummary {
  name: string;
  phase: ClusterPhase;
  /** When the cluster entered its phase. */
  phaseSince: string;
  /** A short human explanation of the phase (what is happening or wrong). */
  message?: string;
  provider: z.infer<typeof cloudTypeSchema>;
  region: string;
  cloudAccount: string;
  owner: string;
  project: string;
  environment: string;
  /** The infra or full profile; absent on imported clusters, which were not built from one. */
  profile?: ProfileRef;
  addOnProfiles: ProfileRef[];
  managementCluster: string;
  /** Present on clusters imported by kubeconfig rather than created by the product. */
  imported?: ClusterImportInfo;
  /** Desired Kubernetes version (from the profile). */
  kubernetesVersion?: string;
  paused: boolean;
  /** Ready nodes over desired nodes, control plane included (0 for managed control planes). */
  nodes: { ready: number; desired: number };
  /** Live objects differ from the rendered ones. */
  drifted: boolean;
  /** A newer published, non-deprecated version of the cluster's profile. */
  updateAvailable?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** `GET /clusters/:name`. @public */
export interface ClusterDetails extends ClusterSummary {
  request: ClusterRequest;
  /** Present while work is under way: steps done over steps in all. */
  progress?: { done: number; total: number; label: string };
  conditions: ClusterCondition[];
  controlPlane: {
    replicas?: ReplicaStatus;
    version?: string;
    /** Managed by the cloud (EKS, AKS, GKE): no machines to count. */
    managed: boolean;
  };
  pools: ClusterPoolStatus[];
  lastError?: ClusterError;
  drift: DriftedField[];
  /** The workload cluster's API server, when known. */
  apiServer?: string;
  /** The objects the product applies, by kind and name. */
  objects: Array<{ apiVersion: string; kind: string; name: string }>;
  /** Why reconciliation waits, e.g. the management cluster is unreachable. */
  reconcileError?: string;
  lastReconciledAt?: string;
  deletionRequestedAt?: string;
  /** Present when the request needed an approval. */
  approval?: ClusterApproval;
}

/** One entry of a cluster's event timeline. @public */
export interface ClusterEvent {
  id: string;
  cluster: string;
  at: string;
  /** `phase`: a transition; `action`: a user's request; `drift`, `error`. */
  type: 'phase' | 'action' | 'drift' | 'error';
  /** The phase after a transition. */
  phase?: ClusterPhase;
  reason: string;
  message: string;
  /** Entity ref of the user, for actions. */
  actor?: string;
}

/** Sort keys of `GET /clusters`. @public */
export const clusterSortSchema = z.enum([
  'name',
  'phase',
  'provider',
  'owner',
  'environment',
  'createdAt',
  'updatedAt',
]);

/** Comma-separated values of one query parameter. */
const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    v =>
      typeof v === 'string'
        ? v
            .split(',')
            .map(s => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );

/** `GET /clusters` query: server-side filters, sort and pagination. @public */
export const listClustersQuerySchema = z.object({
  phase: csv(clusterPhaseSchema).optional(),
  provider: csv(cloudTypeSchema).optional(),
  owner: csv(z.string().min(1)).optional(),
  project: csv(z.string().min(1)).optional(),
  environment: csv(z.string().min(1)).optional(),
  profile: z.string().optional(),
  profileVersion: z.string().optional(),
  managementCluster: z.string().optional(),
  /** Case-insensitive substring of the name. */
  search: z.string().max(100).optional(),
  /** Deleted clusters are left out unless asked for. */
  includeDeleted: z
    .enum(['true', 'false'])
    .transform(v => v === 'true')
    .optional(),
  sort: clusterSortSchema.default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** @public */
export type ListClustersQuery = z.input<typeof listClustersQuerySchema>;

/** `GET /clusters` reply. @public */
export interface ListClustersResponse {
  items: ClusterSummary[];
  totalCount: number;
  /** Count per phase over the filtered set, for the fleet page's chips. */
  phaseCounts: Partial<Record<ClusterPhase, number>>;
}

/** A Kubernetes object as the product renders it. @public */
export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** `POST /clusters?dryRun=true` reply (and the create reply's validation). @public */
export interface ClusterDryRunResponse {
  valid: boolean;
  messages: ValidationMessage[];
  /** What would be applied to the management cluster. */
  manifests: RenderedObject[];
  /** The governance evaluation: violations (also in `messages`), approval, cost estimate. */
  governance?: GovernanceDecision;
  /** The cost model's estimate: per hour and per month, a range when pools autoscale. */
  costEstimate?: CostEstimate;
}

/** `POST /clusters/:name/upgrade` body: another published version, or other add-ons. @public */
export const upgradeClusterRequestSchema = z
  .object({
    profileVersion: semverSchema.optional(),
    addOnProfiles: z.array(profileRefSchema).max(20).optional(),
    /** Values of variables the new version adds or changes. */
    variables: z.record(z.string(), z.string()).optional(),
  })
  .refine(
    u =>
      u.profileVersion !== undefined ||
      u.addOnProfiles !== undefined ||
      u.variables !== undefined,
    { message: 'name a profileVersion, addOnProfiles or variables to change' },
  );
/** @public */
export type UpgradeClusterRequest = z.infer<typeof upgradeClusterRequestSchema>;

/** What an upgrade changes, and what rolls because of it. @public */
export interface ClusterUpgradePreview {
  from: { profile: ProfileRef; addOnProfiles: ProfileRef[] };
  to: { profile: ProfileRef; addOnProfiles: ProfileRef[] };
  /** Layer changes, one line each (e.g. `Kubernetes 1.34.4 → 1.34.10`). */
  changes: Array<{
    layer: string;
    change: 'added' | 'removed' | 'changed';
    summary: string;
  }>;
  /** What will be replaced or redeployed, e.g. `control plane machines (3)`. */
  rolls: string[];
  /** Objects that change, with the fields that do. */
  objectChanges: Array<{
    kind: string;
    name: string;
    change: 'create' | 'update' | 'delete';
    fields: string[];
  }>;
  messages: ValidationMessage[];
}

/** `PUT /clusters/:name/pools/:pool` body. @public */
export const updatePoolRequestSchema = z
  .object({
    count: z.number().int().min(0).max(1000).optional(),
    /** `null` turns autoscaling off. */
    autoscaling: autoscalingSchema.nullable().optional(),
  })
  .refine(u => u.count !== undefined || u.autoscaling !== undefined, {
    message: 'name a count or autoscaling bounds',
  });
/** @public */
export type UpdatePoolRequest = z.infer<typeof updatePoolRequestSchema>;

/** `POST /clusters/:name/pools` body. @public */
export const addPoolRequestSchema = workerPoolSchema;

/** `DELETE /clusters/:name` query. @public */
export const deleteClusterQuerySchema = z.object({
  /**
   * Forget the cluster's objects even if Cluster API has not removed them
   * (finalizers are cleared). Allowed only once deletion has been stuck for
   * `palette.clusters.forceDeleteAfter`.
   */
  force: z
    .enum(['true', 'false'])
    .transform(v => v === 'true')
    .optional(),
});

/** `GET /clusters/:name/events` query. @public */
export const listClusterEventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
