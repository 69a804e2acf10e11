import { ClusterRequest } from '@palette-backstage/plugin-palette-common';
import { NewClusterInput } from './types';

// Test helpers (not exported from the package).

export const ALICE = 'user:default/alice';
export const APOLLO = 'group:default/team-apollo';
export const ZEPHYR = 'group:default/team-zephyr';

/** A valid request for a local Dev cluster from the demo profile. */
export function devRequest(
  name: string,
  overrides: Partial<ClusterRequest> = {},
): ClusterRequest {
  return {
    name,
    profile: { name: 'dev-full', version: '1.0.0' },
    addOnProfiles: [],
    variables: {},
    cloudAccount: 'local',
    region: 'local',
    controlPlane: { replicas: 1 },
    workerPools: [{ name: 'workers', instanceType: 'medium', count: 2 }],
    owner: APOLLO,
    project: 'system:default/payments',
    environment: 'dev',
    ...overrides,
  };
}

export function newCluster(
  name: string,
  overrides: Partial<ClusterRequest> = {},
): NewClusterInput {
  return {
    request: devRequest(name, overrides),
    managementCluster: 'embedded',
    namespace: 'palette-clusters',
    provider: 'dev',
    kubernetesVersion: 'v1.34.2',
    createdBy: ALICE,
    footprint: { nodes: 3, vcpus: 12, monthlyCost: 175.2 },
  };
}

export const CREATED = {
  action: 'cluster.create',
  reason: 'Requested',
  message: 'Requested by alice',
};

/** A clock the tests move by hand. */
export function manualClock(start = '2026-11-23T10:00:00.000Z') {
  let now = new Date(start);
  return {
    fn: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
