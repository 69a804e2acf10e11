import { ClusterRequest } from '@palette-backstage/plugin-palette-common';

/** One demo cluster: what is requested, how long ago, and how its approval went. */
export interface DemoClusterSpec {
  request: ClusterRequest;
  /** Days before the seed ran that the cluster was requested. */
  ageDays: number;
  /** For production requests: leave it waiting for the Approvals page. */
  leavePending?: boolean;
}

const TEAMS = {
  apollo: 'group:default/team-apollo',
  zephyr: 'group:default/team-zephyr',
  platform: 'group:default/platform-team',
} as const;
const PROJECTS = {
  payments: 'system:default/payments',
  storefront: 'system:default/storefront',
  platform: 'system:default/platform',
} as const;

const pool = (instanceType: string, count: number, max?: number) => ({
  name: 'workers',
  instanceType,
  count,
  ...(max ? { autoscaling: { min: count, max } } : {}),
});

const base = (
  name: string,
  team: keyof typeof TEAMS,
  project: keyof typeof PROJECTS,
  environment: string,
): Pick<
  ClusterRequest,
  'name' | 'owner' | 'project' | 'environment' | 'addOnProfiles' | 'variables'
> => ({
  name,
  owner: TEAMS[team],
  project: PROJECTS[project],
  environment,
  addOnProfiles: [],
  variables: {},
});

const dev = (
  name: string,
  team: keyof typeof TEAMS,
  project: keyof typeof PROJECTS,
  version: string,
  size = 'medium',
  count = 2,
): ClusterRequest => ({
  ...base(name, team, project, 'dev'),
  profile: { name: 'dev-full', version },
  cloudAccount: 'local',
  region: 'local',
  controlPlane: { replicas: 1 },
  workerPools: [pool(size, count)],
});

const aws = (
  name: string,
  team: keyof typeof TEAMS,
  project: keyof typeof PROJECTS,
  environment: string,
  version: string,
  count: number,
  options: {
    region?: string;
    type?: string;
    max?: number;
    observability?: boolean;
  } = {},
): ClusterRequest => ({
  ...base(name, team, project, environment),
  profile: { name: 'aws-infra', version },
  cloudAccount: 'aws-sandbox',
  region: options.region ?? 'eu-west-1',
  controlPlane: { replicas: environment === 'production' ? 3 : 1 },
  workerPools: [pool(options.type ?? 'm5.large', count, options.max)],
  ...(options.observability
    ? {
        addOnProfiles: [{ name: 'observability', version: '1.0.0' }],
        variables: { grafanaAdminPassword: 'demo-only-not-a-secret' },
      }
    : {}),
});

const eks = (
  name: string,
  team: keyof typeof TEAMS,
  project: keyof typeof PROJECTS,
  environment: string,
  count: number,
  max?: number,
): ClusterRequest => ({
  ...base(name, team, project, environment),
  variables: { dnsZone: `${project}.demo.example.com` },
  profile: { name: 'eks-full', version: '1.0.0' },
  cloudAccount: 'eks-sandbox',
  region: 'us-east-1',
  controlPlane: { replicas: 3 },
  workerPools: [pool('m5.xlarge', count, max)],
});

const vsphere = (
  name: string,
  team: keyof typeof TEAMS,
  project: keyof typeof PROJECTS,
  environment: string,
  vip: number,
  count: number,
): ClusterRequest => ({
  ...base(name, team, project, environment),
  variables: { controlPlaneVip: `10.20.0.${vip}` },
  profile: { name: 'vsphere-infra', version: '1.0.0' },
  cloudAccount: 'vsphere-dc1',
  region: 'dc1',
  controlPlane: { replicas: environment === 'production' ? 3 : 1 },
  workerPools: [pool('large', count)],
});

/**
 * The demo fleet: a few dozen clusters across teams, projects,
 * environments, providers and profile versions, requested over the last
 * months, so that the fleet, cost and compliance pages have something to
 * show. Some run old profile versions (update available, compliance
 * findings); two production requests are left for the Approvals page.
 */
