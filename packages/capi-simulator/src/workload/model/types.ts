import { WorkloadFlavour } from './description';

/**
 * A simulated workload cluster as data: everything its API serves is
 * rendered from this, whether it was derived from Cluster API objects or
 * described as an existing cluster.
 */
export interface WorkloadCluster {
  name: string;
  flavour: WorkloadFlavour;
  /** `/version` gitVersion, with the distribution's suffix (`v1.32.3-eks-4096722`). */
  gitVersion: string;
  /** When the cluster came up (RFC 3339); the age of its system objects. */
  createdAt: string;
  nodes: WorkloadNode[];
  /** DaemonSets and Deployments: system components and those of Helm releases. */
  workloads: Workload[];
  storageClasses: StorageClassModel[];
  releases: HelmReleaseModel[];
  namespaces: string[];
}

export interface WorkloadNode {
  name: string;
  /** All labels, including the well-known ones. */
  labels: Record<string, string>;
  providerID?: string;
  cpu: number;
  memoryGiB: number;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  architecture: string;
  kubeletVersion: string;
  ready: boolean;
  createdAt: string;
}

export interface Workload {
  kind: 'DaemonSet' | 'Deployment';
  namespace: string;
  name: string;
  /** `repository:tag` of the main container. */
  image: string;
  /** Images of init containers (some installers ship a plugin binary so). */
  initImages?: string[];
  /** Deployments only (DaemonSets run one pod per node). */
  replicas?: number;
  labels: Record<string, string>;
  /** Only nodes with these labels run the DaemonSet's pods. */
  nodeSelector?: Record<string, string>;
}

export interface StorageClassModel {
  name: string;
  provisioner: string;
  isDefault: boolean;
  parameters?: Record<string, string>;
  reclaimPolicy?: 'Delete' | 'Retain';
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
}

export interface HelmReleaseModel {
  name: string;
  namespace: string;
  chart: string;
  version: string;
  appVersion: string;
  /** The user-supplied values (Helm's `config`). */
  values: Record<string, unknown>;
  revision: number;
  firstDeployed: string;
  lastDeployed: string;
}
