import type {
  ClusterRequest,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../../../packs';
import type { RenderInput } from '../../types';
import type { ProviderCloudType } from '../context';
import { CLOUD_ACCOUNTS } from './cloudAccounts';
import { PROFILE_BY_PROVIDER } from './profiles';

/** Every provider, in the order the tests go through them. */
export const PROVIDERS: readonly ProviderCloudType[] = [
  'aws',
  'eks',
  'azure',
  'aks',
  'gcp',
  'gke',
  'vsphere',
  'openstack',
  'maas',
  'dev',
];

/** An instance type each provider knows (private clouds use size names). */
export const INSTANCE_TYPES: Readonly<Record<ProviderCloudType, string>> = {
  aws: 'm6i.large',
  eks: 'm6i.large',
  azure: 'Standard_D4s_v5',
  aks: 'Standard_D4s_v5',
  gcp: 'n2-standard-4',
  gke: 'e2-standard-4',
  vsphere: 'medium',
  openstack: 'm1.large',
  maas: 'large',
  dev: 'small',
};

/** Variables the providers' profiles require without a default. */
const REQUIRED_VARIABLES: Partial<
  Record<ProviderCloudType, Record<string, string>>
> = {
  eks: { dnsZone: 'apps.example.com' },
  vsphere: { controlPlaneVip: '10.20.0.10' },
};

export const registry = PackRegistry.withBuiltinPacks();

/** A valid request for a provider: two pools, one autoscaled with labels and a taint. */
export function requestFor(cloudType: ProviderCloudType): ClusterRequest {
  const instanceType = INSTANCE_TYPES[cloudType];
  return {
    name: `${cloudType}-demo`,
    profile: {
      name: PROFILE_BY_PROVIDER[cloudType].name,
      version: PROFILE_BY_PROVIDER[cloudType].version,
    },
    addOnProfiles: [],
    variables: { ...REQUIRED_VARIABLES[cloudType] },
    cloudAccount: CLOUD_ACCOUNTS[cloudType].name,
    region: CLOUD_ACCOUNTS[cloudType].regions[0],
    controlPlane: { replicas: 3 },
    workerPools: [
      { name: 'workers', instanceType, count: 3 },
      {
        name: 'batch',
        instanceType,
        count: 2,
        autoscaling: { min: 1, max: 5 },
        labels: { 'example.com/tier': 'batch' },
        taints: [
          { key: 'example.com/batch', value: 'true', effect: 'NoSchedule' },
        ],
      },
    ],
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'dev',
  };
}

/** The render input of `requestFor(cloudType)`, changed as a test needs. */
export function inputFor(
  cloudType: ProviderCloudType,
  change: {
    request?: Partial<ClusterRequest>;
    addOnProfiles?: ProfileVersion[];
    profile?: ProfileVersion;
    namespace?: string;
  } = {},
): RenderInput {
  return {
    request: { ...requestFor(cloudType), ...change.request },
    namespace: change.namespace ?? 'default',
    profile: change.profile ?? PROFILE_BY_PROVIDER[cloudType],
    addOnProfiles: change.addOnProfiles ?? [],
    packs: registry,
    cloudAccount: CLOUD_ACCOUNTS[cloudType],
  };
}
