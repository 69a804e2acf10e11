import {
  ClusterDetails,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import { ClusterCatalogRecord } from './ClusterCatalogSource';

/** A published infra profile with four versions, two deprecated. */
export function awsInfraProfile(
  overrides: Partial<ProfileSummary> = {},
): ProfileSummary {
  return {
    name: 'aws-infra',
    displayName: 'AWS infrastructure',
    description: 'Ubuntu, kubeadm, Cilium and the EBS CSI driver on AWS.',
    type: 'infra',
    cloudType: 'aws',
    owner: 'group:default/platform-team',
    tags: ['aws', 'production'],
    latestVersion: '1.10.0',
    // Out of order on purpose: 1.10.0 sorts before 1.9.0 only by semver.
    versions: [
      version('1.9.0'),
      version('1.10.0'),
      version('1.0.0', { deprecated: true }),
      version('1.2.0', { deprecated: true }),
    ],
    hasDraft: false,
    layerSummary: [
      { layer: 'os', packName: 'ubuntu', packVersion: '24.4.4' },
      { layer: 'k8s', packName: 'kubeadm', packVersion: '1.34.2' },
      { layer: 'cni', packName: 'cilium', packVersion: '1.18.2' },
      { layer: 'csi', packName: 'aws-ebs-csi', packVersion: '1.48.0' },
    ],
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-03-02T16:30:00.000Z',
    ...overrides,
  };
}

/** A profile that has only a draft: no versions, no tags, no layers yet. */
export function draftOnlyProfile(
  overrides: Partial<ProfileSummary> = {},
): ProfileSummary {
  return {
    name: 'edge-addons',
    type: 'add-on',
    cloudType: 'vsphere',
    owner: 'group:default/edge-team',
    tags: [],
    versions: [],
    hasDraft: true,
    layerSummary: [],
    createdAt: '2025-04-01T08:00:00.000Z',
    updatedAt: '2025-04-01T08:00:00.000Z',
    ...overrides,
  };
}

function version(
  name: string,
  overrides: { deprecated?: boolean } = {},
): ProfileSummary['versions'][number] {
  return {
    version: name,
    changeNote: `Release ${name}`,
    publishedAt: '2025-02-01T12:00:00.000Z',
    publishedBy: 'user:default/alice',
    deprecated: overrides.deprecated ?? false,
  };
}

/** Profiles `p-000` … named in order, for paging tests. */
export function manyProfiles(count: number): ProfileSummary[] {
  return Array.from({ length: count }, (_, i) =>
    awsInfraProfile({ name: `p-${String(i).padStart(4, '0')}` }),
  );
}

/** A running EKS cluster with an add-on profile and a known API server. */
export function eksCluster(
  overrides: Partial<ClusterCatalogRecord> = {},
): ClusterCatalogRecord {
  return {
    name: 'payments-prod',
    phase: 'Running',
    provider: 'eks',
    region: 'eu-west-1',
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'production',
    profile: { name: 'aws-infra', version: '1.10.0' },
    addOnProfiles: [{ name: 'observability', version: '2.1.0' }],
    managementCluster: 'mgmt-eu',
    kubernetesVersion: '1.34.2',
    apiServer: 'https://payments-prod.eks.eu-west-1.amazonaws.com',
    description: 'Payments API, production.',
    ...overrides,
  };
}

/** A vSphere dev cluster still provisioning: no API server, no add-ons. */
export function provisioningCluster(
  overrides: Partial<ClusterCatalogRecord> = {},
): ClusterCatalogRecord {
  return {
    name: 'edge-dev',
    phase: 'Provisioning',
    provider: 'vsphere',
    region: 'dc1',
    owner: 'group:default/edge-team',
    project: 'system:default/edge',
    environment: 'dev',
    profile: { name: 'edge-infra', version: '0.3.0' },
    addOnProfiles: [],
    managementCluster: 'mgmt-onprem',
    ...overrides,
  };
}

/**
 * `GET /clusters/:name` as palette-backend serves it for {@link eksCluster}:
 * the catalog record plus everything the catalog does not read.
 */
export function eksClusterDetails(
  overrides: Partial<ClusterDetails> = {},
): ClusterDetails {
  const { description, ...record } = eksCluster();
  return {
    ...record,
    phaseSince: '2025-03-02T16:30:00.000Z',
    cloudAccount: 'aws-prod',
    paused: false,
    nodes: { ready: 6, desired: 6 },
    drifted: false,
    createdAt: '2025-03-01T09:00:00.000Z',
    createdBy: 'user:default/alice',
    updatedAt: '2025-03-02T16:30:00.000Z',
    request: {
      name: record.name,
      profile: record.profile!,
      addOnProfiles: record.addOnProfiles,
      variables: {},
      cloudAccount: 'aws-prod',
      region: record.region,
      controlPlane: { replicas: 3 },
      workerPools: [{ name: 'workers', instanceType: 'm6i.large', count: 3 }],
      owner: record.owner,
      project: record.project,
      environment: record.environment,
      description,
    },
    conditions: [{ source: 'Cluster', type: 'Available', status: 'True' }],
    controlPlane: { managed: true, version: '1.34.2' },
    pools: [],
    drift: [],
    objects: [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        name: record.name,
      },
    ],
    ...overrides,
  };
}
