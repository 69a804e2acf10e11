import * as k8s from '@kubernetes/client-node';
import {
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
} from '@palette-backstage/plugin-palette-common';
import { CLUSTER_NAME_LABEL } from '../derive/pools';

/** What a watched kind is to the cache. */
export type ResourceRole = 'cluster' | 'controlPlane' | 'pool';

/** One kind the watcher lists and watches, at a version the server serves. */
export interface WatchedResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  role: ResourceRole;
  labelSelector?: string;
}

/** A kind to look for on the management cluster. */
export interface KindRef {
  group: string;
  kind: string;
}

const CORE_GROUP = 'cluster.x-k8s.io';
/** Status derivation reads v1beta2 shapes; Cluster API serves them since v1.11. */
const CORE_VERSION = 'v1beta2';

/**
 * The control plane kinds the product renders: kubeadm and EKS in the
 * control plane group; GKE and AKS (ASO) in the infrastructure group.
 */
export const DEFAULT_CONTROL_PLANE_KINDS: readonly KindRef[] = [
  { group: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane' },
  { group: 'controlplane.cluster.x-k8s.io', kind: 'AWSManagedControlPlane' },
  { group: 'infrastructure.cluster.x-k8s.io', kind: 'GCPManagedControlPlane' },
  {
    group: 'infrastructure.cluster.x-k8s.io',
    kind: 'AzureASOManagedControlPlane',
  },
];

/** Clusters the product manages carry `app.kubernetes.io/managed-by=palette`. */
const MANAGED_CLUSTERS_SELECTOR = `${PALETTE_LABELS.managedBy}=${PALETTE_MANAGED_BY}`;

/**
 * Asks the management cluster's discovery which of the kinds the watcher
 * needs it serves, and at which version: the Cluster at v1beta2 (required),
 * MachineDeployment and MachinePool at v1beta2, and each control plane kind
 * at the first version of its group's preference order that has it
 * (providers of one group serve different versions, e.g. CAPA v1beta2 and
 * CAPZ v1beta1 in `infrastructure.cluster.x-k8s.io`). Kinds not served are
 * left out: a management cluster without CAPG has no GCPManagedControlPlane.
 */
export async function discoverWatchedResources(
  kubeConfig: k8s.KubeConfig,
  controlPlaneKinds: readonly KindRef[] = DEFAULT_CONTROL_PLANE_KINDS,
): Promise<WatchedResource[]> {
  const { groups } = await kubeConfig
    .makeApiClient(k8s.ApisApi)
    .getAPIVersions();
  const custom = kubeConfig.makeApiClient(k8s.CustomObjectsApi);
  const resourceLists = new Map<string, Promise<k8s.V1APIResourceList>>();
  const resourcesOf = (group: string, version: string) => {
    const key = `${group}/${version}`;
    if (!resourceLists.has(key))
      resourceLists.set(key, custom.getAPIResources({ group, version }));
    return resourceLists.get(key)!;
  };

  async function find(
    { group, kind }: KindRef,
    role: ResourceRole,
    only?: string,
  ): Promise<WatchedResource | undefined> {
    const served = groups.find(g => g.name === group);
    if (!served) return undefined;
    const versions = [
      served.preferredVersion?.version,
      ...served.versions.map(v => v.version),
    ].filter((v, i, all): v is string => !!v && all.indexOf(v) === i);
    for (const version of versions) {
      if (only && version !== only) continue;
      const { resources } = await resourcesOf(group, version);
      // Subresources (`clusters/status`) share the kind: keep the resource itself.
      const resource = resources.find(
        r => r.kind === kind && !r.name.includes('/'),
      );
      if (resource)
        return { group, version, kind, plural: resource.name, role };
    }
    return undefined;
  }

  const cluster = await find(
    { group: CORE_GROUP, kind: 'Cluster' },
    'cluster',
    CORE_VERSION,
  );
  if (!cluster) {
    throw new Error(
      `${CORE_GROUP}/${CORE_VERSION} Cluster is not served: Cluster API v1.11 or later must be installed on the management cluster`,
    );
  }
  const pools = await Promise.all(
    ['MachineDeployment', 'MachinePool'].map(kind =>
      find({ group: CORE_GROUP, kind }, 'pool', CORE_VERSION),
    ),
  );
  const controlPlanes = await Promise.all(
    controlPlaneKinds.map(ref => find(ref, 'controlPlane')),
  );
  return [
    { ...cluster, labelSelector: MANAGED_CLUSTERS_SELECTOR },
    // Workers of any cluster carry the label; those of other clusters are
    // cached but never reported.
    ...pools.flatMap(p =>
      p ? [{ ...p, labelSelector: CLUSTER_NAME_LABEL }] : [],
    ),
    // Control planes carry no label the product can rely on (only the
    // Cluster's controlPlaneRef names them): all of the namespace are cached.
    ...controlPlanes.flatMap(c => (c ? [c] : [])),
  ];
}

/** `KubeadmControlPlane.controlplane.cluster.x-k8s.io/v1beta2`, for logs and health. */
export const describeResource = (r: WatchedResource) =>
  `${r.kind}.${r.group}/${r.version}`;
