import type {
  CloudType,
  ClusterInventory,
  ClusterRequest,
  DiscoveredNode,
  ImportClusterRequest,
  WorkerPool,
} from '@palette-backstage/plugin-palette-common';
import { cloudTypeSchema } from '@palette-backstage/plugin-palette-common';
import { ClusterRecord } from '../clusters/types';
import { isControlPlane, workerPoolsOf } from './importedStatus';

/**
 * The provider of a cluster whose nodes do not tell their cloud
 * (on-premises kubeadm, k3s, RKE2, OpenShift on bare metal): vSphere, the
 * common on-premises platform, priced by CPU and memory like the other
 * private clouds.
 */
export const ON_PREMISES_PROVIDER: ClusterRecord['provider'] = 'vsphere';
/** The region of a cluster whose nodes carry no region label. */
export const UNKNOWN_REGION = 'unknown';

/** The provider a discovery found, as one of the product's cloud types. */
export function providerOf(
  inventory?: ClusterInventory,
): ClusterRecord['provider'] {
  const parsed = cloudTypeSchema.safeParse(inventory?.provider);
  return parsed.success && parsed.data !== 'all'
    ? (parsed.data as Exclude<CloudType, 'all'>)
    : ON_PREMISES_PROVIDER;
}

/** A pool's instance type: the most common one, else its size in words. */
function instanceTypeOf(nodes: DiscoveredNode[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes)
    if (n.instanceType)
      counts.set(n.instanceType, (counts.get(n.instanceType) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top?.[0] ?? `${nodes[0].cpu} vCPU, ${nodes[0].memoryGiB} GiB`;
}

/** The control plane size the request can hold (1, 3 or 5). */
function controlPlaneReplicas(count: number): 1 | 3 | 5 {
  if (count >= 5) return 5;
  return count >= 3 ? 3 : 1;
}

/** The settings an import keeps (the kubeconfig and context are not among them). */
export type ImportSettings = Omit<
  ImportClusterRequest,
  'kubeconfig' | 'context'
>;

/**
 * An imported cluster's desired state in the shape every cluster has: the
 * import's settings and, once discovered, its pools as they run. It has no
 * profile: the cluster was not built from one (`ClusterRecord.imported`
 * tells the reader).
 */
export function importedRequest(
  settings: ImportSettings,
  inventory?: ClusterInventory,
): ClusterRequest {
  const workerPools: WorkerPool[] = inventory
    ? [...workerPoolsOf(inventory)].map(([name, nodes]) => ({
        name,
        instanceType: instanceTypeOf(nodes),
        count: nodes.length,
      }))
    : [];
  const controlPlaneNodes = inventory?.nodes.filter(isControlPlane) ?? [];
  const request = {
    name: settings.name,
    addOnProfiles: settings.addOnProfiles,
    variables: {},
    cloudAccount: '',
    region: inventory?.region ?? UNKNOWN_REGION,
    controlPlane: {
      replicas: controlPlaneReplicas(controlPlaneNodes.length),
      ...(controlPlaneNodes.length
        ? { instanceType: instanceTypeOf(controlPlaneNodes) }
        : {}),
    },
    workerPools,
    owner: settings.owner,
    project: settings.project,
    environment: settings.environment,
    ...(settings.managementCluster
      ? { managementCluster: settings.managementCluster }
      : {}),
    ...(settings.description ? { description: settings.description } : {}),
  };
  // The one place an imported cluster's request is typed as a request: it
  // has every field but `profile`, which readers check `imported` for.
  return request as ClusterRequest;
}

/** The import's settings back from a stored imported cluster. */
export function settingsOf(record: ClusterRecord): ImportSettings {
  const { request } = record;
  return {
    name: record.name,
    mode: record.imported!.mode,
    addOnProfiles: request.addOnProfiles,
    owner: request.owner,
    project: request.project,
    environment: request.environment,
    ...(request.managementCluster
      ? { managementCluster: request.managementCluster }
      : {}),
    ...(request.description ? { description: request.description } : {}),
  };
}
