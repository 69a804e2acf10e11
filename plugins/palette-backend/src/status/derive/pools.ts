import { DerivedPoolStatus, DesiredPoolSize, LiveObject } from '../types';
import { kindOf, labelOf, nameOf, stringAt } from './read';
import { machineCountersOf } from './replicas';
import { poolVersionOf } from './versions';

/** The label Cluster API puts on every object of a cluster. */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** Labels the topology controller puts on the workers it creates, with their name in `spec.topology`. */
const TOPOLOGY_NAME_LABELS = [
  'topology.cluster.x-k8s.io/deployment-name',
  'topology.cluster.x-k8s.io/pool-name',
];

/**
 * The name of a pool as the request names it: its name in the Cluster's
 * `spec.topology.workers` (which Cluster API records in a label, the object
 * itself being called `<cluster>-<pool>` or `<cluster>-<pool>-<random>`),
 * else the object's name without the `<cluster>-` prefix.
 */
export function poolNameOf(pool: LiveObject): string {
  for (const label of TOPOLOGY_NAME_LABELS) {
    const name = labelOf(pool, label);
    if (name) return name;
  }
  const clusterName =
    labelOf(pool, CLUSTER_NAME_LABEL) ?? stringAt(pool, 'spec.clusterName');
  const name = nameOf(pool);
  return clusterName && name.startsWith(`${clusterName}-`)
    ? name.slice(clusterName.length + 1)
    : name;
}

/** Each pool as it runs, sorted by name. */
export function derivePools(pools: LiveObject[]): DerivedPoolStatus[] {
  return pools
    .map(pool => {
      const replicas = machineCountersOf(pool);
      const version = poolVersionOf(pool);
      return {
        name: poolNameOf(pool),
        kind: kindOf(pool),
        ...(replicas ? { replicas } : {}),
        ...(version ? { version } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The node count a pool should have: the one asked for, or for an
 * autoscaled pool the live count brought within its bounds (the autoscaler
 * owns the count; only leaving the bounds is a change to make).
 */
export function poolTarget(
  size: DesiredPoolSize,
  liveDesired: number | undefined,
): number {
  if (typeof size === 'number') return size;
  return Math.min(size.max, Math.max(size.min, liveDesired ?? size.min));
}
