import { ResourceType } from '../api/resourceTypes';
import { GROUPS } from './constants';

/** What a kind is to the simulated controllers. */
export type Role =
  | 'cluster'
  | 'clusterClass'
  | 'infraCluster'
  | 'controlPlane'
  | 'machineDeployment'
  | 'machinePool'
  | 'infraMachinePool'
  | 'helmChartProxy'
  | 'helmReleaseProxy'
  | 'secret';

/**
 * Which status fields a provider kind has, read from its CRD (see
 * ../shared/capi-crds): providers already on the Cluster API v1beta2 contract
 * report `status.initialization.provisioned` and metav1-style conditions;
 * those still on the v1beta1 contract report `status.ready` (and, for control
 * planes, `status.initialized`) with conditions that carry a severity; a few
 * (CAPZ's ASO kinds, CAPG's GCPCluster) have no conditions at all.
 */
export interface StatusShape {
  /** `status.initialization.provisioned` (v1beta2 contract). */
  initialization: boolean;
  /** `status.ready` (v1beta1 contract). */
  ready: boolean;
  conditions: 'v1beta2' | 'v1beta1' | 'none';
}

const V1BETA2: StatusShape = {
  initialization: true,
  ready: false,
  conditions: 'v1beta2',
};
const V1BETA1: StatusShape = {
  initialization: false,
  ready: true,
  conditions: 'v1beta1',
};
const READY_ONLY: StatusShape = {
  initialization: false,
  ready: true,
  conditions: 'none',
};

const SHAPES: Record<string, StatusShape> = {
  // infrastructure clusters
  DevCluster: V1BETA2,
  DockerCluster: V1BETA2,
  VSphereCluster: V1BETA2,
  MaasCluster: { initialization: true, ready: true, conditions: 'v1beta2' },
  OpenStackCluster: {
    initialization: true,
    ready: true,
    conditions: 'v1beta1',
  },
  AWSCluster: V1BETA1,
  AWSManagedCluster: V1BETA1,
  ROSACluster: V1BETA1,
  AzureCluster: V1BETA1,
  GCPManagedCluster: V1BETA1,
  AzureASOManagedCluster: READY_ONLY,
  AzureManagedCluster: READY_ONLY,
  GCPCluster: READY_ONLY,
  // managed control planes
  AWSManagedControlPlane: V1BETA1,
  ROSAControlPlane: V1BETA1,
  AzureManagedControlPlane: V1BETA1,
  GCPManagedControlPlane: V1BETA1,
  AzureASOManagedControlPlane: READY_ONLY,
  // infrastructure machine pools
  AWSMachinePool: V1BETA1,
  AWSManagedMachinePool: V1BETA1,
  ROSAMachinePool: V1BETA1,
  AzureMachinePool: V1BETA1,
  AzureManagedMachinePool: V1BETA1,
  GCPManagedMachinePool: V1BETA1,
  AzureASOManagedMachinePool: READY_ONLY,
  GCPMachinePool: { initialization: false, ready: true, conditions: 'v1beta2' },
  DevMachinePool: { initialization: false, ready: true, conditions: 'v1beta2' },
  DockerMachinePool: {
    initialization: false,
    ready: true,
    conditions: 'v1beta2',
  },
};

/** The status shape of a provider kind (by its CRD, or guessed from its version). */
export function statusShapeOf(type: ResourceType): StatusShape {
  return SHAPES[type.kind] ?? (type.version === 'v1beta2' ? V1BETA2 : V1BETA1);
}

/** Managed control planes whose CRD has `spec.controlPlaneEndpoint` (the provider fills it). */
export const CONTROL_PLANE_ENDPOINT_IN_SPEC = new Set([
  'AWSManagedControlPlane',
  'ROSAControlPlane',
  'AzureManagedControlPlane',
]);

/** Control planes whose CRD has `status.externalManagedControlPlane`. */
export const EXTERNALLY_MANAGED_CONTROL_PLANES = new Set([
  'AWSManagedControlPlane',
  'ROSAControlPlane',
]);

/** The role of a served kind, or undefined for kinds the controllers ignore. */
export function roleOf(type: ResourceType): Role | undefined {
  const { group, kind } = type;
  if (kind.endsWith('Template') || kind.endsWith('Identity')) return undefined;
  switch (group) {
    case GROUPS.core:
      if (kind === 'Cluster') return 'cluster';
      if (kind === 'ClusterClass') return 'clusterClass';
      if (kind === 'MachineDeployment') return 'machineDeployment';
      if (kind === 'MachinePool') return 'machinePool';
      return undefined;
    case GROUPS.controlPlane:
      return kind.endsWith('ControlPlane') ? 'controlPlane' : undefined;
    case GROUPS.infrastructure:
      if (kind.endsWith('ControlPlane')) return 'controlPlane';
      if (kind.endsWith('MachinePool')) return 'infraMachinePool';
      if (kind.endsWith('Cluster')) return 'infraCluster';
      return undefined;
    case GROUPS.addons:
      if (kind === 'HelmChartProxy') return 'helmChartProxy';
      if (kind === 'HelmReleaseProxy') return 'helmReleaseProxy';
      return undefined;
    case '':
      return kind === 'Secret' ? 'secret' : undefined;
    default:
      return undefined;
  }
}

/** The finalizer a provider controller puts on objects of a kind. */
export function finalizerOf(type: ResourceType): string {
  switch (type.kind) {
    case 'KubeadmControlPlane':
      return 'kubeadm.controlplane.cluster.x-k8s.io';
    case 'MachineDeployment':
      return 'cluster.x-k8s.io/machinedeployment';
    case 'MachinePool':
      return 'machinepool.cluster.x-k8s.io';
    default:
      return `${type.kind.toLowerCase()}.${type.group}`;
  }
}
