import { ProfileSummary } from '@palette-backstage/plugin-palette-common';

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
