import { alertApiRef, identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  TestApiProvider,
  TestApiProviderProps,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  Pack,
  PackLayer,
  ProfileDetails,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { PaletteApi, paletteApiRef } from '../../../api/PaletteApi';

/** A pack version as the registry lists it. */
export function pack(
  name: string,
  layer: PackLayer,
  version: string,
  extra: Partial<Pack> = {},
): Pack {
  let kind: Pack['kind'];
  if (layer === 'os')
    kind = { type: 'os', distribution: 'ubuntu', release: version };
  else if (layer === 'k8s')
    kind = {
      type: 'kubernetes',
      distribution: 'kubeadm',
      kubernetesVersion: version,
    };
  else
    kind = {
      type: 'helm',
      repository: 'https://charts.example.com',
      chart: name,
      chartVersion: version,
      namespace: 'kube-system',
    };
  return {
    name,
    displayName: name.charAt(0).toUpperCase() + name.slice(1),
    description: `The ${name} pack`,
    layer,
    version,
    kind,
    cloudTypes: ['aws'],
    defaultValues: '',
    valuesSchema: { type: 'object' },
    installPriority: 0,
    source: 'builtin',
    ...extra,
  };
}

/** The registry the fake API answers `listPacks` from. */
export const PACKS: Pack[] = [
  pack('ubuntu', 'os', '24.4.4'),
  pack('ubuntu', 'os', '24.4.3'),
  pack('kubernetes', 'k8s', '1.34.10'),
  pack('kubernetes', 'k8s', '1.34.4'),
  pack('calico', 'cni', '3.32.2'),
  pack('calico', 'cni', '3.31.7'),
  pack('cilium', 'cni', '1.18.0'),
  pack('aws-ebs-csi', 'csi', '1.56.0', {
    defaultValues: 'controller:\n  replicaCount: 2\n',
  }),
  pack('cert-manager', 'addon', '1.19.1'),
  pack('cert-manager', 'addon', '1.18.0', { deprecated: true }),
  pack('external-dns', 'addon', '1.19.0'),
  pack('kube-prometheus-stack', 'addon', '79.0.0'),
];

/** Answers like palette-backend's `GET /packs`. */
export function listPacksFrom(packs: Pack[]): PaletteApi['listPacks'] {
  return async (filter = {}) => ({
    items: packs.filter(
      p =>
        (!filter.layer || p.layer === filter.layer) &&
        (!filter.name || p.name === filter.name) &&
        (!filter.cloudType ||
          p.cloudTypes.includes(filter.cloudType) ||
          p.cloudTypes.includes('all')),
    ),
  });
}

const awsInfraLayers: ProfileVersion['layers'] = [
  { packName: 'ubuntu', packVersion: '24.4.4' },
  {
    packName: 'kubernetes',
    packVersion: '1.34.10',
    values:
      'clusterNetwork:\n  pods:\n    cidrBlocks:\n      - {{ .palette.vars.podCidr }}\n',
  },
  { packName: 'calico', packVersion: '3.32.2' },
  {
    packName: 'aws-ebs-csi',
    packVersion: '1.56.0',
    values: 'controller:\n  replicaCount: 3\n  resources: {}\n',
  },
];

/** A published infra profile with two versions and a draft. */
export function awsInfra(
  overrides: Partial<ProfileDetails> = {},
): ProfileDetails {
  return {
    name: 'aws-infra',
    displayName: 'AWS infrastructure',
    description: 'Self-managed Kubernetes on EC2',
    type: 'full',
    cloudType: 'aws',
    owner: 'group:default/platform-team',
    tags: ['production', 'aws'],
    latestVersion: '1.1.0',
    versions: [
      {
        version: '1.1.0',
        changeNote: 'Kubernetes 1.34.10',
        publishedAt: '2026-10-06T09:00:00Z',
        publishedBy: 'user:default/platform-admin',
        deprecated: false,
      },
      {
        version: '1.0.0',
        changeNote: 'First version.',
        publishedAt: '2026-09-01T09:00:00Z',
        publishedBy: 'user:default/platform-admin',
        deprecated: true,
      },
    ],
    hasDraft: true,
    layerSummary: [
      { layer: 'os', packName: 'ubuntu', packVersion: '24.4.4' },
      { layer: 'k8s', packName: 'kubernetes', packVersion: '1.34.10' },
      { layer: 'cni', packName: 'calico', packVersion: '3.32.2' },
      { layer: 'csi', packName: 'aws-ebs-csi', packVersion: '1.56.0' },
    ],
    createdAt: '2026-09-01T08:00:00Z',
    updatedAt: '2026-10-07T09:00:00Z',
    draft: {
      layers: awsInfraLayers,
      variables: [
        {
          name: 'podCidr',
          displayName: 'Pod CIDR',
          format: 'cidr',
          required: true,
          default: '192.168.0.0/16',
        },
      ],
      baseVersion: '1.1.0',
      updatedAt: '2026-10-07T09:00:00Z',
      updatedBy: 'user:default/jane',
    },
    ...overrides,
  };
}

/** Version 1.1.0 of aws-infra. */
export function awsInfraVersion(
  overrides: Partial<ProfileVersion> = {},
): ProfileVersion {
  return {
    name: 'aws-infra',
    displayName: 'AWS infrastructure',
    type: 'full',
    cloudType: 'aws',
    layers: awsInfraLayers,
    variables: [
      {
        name: 'podCidr',
        displayName: 'Pod CIDR',
        format: 'cidr',
        required: true,
        default: '192.168.0.0/16',
      },
      {
        name: 'apiToken',
        displayName: 'API token',
        format: 'string',
        sensitive: true,
        default: 'hunter2',
      },
    ],
    version: '1.1.0',
    changeNote: 'Kubernetes 1.34.10',
    publishedAt: '2026-10-06T09:00:00Z',
    publishedBy: 'user:default/platform-admin',
    ...overrides,
  };
}

type ApiMock = { [K in keyof PaletteApi]: jest.Mock };

/** A PaletteApi whose every method is a jest mock, some with answers. */
export function fakePaletteApi(overrides: Partial<PaletteApi> = {}): ApiMock {
  const fail = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} was not expected`);
    });
  const api: Record<string, jest.Mock> = {
    getHealth: fail('getHealth'),
    listPacks: jest.fn(listPacksFrom(PACKS)),
    listProfiles: jest.fn(async () => ({ items: [], totalCount: 0 })),
    getProfile: jest.fn(async () => awsInfra()),
    createProfile: fail('createProfile'),
    saveDraft: fail('saveDraft'),
    validateDraft: fail('validateDraft'),
    publish: fail('publish'),
    setDeprecated: fail('setDeprecated'),
    deleteVersion: fail('deleteVersion'),
    deleteProfile: fail('deleteProfile'),
    getProfileVersion: jest.fn(async () => awsInfraVersion()),
    diffProfile: fail('diffProfile'),
    exportProfileVersion: fail('exportProfileVersion'),
    importProfile: fail('importProfile'),
    getEffectivePolicy: jest.fn(async () => ({})),
    listPolicies: jest.fn(async () => ({ items: [] })),
    savePolicy: fail('savePolicy'),
    deletePolicy: fail('deletePolicy'),
    listQuotas: jest.fn(async () => ({ items: [] })),
    saveQuota: fail('saveQuota'),
    deleteQuota: fail('deleteQuota'),
    listUsage: jest.fn(async () => ({ items: [] })),
    evaluateRequest: fail('evaluateRequest'),
    listApprovals: jest.fn(async () => ({ items: [] })),
    decideApproval: fail('decideApproval'),
    listAudit: jest.fn(async () => ({ items: [] })),
    listSimulatedExistingClusters: jest.fn(async () => []),
    getProfileUsage: jest.fn(async (name: string) => ({
      profile: name,
      versions: [],
    })),
    getClusterMaintenanceWindow: jest.fn(async () => ({
      window: null,
      environmentWindow: null,
      open: true,
    })),
    listRollouts: jest.fn(async () => ({ items: [], totalCount: 0 })),
  };
  for (const [key, value] of Object.entries(overrides))
    api[key] = jest.fn(value as (...args: any[]) => any);
  return api as ApiMock;
}

type Decision = Exclude<
  NonNullable<
    NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
  >,
  Function
>;
const ALLOW = 'ALLOW' as Extract<Decision, 'ALLOW'>;
const DENY = 'DENY' as Extract<Decision, 'DENY'>;

/**
 * A permission API that allows the named permissions (all when `'all'`),
 * and records what it was asked.
 */
export function permissions(allowed: 'all' | string[]) {
  return mockApis.permission({
    authorize: request =>
      allowed === 'all' || allowed.includes(request.permission.name)
        ? ALLOW
        : DENY,
  });
}

/** An alert API that records what was posted. */
export function fakeAlertApi() {
  return { post: jest.fn(), alert$: jest.fn() };
}

/** Provides the fake Palette, permission and alert APIs. */
export function Apis({
  api,
  allowed = 'all',
  alerts = fakeAlertApi(),
  identity,
  user = 'user:default/jane',
  children,
}: {
  api: ApiMock;
  allowed?: 'all' | string[];
  alerts?: ReturnType<typeof fakeAlertApi>;
  /** The signed-in user's ownership refs, when the test needs an identity. */
  identity?: string[];
  /** The signed-in user's entity ref, with `identity`. */
  user?: string;
  children: ReactNode;
}) {
  const identityApis = identity
    ? [
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: user,
            ownershipEntityRefs: identity,
          }),
        ],
      ]
    : [];
  const apis = [
    [paletteApiRef, api],
    [permissionApiRef, permissions(allowed)],
    [alertApiRef, alerts],
    ...identityApis,
  ] as TestApiProviderProps<any>['apis'];
  return <TestApiProvider apis={apis}>{children}</TestApiProvider>;
}

/** Shows the current location, to check where the app navigated. */
export const LocationDisplay = () => {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
};
