import {
  ClusterCondition,
  ClusterPhase,
  ClusterPoolStatus,
  ReplicaStatus,
} from '@palette-backstage/plugin-palette-common';

/**
 * A Kubernetes object as the API returns it (plain JSON). Status derivation
 * reads it defensively: providers differ in shape, and a half-reconciled
 * object may lack any field.
 */
export type LiveObject = Record<string, unknown>;

/** The live Cluster API objects of one cluster, as the watcher caches them. */
export interface LiveClusterObjects {
  /** The `cluster.x-k8s.io` Cluster (v1beta2); absent before apply and after deletion. */
  cluster?: LiveObject;
  /** The object the Cluster's `spec.controlPlaneRef` names. */
  controlPlane?: LiveObject;
  /** The cluster's MachineDeployments and MachinePools. */
  pools: LiveObject[];
}

/**
 * A pool's size: a node count, or the bounds within which the cluster
 * autoscaler moves it (any count within them is what was asked).
 */
export type DesiredPoolSize = number | { min: number; max: number };

/** What the product asked for and knows about a cluster, from its own records. */
export interface DesiredClusterInfo {
  /** The phase derived last time (`Requested` for a new cluster). */
  previousPhase: ClusterPhase;
  /** When the cluster entered `previousPhase`; starts the clock of an update that began on its own. */
  previousPhaseSince?: Date;
  /** Whether the current desired generation has been applied to the management cluster. */
  applied: boolean;
  /** When the current desired generation was applied: the start of the provisioning or update clock. */
  appliedAt?: Date;
  deletionRequested: boolean;
  deletionRequestedAt?: Date;
  createdAt: Date;
  /** Whether the cluster was ever Running (a cluster that ran and fails is Degraded, not Provisioning). */
  everRunning: boolean;
  /** The Kubernetes version asked for (`1.34.1` or `v1.34.1`). */
  kubernetesVersion?: string;
  /** Control plane machines asked for; ignored for managed control planes. */
  controlPlaneReplicas?: number;
  /**
   * The size asked of each worker pool, by its name in the request (and in
   * `spec.topology.workers`); every pool the product applied must be listed.
   */
  pools: Record<string, DesiredPoolSize>;
  /** The control plane is run by the cloud (EKS, AKS, GKE). */
  managed: boolean;
  /** Reconciliation is paused on purpose: no timeouts apply. */
  paused: boolean;
  /** How long provisioning may take before the cluster is Failed. */
  provisioningTimeoutMs: number;
  /** How long an upgrade or a scale may take before the cluster is Failed. */
  updateTimeoutMs: number;
}

/** One worker pool as it runs (the request's side, instance type and count, is the caller's). */
export type DerivedPoolStatus = Pick<
  ClusterPoolStatus,
  'name' | 'kind' | 'replicas' | 'version'
>;

/** The lifecycle status the product shows, derived from the live objects. */
export interface DerivedClusterStatus {
  phase: ClusterPhase;
  /** A short human explanation: what is happening or what is wrong. */
  message?: string;
  conditions: ClusterCondition[];
  controlPlane: {
    replicas?: ReplicaStatus;
    version?: string;
    managed: boolean;
  };
  pools: DerivedPoolStatus[];
  /** The version the control plane runs (the lowest, while it rolls). */
  kubernetesVersion?: string;
  /** `https://host:port` from the Cluster's `spec.controlPlaneEndpoint`. */
  apiServer?: string;
  lastError?: { reason: string; message: string };
  /** Present while work is under way. */
  progress?: { done: number; total: number; label: string };
  /** Ready nodes over asked-for nodes, control plane machines included. */
  nodes: { ready: number; desired: number };
}
