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

/** The plural resource name Kubernetes derives for a kind (as CRDs of Cluster API name them). */
export function pluralOf(kind: string): string {
  const singular = kind.toLowerCase();
  if (singular.endsWith('s')) return `${singular}es`;
  if (singular.endsWith('y')) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

function custom(
  group: string,
  version: string,
  kind: string,
  namespaced = true,
): ResourceType {
  return {
    group,
    version,
    kind,
    plural: pluralOf(kind),
    singular: kind.toLowerCase(),
    namespaced,
    hasStatus: true,
  };
}

const CORE = 'cluster.x-k8s.io';
const CONTROL_PLANE = 'controlplane.cluster.x-k8s.io';
const BOOTSTRAP = 'bootstrap.cluster.x-k8s.io';
const INFRA = 'infrastructure.cluster.x-k8s.io';
const ADDONS = 'addons.cluster.x-k8s.io';

const kinds = (
  group: string,
  version: string,
  names: string[],
  namespaced = true,
) => names.map(kind => custom(group, version, kind, namespaced));

/**
 * The kinds the product renders, served without schema checks when the
 * simulator starts without CRD files. The versions are those served by
 * Cluster API v1.14 and the providers' current releases (see
 * ../shared/capi-crds/INDEX.txt): core, CAPA, CAPV and CAPD at v1beta2;
 * CAPZ, CAPG, CAPO and MAAS at v1beta1; CAAPH at v1alpha1.
 */
export const defaultCustomResourceTypes: ResourceType[] = [
  ...kinds(CORE, 'v1beta2', [
    'Cluster',
    'ClusterClass',
    'MachineDeployment',
    'MachinePool',
    'MachineHealthCheck',
    'Machine',
    'MachineSet',
  ]),
  ...kinds(CONTROL_PLANE, 'v1beta2', [
    'KubeadmControlPlane',
    'KubeadmControlPlaneTemplate',
    'AWSManagedControlPlane',
    'AWSManagedControlPlaneTemplate',
  ]),
  ...kinds(BOOTSTRAP, 'v1beta2', [
    'KubeadmConfig',
    'KubeadmConfigTemplate',
    'EKSConfig',
    'EKSConfigTemplate',
  ]),
  // CAPG's bootstrap kinds for GKE node pools
  ...kinds(BOOTSTRAP, 'v1beta1', ['GKEConfig', 'GKEConfigTemplate']),
  // AWS (CAPA) and EKS
  ...kinds(INFRA, 'v1beta2', [
    'AWSCluster',
    'AWSClusterTemplate',
    'AWSMachine',
    'AWSMachineTemplate',
    'AWSMachinePool',
    'AWSManagedCluster',
    'AWSManagedClusterTemplate',
    'AWSManagedMachinePool',
  ]),
  ...kinds(
    INFRA,
    'v1beta2',
    [
      'AWSClusterRoleIdentity',
      'AWSClusterStaticIdentity',
      'AWSClusterControllerIdentity',
    ],
    false,
  ),
  // Azure (CAPZ) and AKS
  ...kinds(INFRA, 'v1beta1', [
    'AzureCluster',
    'AzureClusterTemplate',
    'AzureMachine',
    'AzureMachineTemplate',
    'AzureMachinePool',
    'AzureClusterIdentity',
    'AzureASOManagedCluster',
    'AzureASOManagedClusterTemplate',
    'AzureASOManagedControlPlane',
    'AzureASOManagedControlPlaneTemplate',
    'AzureASOManagedMachinePool',
    'AzureASOManagedMachinePoolTemplate',
  ]),
  // GCP (CAPG) and GKE
  ...kinds(INFRA, 'v1beta1', [
    'GCPCluster',
    'GCPClusterTemplate',
    'GCPMachine',
    'GCPMachineTemplate',
    'GCPManagedCluster',
    'GCPManagedClusterTemplate',
    'GCPManagedControlPlane',
    'GCPManagedControlPlaneTemplate',
    'GCPManagedMachinePool',
    'GCPManagedMachinePoolTemplate',
  ]),
  // vSphere (CAPV)
  ...kinds(INFRA, 'v1beta2', [
    'VSphereCluster',
    'VSphereClusterTemplate',
    'VSphereMachine',
    'VSphereMachineTemplate',
    'VSphereVM',
  ]),
  ...kinds(INFRA, 'v1beta2', ['VSphereClusterIdentity'], false),
  // OpenStack (CAPO)
  ...kinds(INFRA, 'v1beta1', [
    'OpenStackCluster',
    'OpenStackClusterTemplate',
    'OpenStackMachine',
    'OpenStackMachineTemplate',
  ]),
  ...kinds(INFRA, 'v1alpha1', ['OpenStackClusterIdentity'], false),
  // MAAS
  ...kinds(INFRA, 'v1beta1', [
    'MaasCluster',
    'MaasMachine',
    'MaasMachineTemplate',
  ]),
  // Dev (CAPD: docker or in-memory backend)
  ...kinds(INFRA, 'v1beta2', [
    'DevCluster',
    'DevClusterTemplate',
    'DevMachine',
    'DevMachineTemplate',
  ]),
  // Add-ons
  ...kinds(ADDONS, 'v1beta2', [
    'ClusterResourceSet',
    'ClusterResourceSetBinding',
  ]),
  ...kinds(ADDONS, 'v1alpha1', ['HelmChartProxy', 'HelmReleaseProxy']),
];
