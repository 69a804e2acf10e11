import * as k8s from '@kubernetes/client-node';
import type {
  ClusterInventory,
  CloudType,
} from '@palette-backstage/plugin-palette-common';
import { detectCni, detectCsi } from './components';
import { detectDistribution, plainVersion } from './distribution';
import { withDeadline } from './errors';
import { helmReleasesOf } from './helmReleases';
import { describeNode, providerIdScheme } from './nodes';

/** How long one API call of a discovery may take. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** The cloud of a managed distribution, else of the nodes' provider IDs. */
const PROVIDER_OF_DISTRIBUTION: Record<string, CloudType> = {
  eks: 'eks',
  aks: 'aks',
  gke: 'gke',
};
const PROVIDER_OF_ID_SCHEME: Record<string, CloudType> = {
  aws: 'aws',
  azure: 'azure',
  gce: 'gcp',
  vsphere: 'vsphere',
  openstack: 'openstack',
};

/**
 * Asks the API server for its version: the cheapest call that proves it
 * answers and accepts the credentials. Throws a `WorkloadApiError`.
 */
export async function probeVersion(
  kubeConfig: k8s.KubeConfig,
  timeoutMs = DEFAULT_CALL_TIMEOUT_MS,
): Promise<k8s.VersionInfo> {
  const api = kubeConfig.makeApiClient(k8s.VersionApi);
  return withDeadline('/version', timeoutMs, () => api.getCode());
}

/**
 * Reads what runs on a cluster through its own API server, with read-only
 * calls: version and distribution, nodes, the CNI and CSI drivers, Helm
 * releases and namespaces. Throws a `WorkloadApiError` when the server does
 * not answer or refuses the credentials.
 */
export async function discoverCluster(
  kubeConfig: k8s.KubeConfig,
  options: { now: Date; timeoutMs?: number },
): Promise<ClusterInventory> {
  const timeout = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const call = <T>(what: string, fn: () => Promise<T>) =>
    withDeadline(what, timeout, fn);
  const core = kubeConfig.makeApiClient(k8s.CoreV1Api);
  const apps = kubeConfig.makeApiClient(k8s.AppsV1Api);
  const storage = kubeConfig.makeApiClient(k8s.StorageV1Api);
  const apis = kubeConfig.makeApiClient(k8s.ApisApi);

  const version = await probeVersion(kubeConfig, timeout);
  const [nodes, daemonSets, storageClasses, helmSecrets, namespaces, groups] =
    await Promise.all([
      call('nodes', () => core.listNode()),
      call('daemonsets', () => apps.listDaemonSetForAllNamespaces()),
      call('storageclasses', () => storage.listStorageClass()),
      call('Helm release secrets', () =>
        core.listSecretForAllNamespaces({ labelSelector: 'owner=helm' }),
      ),
      call('namespaces', () => core.listNamespace()),
      // Only to tell OpenShift apart; a server without the list is fine.
      apis.getAPIVersions().catch(() => undefined),
    ]);
  const distribution = detectDistribution({
    gitVersion: version.gitVersion,
    nodes: nodes.items,
    apiGroups: (groups?.groups ?? []).map(g => g.name),
  });
  const discoveredNodes = nodes.items.map(describeNode);
  const scheme = providerIdScheme(nodes.items);
  const provider =
    PROVIDER_OF_DISTRIBUTION[distribution] ??
    (scheme ? PROVIDER_OF_ID_SCHEME[scheme] : undefined);
  const region = discoveredNodes.find(n => n.region)?.region;
  const cni = detectCni(daemonSets.items);
  return {
    discoveredAt: options.now.toISOString(),
    kubernetes: {
      gitVersion: version.gitVersion,
      version: plainVersion(version.gitVersion),
      distribution,
      ...(version.platform ? { platform: version.platform } : {}),
    },
    ...(provider ? { provider } : {}),
    ...(region ? { region } : {}),
    nodes: discoveredNodes,
    ...(cni ? { cni } : {}),
    csi: detectCsi(storageClasses.items, daemonSets.items),
    helmReleases: helmReleasesOf(helmSecrets.items),
    namespaces: namespaces.items
      .map(n => n.metadata?.name ?? '')
      .filter(Boolean)
      .sort(),
  };
}
