import {
  ApprovalState,
  ClusterCondition,
  ClusterError,
  ClusterPhase,
  ClusterPoolStatus,
  ClusterRequest,
  CloudType,
  DriftedField,
  ListClustersQuery,
  ProfileRef,
  ReplicaStatus,
} from '@palette-backstage/plugin-palette-common';
import { PropertyFilter } from '../database/propertyFilter';

/** What the management cluster last reported about a cluster, beyond its phase. */
export interface ObservedClusterStatus {
  conditions: ClusterCondition[];
  controlPlane: {
    replicas?: ReplicaStatus;
    version?: string;
    managed: boolean;
  };
  pools: Array<
    Pick<ClusterPoolStatus, 'name' | 'kind' | 'replicas' | 'version'>
  >;
  kubernetesVersion?: string;
  apiServer?: string;
  lastError?: ClusterError;
  progress?: { done: number; total: number; label: string };
}

/** An object the product applied, as the inventory keeps it. */
export interface InventoryItem {
  apiVersion: string;
  kind: string;
  name: string;
}

/** A cluster as stored: desired state, observed state and reconciliation bookkeeping. */
export interface ClusterRecord {
  id: string;
  name: string;
  managementCluster: string;
  namespace: string;
  provider: Exclude<CloudType, 'all'>;
  region: string;
  cloudAccount: string;
  owner: string;
  project: string;
  environment: string;
  profile: ProfileRef;
  addOnProfiles: ProfileRef[];
  /** The desired Kubernetes version (from the profile). */
  kubernetesVersion?: string;
  request: ClusterRequest;
  /** Bumped on every change of the desired state. */
  generation: number;
  /** The generation last applied to the management cluster. */
  appliedGeneration: number;
  appliedAt?: string;
  paused: boolean;
  deletionRequestedAt?: string;
  forceDelete: boolean;
  phase: ClusterPhase;
  phaseSince: string;
  message?: string;
  status?: ObservedClusterStatus;
  everRunning: boolean;
  nodes: { ready: number; desired: number };
  drifted: boolean;
  drift: DriftedField[];
  inventory: InventoryItem[];
  reconcileError?: string;
  lastReconciledAt?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  deletedAt?: string;
  /** What the cluster counts against its team's quota and budget. */
  footprint: ClusterFootprint;
  approval?: ApprovalRecord;
}

/** What a cluster counts against its team's quota (autoscaling maxima included). */
export interface ClusterFootprint {
  nodes: number;
  vcpus: number;
  monthlyCost: number;
}

/** A cluster's approval, as stored. */
export interface ApprovalRecord {
  state: ApprovalState;
  approverGroup: string;
  expiresAt: string;
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

/** What a new cluster is stored with. */
export interface NewClusterInput {
  request: ClusterRequest;
  managementCluster: string;
  namespace: string;
  provider: ClusterRecord['provider'];
  kubernetesVersion?: string;
  createdBy: string;
  footprint: ClusterFootprint;
  /** The request waits for an approval from this group before anything is applied. */
  approval?: { approverGroup: string; expiresAt: string };
}

/** The properties permission conditions can test on clusters. */
export type ClusterFilterProperty =
  | 'owner'
  | 'name'
  | 'environment'
  | 'project';

/** A permission filter on clusters. */
export type ClusterFilter = PropertyFilter<ClusterFilterProperty>;

/** The query of `ClusterStore.list`: the API's filters plus a permission filter. */
export type ListClusterRecordsQuery = Partial<
  Omit<ListClustersQuery, 'limit' | 'offset' | 'includeDeleted'>
> & {
  phase?: ClusterPhase[];
  provider?: CloudType[];
  owner?: string[];
  project?: string[];
  environment?: string[];
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
  filter?: ClusterFilter;
};

/** A change of the desired state, as a user asked for it. */
export interface DesiredChange {
  request?: ClusterRequest;
  footprint?: ClusterFootprint;
  kubernetesVersion?: string;
  paused?: boolean;
  deletionRequestedAt?: string;
  forceDelete?: boolean;
}

/** Who changed what, for the timeline and the audit log. */
export interface ChangeContext {
  actor: string;
  /** e.g. `cluster.upgrade`. */
  action: string;
  /** A short reason for the timeline, e.g. `UpgradeRequested`. */
  reason: string;
  message: string;
}

/** What the status watcher derived, to be stored. */
export interface StatusUpdate {
  phase: ClusterPhase;
  message?: string;
  status: ObservedClusterStatus;
  nodes: { ready: number; desired: number };
}

/** The outcome of one reconciliation, to be stored. */
export interface ReconcileOutcome {
  appliedGeneration?: number;
  inventory?: InventoryItem[];
  drift?: DriftedField[];
  /** Drift that this reconciliation found and restored (for the timeline). */
  restoredDrift?: DriftedField[];
  /** `null` clears a previous error. */
  reconcileError: string | null;
}
