/**
 * An embedded Kubernetes API server with simulated Cluster API controllers,
 * the default management cluster of the Palette suite for development,
 * tests and benchmarks.
 *
 * @packageDocumentation
 */
export { startSimulator } from './Simulator';
export type { SimulatorOptions, RunningSimulator } from './Simulator';
export { ObjectStore } from './store/ObjectStore';
export type { ListOptions, ListResult } from './store/ObjectStore';
export type { KubeObject, KubeObjectMeta, WatchEvent } from './store/types';
export { ResourceRegistry } from './api/ResourceRegistry';
export type { ResourceType } from './api/resourceTypes';
export { StatusError } from './server/StatusError';
export type { ExistingClusterHealth } from './workload/existing/ExistingClusters';
export { DEMO_EXISTING_CLUSTERS } from './workload/existing/demoClusters';
export type {
  WorkloadClusterDescription,
  WorkloadFlavour,
  NodePoolDescription,
  HelmReleaseDescription,
} from './workload/model/description';
export type { CniName, CsiName } from './workload/model/components';
