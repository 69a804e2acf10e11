import {
  ApprovalState,
  ClusterCondition,
  ClusterError,
  ClusterPhase,
  ClusterPoolStatus,
  ClusterInventory,
  ClusterRequest,
  CloudType,
  DriftedField,
  ImportMode,
  ListClustersQuery,
  ProfileRef,
  ReplicaStatus,
} from '@palette-backstage/plugin-palette-common';
import { PropertyFilter } from '../database/propertyFilter';

/** What the product keeps about an imported cluster (never its kubeconfig). */
export interface ImportedClusterState {
  mode: ImportMode;
  /** The Secret on the management cluster that holds the kubeconfig. */
  secretName: string;
  /** The last successful discovery. */
  inventory?: ClusterInventory;
  lastDiscoveredAt?: string;
  /** Why the last discovery failed, when it did. */
  lastError?: string;
}

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
  /** The infra or full profile; absent on imported clusters (not built from one). */
  profile?: ProfileRef;
  addOnProfiles: ProfileRef[];
  /** The desired Kubernetes version (from the profile); the discovered one on imported clusters. */
  kubernetesVersion?: string;
  /**
   * The desired state. On imported clusters it holds the import's settings
   * and the discovered pools, and no `profile` (see `imported`).
   */
  request: ClusterRequest;
  /** Present on clusters imported by kubeconfig. */
  imported?: ImportedClusterState;
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

/** What an imported cluster is stored with. */
export interface NewImportedClusterInput {
  /** The import's settings as a request (no profile; discovered pools). */
  request: ClusterRequest;
  managementCluster: string;
  namespace: string;
  provider: ClusterRecord['provider'];
  mode: ImportMode;
  secretName: string;
  createdBy: string;
}

/** The outcome of one discovery of an imported cluster, to be stored. */
export interface DiscoveryOutcome {
  status: StatusUpdate;
  /** Absent when discovery failed: the last inventory is kept. */
  inventory?: ClusterInventory;
  /** The request with the discovered pools, when discovery succeeded. */
  request?: ClusterRequest;
  provider?: ClusterRecord['provider'];
  region?: string;
  /** `null` clears a previous error. */
  error: string | null;
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
