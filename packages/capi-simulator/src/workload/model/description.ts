import { CniName, CsiName } from './components';

/**
 * How a distribution names and labels its nodes and ships its system
 * images: `eks`, `aks` and `gke` as the managed services do, `kubeadm` for
 * clusters built with kubeadm (Cluster API's or on-premises ones).
 *
 * @public
 */
export type WorkloadFlavour = 'eks' | 'aks' | 'gke' | 'kubeadm';

/** A group of identical nodes. @public */
export interface NodePoolDescription {
  name: string;
  role?: 'control-plane' | 'worker';
  count: number;
  /** `node.kubernetes.io/instance-type`; sizes known types when cpu/memory are absent. */
  instanceType?: string;
  cpu?: number;
  memoryGiB?: number;
  /** e.g. `Amazon Linux 2023.7.20250414`, `Ubuntu 24.04.2 LTS`. */
  osImage?: string;
  kernelVersion?: string;
  /** e.g. `containerd://1.7.27`. */
  containerRuntimeVersion?: string;
  /** `amd64` unless given. */
  architecture?: string;
  /** The kubelet's version when it differs from the API server's. */
  kubeletVersion?: string;
  /** Extra labels of the pool's nodes. */
  labels?: Record<string, string>;
}

/** A Helm release installed on the cluster. @public */
export interface HelmReleaseDescription {
  name: string;
  namespace: string;
  chart: string;
  /** Chart version (Chart.yaml `version`). */
  version: string;
  /** Chart.yaml `appVersion`; a well-known chart's when absent. */
  appVersion?: string;
  /** The user-supplied values. */
  values?: Record<string, unknown>;
  /** Release revision (1 unless upgraded). */
  revision?: number;
  /** When it was first and last deployed (RFC 3339); the cluster's creation when absent. */
  firstDeployed?: string;
  lastDeployed?: string;
}

/**
 * A simulated workload cluster, described as data; its API (version,
 * nodes, namespaces, DaemonSets, Deployments, StorageClasses, Helm release
 * Secrets, scan reports) is rendered from it.
 *
 * @public
 */
export interface WorkloadClusterDescription {
  name: string;
  /** `/version` gitVersion with the distribution's suffix, e.g. `v1.32.3-eks-4096722`. */
  gitVersion: string;
  flavour: WorkloadFlavour;
  /** `topology.kubernetes.io/region` (and zones, spread over the nodes). */
  region?: string;
  zones?: string[];
  /** When the cluster was created (RFC 3339). */
  createdAt?: string;
  /** Labels every node carries (e.g. `kubernetes.azure.com/cluster`). */
  nodeLabels?: Record<string, string>;
  nodePools: NodePoolDescription[];
  /** The CNI installed outside Helm; absent when a Helm release installs it. */
  cni?: { name: CniName; version: string };
  /** CSI drivers installed outside Helm, with their StorageClasses. */
  csi?: Array<{ name: CsiName; version: string }>;
  helmReleases?: HelmReleaseDescription[];
  /** Namespaces beyond the system ones and those of the workloads. */
  namespaces?: string[];
}
