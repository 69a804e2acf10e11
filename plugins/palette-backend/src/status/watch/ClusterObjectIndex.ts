import { CLUSTER_NAME_LABEL } from '../derive/pools';
import { at, labelOf, nameOf, stringAt } from '../derive/read';
import { LiveClusterObjects, LiveObject } from '../types';
import { WatchedResource } from './watchedResources';

/** `group/Kind/name`: control planes of different kinds may share a name. */
const controlPlaneKey = (group: string, kind: string, name: string) =>
  `${group}/${kind}/${name}`;

const groupOfApiVersion = (apiVersion: string | undefined) =>
  apiVersion?.includes('/') ? apiVersion.split('/')[0] : '';

/**
 * The key of the object a Cluster's `spec.controlPlaneRef` names:
 * `{apiGroup, kind, name}` in v1beta2 (`{apiVersion, kind, name}` in older
 * objects).
 */
function controlPlaneRefKey(cluster: LiveObject): string | undefined {
  const ref = at(cluster, 'spec.controlPlaneRef');
  const kind = stringAt(ref, 'kind');
  const name = stringAt(ref, 'name');
  if (!kind || !name) return undefined;
  const group =
    stringAt(ref, 'apiGroup') ?? groupOfApiVersion(stringAt(ref, 'apiVersion'));
  return controlPlaneKey(group, kind, name);
}

const poolKey = (resource: WatchedResource, obj: LiveObject) =>
  `${resource.kind}/${nameOf(obj)}`;

/**
 * The watch cache of one namespace, indexed per cluster: Clusters by name,
 * control planes by the key the Cluster's `controlPlaneRef` gives, pools by
 * their `cluster.x-k8s.io/cluster-name` label. Updates say which managed
 * clusters they concern, so that a snapshot never needs a scan.
 */
export class ClusterObjectIndex {
  readonly #clusters = new Map<string, LiveObject>();
  readonly #controlPlanes = new Map<string, LiveObject>();
  /** Control plane key → the Cluster that references it. */
  readonly #controlPlaneOwners = new Map<string, string>();
  /** Cluster name → pool key → pool. */
  readonly #pools = new Map<string, Map<string, LiveObject>>();
  /** Pool key → the cluster it was indexed under (labels can change). */
  readonly #poolClusters = new Map<string, string>();

  /** Stores an added or changed object; returns the managed clusters it concerns. */
  upsert(resource: WatchedResource, obj: LiveObject): string[] {
    switch (resource.role) {
      case 'cluster':
        return this.#upsertCluster(obj);
      case 'controlPlane': {
        const key = controlPlaneKey(resource.group, resource.kind, nameOf(obj));
        this.#controlPlanes.set(key, obj);
        return this.#managed([this.#ownerOfControlPlane(key, obj)]);
      }
      default:
        return this.#managed(this.#upsertPool(resource, obj));
    }
  }

  /** Forgets a deleted object; returns the managed clusters it concerns. */
  remove(resource: WatchedResource, obj: LiveObject): string[] {
    switch (resource.role) {
      case 'cluster': {
        const name = nameOf(obj);
        const previous = this.#clusters.get(name);
        const previousRef = previous && controlPlaneRefKey(previous);
        if (previousRef) this.#controlPlaneOwners.delete(previousRef);
        this.#clusters.delete(name);
        // Its deletion concerns the cluster even though it is no longer managed.
        return [name];
      }
      case 'controlPlane': {
        const key = controlPlaneKey(resource.group, resource.kind, nameOf(obj));
        this.#controlPlanes.delete(key);
        return this.#managed([this.#ownerOfControlPlane(key, obj)]);
      }
      default: {
        const key = poolKey(resource, obj);
        const cluster = this.#poolClusters.get(key);
        this.#poolClusters.delete(key);
        if (cluster === undefined) return [];
        this.#pools.get(cluster)?.delete(key);
        if (this.#pools.get(cluster)?.size === 0) this.#pools.delete(cluster);
        return this.#managed([cluster]);
      }
    }
  }

  /**
   * The cached objects of one managed cluster (shared, not copies: do not
   * mutate). Empty for a cluster the product does not manage (or no longer
   * has), even if objects labelled with its name are cached.
   */
  snapshot(clusterName: string): LiveClusterObjects {
    const cluster = this.#clusters.get(clusterName);
    if (!cluster) return { pools: [] };
    const ref = controlPlaneRefKey(cluster);
    const controlPlane = ref ? this.#controlPlanes.get(ref) : undefined;
    const pools = [...(this.#pools.get(clusterName)?.values() ?? [])].sort(
      (a, b) => nameOf(a).localeCompare(nameOf(b)),
    );
    return { cluster, ...(controlPlane ? { controlPlane } : {}), pools };
  }

  /** The managed clusters in the cache. */
  clusterNames(): string[] {
    return [...this.#clusters.keys()].sort();
  }

  #upsertCluster(obj: LiveObject): string[] {
    const name = nameOf(obj);
    const previous = this.#clusters.get(name);
    const previousRef = previous && controlPlaneRefKey(previous);
    if (previousRef) this.#controlPlaneOwners.delete(previousRef);
    const ref = controlPlaneRefKey(obj);
    if (ref) this.#controlPlaneOwners.set(ref, name);
    this.#clusters.set(name, obj);
    return [name];
  }

  #upsertPool(resource: WatchedResource, obj: LiveObject): string[] {
    const key = poolKey(resource, obj);
    const cluster = labelOf(obj, CLUSTER_NAME_LABEL) ?? '';
    const previous = this.#poolClusters.get(key);
    const concerned = [cluster];
    if (previous !== undefined && previous !== cluster) {
      this.#pools.get(previous)?.delete(key);
      concerned.push(previous);
    }
    this.#poolClusters.set(key, cluster);
    let pools = this.#pools.get(cluster);
    if (!pools) {
      pools = new Map();
      this.#pools.set(cluster, pools);
    }
    pools.set(key, obj);
    return concerned;
  }

  /**
   * The Cluster a control plane belongs to: the one whose controlPlaneRef
   * names it, else the one its cluster-name label or Cluster owner names
   * (before the Cluster references it).
   */
  #ownerOfControlPlane(key: string, obj: LiveObject): string | undefined {
    const owner = this.#controlPlaneOwners.get(key);
    if (owner) return owner;
    const label = labelOf(obj, CLUSTER_NAME_LABEL);
    if (label) return label;
    const owners = at(obj, 'metadata.ownerReferences');
    return Array.isArray(owners)
      ? owners.find(o => stringAt(o, 'kind') === 'Cluster')?.name
      : undefined;
  }

  /** Only clusters the product manages are reported. */
  #managed(names: Array<string | undefined>): string[] {
    return names.filter(
      (n): n is string => n !== undefined && this.#clusters.has(n),
    );
  }
}
