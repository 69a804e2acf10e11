import { WorkloadCluster } from '../model/types';
import { minorOf } from '../model/version';

/** The newest Kubernetes minor the simulator knows; older clusters age from it. */
const NEWEST_MINOR = 34;

/** Reports are seeded by cluster name and version: same cluster, same report. */
export const scanSeed = (model: WorkloadCluster, tool: string) =>
  `${model.name}|${model.gitVersion}|${tool}`;

/** How many minors the cluster is behind the newest one. */
export const ageOf = (model: WorkloadCluster) =>
  Math.max(0, NEWEST_MINOR - minorOf(model.gitVersion));