export const DEMO_FLEET: readonly DemoClusterSpec[] = [
  {
    request: aws(
      'payments-prod-eu',
      'apollo',
      'payments',
      'production',
      '1.0.0',
      4,
      { max: 8, observability: true },
    ),
    ageDays: 120,
  },
  {
    request: aws(
      'payments-prod-us',
      'apollo',
      'payments',
      'production',
      '1.1.0',
      4,
      { region: 'us-east-1', observability: true },
    ),
    ageDays: 95,
  },
  {
    request: aws(
      'payments-staging',
      'apollo',
      'payments',
      'staging',
      '1.1.0',
      2,
    ),
    ageDays: 90,
  },
  {
    request: dev('payments-dev-alice', 'apollo', 'payments', '1.0.0'),
    ageDays: 40,
  },
  {
    request: dev('payments-dev-bob', 'apollo', 'payments', '1.1.0', 'small'),
    ageDays: 12,
  },
  {
    request: eks('payments-analytics', 'apollo', 'payments', 'staging', 3, 6),
    ageDays: 60,
  },
  {
    request: aws('payments-dr', 'apollo', 'payments', 'production', '1.1.0', 2),
    ageDays: 2,
    leavePending: true,
  },
  {
    request: dev(
      'payments-load-test',
      'apollo',
      'payments',
      '1.1.0',
      'large',
      4,
    ),
    ageDays: 20,
  },
  {
    request: eks(
      'storefront-prod',
      'zephyr',
      'storefront',
      'production',
      5,
      12,
    ),
    ageDays: 110,
  },
  {
    request: eks('storefront-staging', 'zephyr', 'storefront', 'staging', 2),
    ageDays: 100,
  },
  {
    request: aws(
      'storefront-search',
      'zephyr',
      'storefront',
      'production',
      '1.0.0',
      3,
      { type: 'r5.xlarge' },
    ),
    ageDays: 75,
  },
  {
    request: dev('storefront-dev-carol', 'zephyr', 'storefront', '1.0.0'),
    ageDays: 50,
  },
  {
    request: dev('storefront-dev-dave', 'zephyr', 'storefront', '1.1.0'),
    ageDays: 8,
  },
  {
    request: aws(
      'storefront-ml',
      'zephyr',
      'storefront',
      'staging',
      '1.1.0',
      2,
      { type: 'c5.xlarge', max: 6 },
    ),
    ageDays: 30,
  },
  {
    request: eks('storefront-eu', 'zephyr', 'storefront', 'production', 3),
    ageDays: 1,
    leavePending: true,
  },
  {
    request: vsphere(
      'platform-ci',
      'platform',
      'platform',
      'production',
      11,
      6,
    ),
    ageDays: 115,
  },
  {
    request: vsphere(
      'platform-tools',
      'platform',
      'platform',
      'staging',
      12,
      3,
    ),
    ageDays: 85,
  },
  {
    request: aws(
      'platform-observability',
      'platform',
      'platform',
      'production',
      '1.1.0',
      3,
      { observability: true },
    ),
    ageDays: 105,
  },
  {
    request: aws(
      'platform-identity',
      'platform',
      'platform',
      'production',
      '1.0.0',
      2,
    ),
    ageDays: 100,
  },
  {
    request: eks(
      'platform-registry',
      'platform',
      'platform',
      'production',
      2,
      4,
    ),
    ageDays: 70,
  },
  {
    request: dev(
      'platform-sandbox',
      'platform',
      'platform',
      '1.1.0',
      'xlarge',
      1,
    ),
    ageDays: 25,
  },
  {
    request: vsphere('platform-edge-lab', 'platform', 'platform', 'dev', 13, 2),
    ageDays: 15,
  },
  {
    request: aws(
      'platform-security',
      'platform',
      'platform',
      'staging',
      '1.0.0',
      2,
      { type: 'm5.xlarge' },
    ),
    ageDays: 55,
  },
  {
    request: dev(
      'platform-docs-preview',
      'platform',
      'platform',
      '1.0.0',
      'small',
      1,
    ),
    ageDays: 5,
  },
];
