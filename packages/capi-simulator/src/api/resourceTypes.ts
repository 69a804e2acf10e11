/**
 * A kind the simulated API server serves, as discovery describes it.
 *
 * @public
 */
export interface ResourceType {
  /** API group; `''` for the core group (`/api/v1`). */
  group: string;
  version: string;
  kind: string;
  /** The plural resource name used in URLs, e.g. `clusters`. */
  plural: string;
  singular: string;
  namespaced: boolean;
  /** Whether the `status` subresource is enabled. */
  hasStatus: boolean;
  /** Short names advertised by discovery, e.g. `ns`. */
  shortNames?: string[];
}

function core(
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames?: string[],
): ResourceType {
  return {
    group: '',
    version: 'v1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    hasStatus: kind === 'Namespace',
    shortNames,
  };
}

/** The core kinds the product reads and writes. */
export const builtinResourceTypes: ResourceType[] = [
  core('Namespace', 'namespaces', false, ['ns']),
  core('Secret', 'secrets', true),
  core('ConfigMap', 'configmaps', true, ['cm']),
  core('Event', 'events', true, ['ev']),
];

function custom(
  group: string,
  version: string,
  kind: string,
  namespaced = true,
): ResourceType {
  const singular = kind.toLowerCase();
  // Kubernetes plurals of the Cluster API kinds are the lower-cased kind plus "s"
  // (ClusterClass -> clusterclasses, MachineHealthCheck -> machinehealthchecks).
  const plural = singular.endsWith('s') ? `${singular}es` : `${singular}s`;
  return {
    group,
    version,
    kind,
    plural,
    singular,
    namespaced,
    hasStatus: true,
  };
}

/**
 * The Cluster API kinds the product renders, served without schema checks
 * when the simulator is started without a folder of CRD files. The versions
 * are the ones Cluster API v1.14 and its providers serve.
 */
export const defaultCustomResourceTypes: ResourceType[] = [
  ...[
    'Cluster',
    'ClusterClass',
    'MachineDeployment',
    'MachinePool',
    'MachineHealthCheck',
    'Machine',
    'MachineSet',
  ].map(k => custom('cluster.x-k8s.io', 'v1beta2', k)),
  custom('controlplane.cluster.x-k8s.io', 'v1beta2', 'KubeadmControlPlane'),
  custom(
    'controlplane.cluster.x-k8s.io',
    'v1beta2',
    'KubeadmControlPlaneTemplate',
  ),
  custom('bootstrap.cluster.x-k8s.io', 'v1beta2', 'KubeadmConfigTemplate'),
  custom('addons.cluster.x-k8s.io', 'v1beta2', 'ClusterResourceSet'),
  custom('addons.cluster.x-k8s.io', 'v1alpha1', 'HelmChartProxy'),
  custom('addons.cluster.x-k8s.io', 'v1alpha1', 'HelmReleaseProxy'),
];
