import type {
  ProfileVariable,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import { yamlBlock } from '../../../packs/define';
import { DEMO_PROFILE_VERSIONS } from '../../../profiles';

/*
 * Test profiles for the providers the demo profiles do not cover (Azure,
 * AKS, GCP, GKE, OpenStack, MAAS), built from curated packs only. Each is
 * valid under `validateProfile` (see renderCluster.test.ts).
 */

const published = {
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-01T09:00:00Z',
  publishedBy: 'user:default/platform-admin',
};

const podCidr: ProfileVariable = {
  name: 'podCidr',
  displayName: 'Pod CIDR',
  format: 'cidr',
  required: true,
  default: '10.244.0.0/16',
};

const kubeadmWithPodCidr = {
  packName: 'kubernetes',
  packVersion: '1.34.10',
  values: yamlBlock`
    clusterNetwork:
      pods:
        cidrBlocks:
          - {{ .palette.vars.podCidr }}
  `,
};

const calicoWithPodCidr = {
  packName: 'calico',
  packVersion: '3.32.2',
  values: yamlBlock`
    installation:
      calicoNetwork:
        ipPools:
          - cidr: {{ .palette.vars.podCidr }}
            encapsulation: VXLAN
  `,
};

const azureInfra: ProfileVersion = {
  name: 'azure-infra',
  type: 'infra',
  cloudType: 'azure',
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.4' },
    kubeadmWithPodCidr,
    { packName: 'azure-cni', packVersion: '1.6.7' },
    { packName: 'azure-disk-csi', packVersion: '1.34.6' },
  ],
  variables: [podCidr],
  ...published,
};

const aksInfra: ProfileVersion = {
  name: 'aks-infra',
  type: 'infra',
  cloudType: 'aks',
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.4' },
    {
      packName: 'kubernetes-aks',
      packVersion: '1.34.10',
      values: yamlBlock`
        sku:
          tier: Premium
      `,
    },
    {
      packName: 'azure-cni',
      packVersion: '1.6.7',
      values: yamlBlock`
        podCidr: {{ .palette.vars.podCidr }}
      `,
    },
    { packName: 'azure-disk-csi', packVersion: '1.34.6' },
  ],
  variables: [podCidr],
  ...published,
};

const gcpInfra: ProfileVersion = {
  name: 'gcp-infra',
  type: 'infra',
  cloudType: 'gcp',
  layers: [
    { packName: 'ubuntu', packVersion: '22.4.5' },
    kubeadmWithPodCidr,
    calicoWithPodCidr,
    { packName: 'longhorn', packVersion: '1.11.1' },
  ],
  variables: [podCidr],
  ...published,
};

const gkeFull: ProfileVersion = {
  name: 'gke-full',
  type: 'full',
  cloudType: 'gke',
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.4' },
    {
      packName: 'kubernetes-gke',
      packVersion: '1.34.9-gke.1287000',
      values: yamlBlock`
        releaseChannel: stable
      `,
    },
    { packName: 'cilium', packVersion: '1.19.1' },
    { packName: 'gcp-pd-csi', packVersion: '1.0.0' },
    { packName: 'cert-manager', packVersion: '1.21.2' },
  ],
  ...published,
};

const openstackInfra: ProfileVersion = {
  name: 'openstack-infra',
  type: 'infra',
  cloudType: 'openstack',
  layers: [
    { packName: 'flatcar', packVersion: '4459.2.4' },
    kubeadmWithPodCidr,
    calicoWithPodCidr,
    { packName: 'openstack-cinder-csi', packVersion: '2.36.2' },
  ],
  variables: [podCidr],
  ...published,
};

const maasInfra: ProfileVersion = {
  name: 'maas-infra',
  type: 'infra',
  cloudType: 'maas',
  layers: [
    {
      packName: 'ubuntu',
      packVersion: '24.4.4',
      values: yamlBlock`
        timezone: Europe/Berlin
      `,
    },
    kubeadmWithPodCidr,
    calicoWithPodCidr,
    { packName: 'longhorn', packVersion: '1.11.1' },
  ],
  variables: [podCidr],
  ...published,
};

/** The test profiles above. */
export const TEST_PROFILE_VERSIONS: readonly ProfileVersion[] = [
  azureInfra,
  aksInfra,
  gcpInfra,
  gkeFull,
  openstackInfra,
  maasInfra,
];

function demo(name: string, version: string): ProfileVersion {
  const found = DEMO_PROFILE_VERSIONS.find(
    p => p.name === name && p.version === version,
  );
  if (!found) throw new Error(`no demo profile ${name}@${version}`);
  return found;
}

/** One infra/full profile per provider: the demo profiles where they exist. */
export const PROFILE_BY_PROVIDER = {
  aws: demo('aws-infra', '1.1.0'),
  eks: demo('eks-full', '1.0.0'),
  azure: azureInfra,
  aks: aksInfra,
  gcp: gcpInfra,
  gke: gkeFull,
  vsphere: demo('vsphere-infra', '1.0.0'),
  openstack: openstackInfra,
  maas: maasInfra,
  dev: demo('dev-full', '1.0.0'),
} as const;

/** The demo add-on profile (kube-prometheus-stack and Loki). */
export const OBSERVABILITY = demo('observability', '1.0.0');
