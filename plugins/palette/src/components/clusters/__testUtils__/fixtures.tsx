import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ClusterDetails,
  ClusterEvent,
  ClusterSummary,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import { PaletteApi } from '../../../api/PaletteApi';
import { rootRouteRef } from '../../../routes';
import {
  awsInfra,
  fakePaletteApi,
} from '../../profiles/__testUtils__/fixtures';

/** A running cluster as lists show it. */
export function clusterSummary(
  overrides: Partial<ClusterSummary> = {},
): ClusterSummary {
  return {
    name: 'dev-eks-01',
    phase: 'Running',
    phaseSince: '2026-10-06T09:00:00Z',
    provider: 'aws',
    region: 'eu-west-1',
    cloudAccount: 'aws-dev',
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'dev',
    profile: { name: 'aws-infra', version: '1.0.0' },
    addOnProfiles: [],
    managementCluster: 'embedded',
    kubernetesVersion: '1.34.4',
    paused: false,
    nodes: { ready: 6, desired: 6 },
    drifted: false,
    createdAt: '2026-10-06T08:00:00Z',
    createdBy: 'user:default/jane',
    updatedAt: '2026-10-06T09:00:00Z',
    ...overrides,
  };
}

/** A running cluster with three control plane nodes and one pool of three. */
export function clusterDetails(
  overrides: Partial<ClusterDetails> = {},
): ClusterDetails {
  const summary = clusterSummary(overrides);
  return {
    ...summary,
    request: {
      name: summary.name,
      profile: summary.profile ?? { name: 'dev-full', version: '1.0.0' },
      addOnProfiles: [],
      variables: { podCidr: '192.168.0.0/16' },
      cloudAccount: summary.cloudAccount,
      region: summary.region,
      controlPlane: { replicas: 3, instanceType: 'm5.large' },
      workerPools: [{ name: 'workers', instanceType: 'm5.xlarge', count: 3 }],
      owner: summary.owner,
      project: summary.project,
      environment: summary.environment,
    },
    conditions: [
      { source: 'Cluster', type: 'Available', status: 'True' },
      {
        source: 'MachineDeployment/dev-eks-01-workers',
        type: 'Available',
        status: 'False',
        reason: 'NotEnoughReplicas',
        message: '1 of 3 machines not ready',
      },
    ],
    controlPlane: {
      managed: false,
      version: 'v1.34.4',
      replicas: { desired: 3, current: 3, ready: 3, upToDate: 3, available: 3 },
    },
    pools: [
      {
        name: 'workers',
        instanceType: 'm5.xlarge',
        count: 3,
        kind: 'MachineDeployment',
        version: 'v1.34.4',
        replicas: {
          desired: 3,
          current: 3,
          ready: 3,
          upToDate: 3,
          available: 3,
        },
      },
    ],
    drift: [],
    objects: [],
    ...overrides,
  };
}

export function clusterEvent(
  overrides: Partial<ClusterEvent> = {},
): ClusterEvent {
  return {
    id: '1',
    cluster: 'dev-eks-01',
    at: '2026-10-06T09:00:00Z',
    type: 'phase',
    phase: 'Running',
    reason: 'Available',
    message: 'the cluster is available',
    ...overrides,
  };
}

/** aws-infra as lists show it: 1.1.0 latest, 1.0.0 deprecated. */
export function profileSummary(
  overrides: Partial<ProfileSummary> = {},
): ProfileSummary {
  const { draft: _draft, ...summary } = awsInfra();
  return { ...summary, ...overrides };
}

/** Published add-on profile `observability` for any cloud. */
export const observability = profileSummary({
  name: 'observability',
  displayName: 'Observability',
  type: 'add-on',
  cloudType: 'all',
  latestVersion: '2.0.0',
  versions: [
    {
      version: '2.0.0',
      changeNote: 'Grafana 12',
      publishedAt: '2026-10-01T09:00:00Z',
      publishedBy: 'user:default/platform-admin',
      deprecated: false,
    },
  ],
});

/** A PaletteApi mock with answers for clusters, profiles and accounts. */
export function fakeClusterApi(overrides: Partial<PaletteApi> = {}) {
  return fakePaletteApi({
    listClusters: async () => ({
      items: [clusterSummary()],
      totalCount: 1,
      phaseCounts: { Running: 1 },
    }),
    getCluster: async name => clusterDetails({ name }),
    listClusterEvents: async () => ({ items: [clusterEvent()] }),
    listCloudAccounts: async () => ({
      items: [
        {
          name: 'aws-dev',
          cloudType: 'aws',
          regions: ['eu-west-1', 'us-east-1'],
        },
        { name: 'azure-dev', cloudType: 'azure', regions: ['westeurope'] },
      ],
    }),
    listProfiles: async query => {
      if (query.type === 'full')
        return { items: [profileSummary()], totalCount: 1 };
      if (query.type === 'add-on')
        return { items: [observability], totalCount: 1 };
      return { items: [], totalCount: 0 };
    },
    ...overrides,
  });
}

/** The routes cluster components link to. */
export const MOUNTED_ROUTES = {
  '/palette': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};
