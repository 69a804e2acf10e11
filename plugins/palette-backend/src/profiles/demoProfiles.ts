import type {
  ProfileVariable,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import { yamlBlock } from '../packs/define';

const PUBLISHER = 'user:default/platform-admin';

const podCidr = (defaultCidr: string): ProfileVariable => ({
  name: 'podCidr',
  displayName: 'Pod CIDR',
  description:
    'The IPv4 range pod addresses come from; must not overlap the node or service networks.',
  format: 'cidr',
  required: true,
  default: defaultCidr,
});

const awsInfraV1: ProfileVersion = {
  name: 'aws-infra',
  displayName: 'AWS infrastructure',
  description:
    'Self-managed Kubernetes on EC2: Ubuntu 24.04, kubeadm, Calico (VXLAN) and encrypted gp3 EBS volumes.',
  type: 'infra',
  cloudType: 'aws',
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.3' },
    {
      packName: 'kubernetes',
      packVersion: '1.34.4',
      values: yamlBlock`
        clusterNetwork:
          pods:
            cidrBlocks:
              - {{ .palette.vars.podCidr }}
      `,
    },
    {
      packName: 'calico',
      packVersion: '3.31.7',
      values: yamlBlock`
        installation:
          calicoNetwork:
            ipPools:
              - cidr: {{ .palette.vars.podCidr }}
                encapsulation: VXLAN
                natOutgoing: Enabled
                nodeSelector: all()
      `,
    },
    { packName: 'aws-ebs-csi', packVersion: '1.52.0' },
  ],
  variables: [podCidr('192.168.0.0/16')],
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-01T09:00:00Z',
  publishedBy: PUBLISHER,
};

const awsInfraV1_1: ProfileVersion = {
  ...awsInfraV1,
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.4' },
    {
      packName: 'kubernetes',
      packVersion: '1.34.10',
      values: yamlBlock`
        clusterNetwork:
          pods:
            cidrBlocks:
              - {{ .palette.vars.podCidr }}
        apiServer:
          extraArgs:
            - name: profiling
              value: "false"
            - name: audit-log-maxage
              value: "{{ .palette.vars.auditLogMaxAge }}"
      `,
    },
    { ...awsInfraV1.layers[2], packVersion: '3.32.2' },
    {
      packName: 'aws-ebs-csi',
      packVersion: '1.56.0',
      values: yamlBlock`
        controller:
          replicaCount: 3
      `,
    },
  ],
  variables: [
    podCidr('192.168.0.0/16'),
    {
      name: 'auditLogMaxAge',
      displayName: 'Audit log retention (days)',
      format: 'number',
      regex: '[1-9][0-9]{0,2}',
      default: '30',
    },
  ],
  version: '1.1.0',
  changeNote:
    'Kubernetes 1.34.10, Ubuntu 24.04.4, Calico 3.32, EBS CSI 1.56 with three controller replicas; audit log retention is now a variable.',
  publishedAt: '2026-10-06T09:00:00Z',
};

const eksFull: ProfileVersion = {
  name: 'eks-full',
  displayName: 'EKS with DNS and certificates',
  description:
    'Amazon EKS 1.34 with the VPC CNI, EBS storage, cert-manager and ExternalDNS publishing into one Route 53 zone.',
  type: 'full',
  cloudType: 'eks',
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.4' },
    {
      packName: 'kubernetes-eks',
      packVersion: '1.34.4',
      values: yamlBlock`
        endpointAccess:
          public: {{ .palette.vars.publicEndpoint }}
      `,
    },
    { packName: 'aws-vpc-cni', packVersion: '1.20.5' },
    { packName: 'aws-ebs-csi', packVersion: '1.56.0' },
    { packName: 'cert-manager', packVersion: '1.21.2' },
    {
      packName: 'external-dns',
      packVersion: '0.19.0',
      values: yamlBlock`
        provider:
          name: aws
        policy: sync
        domainFilters:
          - {{ .palette.vars.dnsZone }}
      `,
    },
  ],
  variables: [
    {
      name: 'publicEndpoint',
      displayName: 'Public API endpoint',
      description:
        'Expose the Kubernetes API on the internet (it stays reachable from the VPC either way).',
      format: 'boolean',
      default: 'true',
    },
    {
      name: 'dnsZone',
      displayName: 'DNS zone',
      description: 'The Route 53 hosted zone ExternalDNS manages records in.',
      format: 'string',
      regex: '([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z]{2,}',
      required: true,
    },
  ],
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-15T09:00:00Z',
  publishedBy: PUBLISHER,
};

const vsphereInfra: ProfileVersion = {
  name: 'vsphere-infra',
  displayName: 'vSphere infrastructure',
  description:
    'Kubernetes on vSphere VMs: Ubuntu 22.04, kubeadm, Cilium with Hubble, and volumes on a vSAN storage policy.',
  type: 'infra',
  cloudType: 'vsphere',
  layers: [
    {
      packName: 'ubuntu',
      packVersion: '22.4.5',
      values: yamlBlock`
        ntp:
          servers:
            - {{ .palette.vars.ntpServer }}
      `,
    },
    {
      packName: 'kubernetes',
      packVersion: '1.34.10',
      values: yamlBlock`
        clusterNetwork:
          pods:
            cidrBlocks:
              - {{ .palette.vars.podCidr }}
        apiServer:
          certSANs:
            - "{{ .palette.vars.controlPlaneVip }}"
      `,
    },
    {
      packName: 'cilium',
      packVersion: '1.19.1',
      values: yamlBlock`
        ipam:
          operator:
            clusterPoolIPv4PodCIDRList:
              - {{ .palette.vars.podCidr }}
      `,
    },
    {
      packName: 'vsphere-csi',
      packVersion: '3.6.0',
      values: yamlBlock`
        global:
          config:
            storageclass:
              storagepolicyname: {{ .palette.vars.storagePolicy }}
      `,
    },
  ],
  variables: [
    {
      name: 'controlPlaneVip',
      displayName: 'Control plane virtual IP',
      description:
        'A free address on the VM network for the API server (kube-vip).',
      format: 'ipv4',
      required: true,
    },
    podCidr('10.244.0.0/16'),
    {
      name: 'ntpServer',
      displayName: 'NTP server',
      format: 'string',
      regex: '[A-Za-z0-9.-]+',
      default: 'pool.ntp.org',
    },
    {
      name: 'storagePolicy',
      displayName: 'vSphere storage policy',
      format: 'string',
      default: 'vSAN Default Storage Policy',
    },
  ],
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-20T09:00:00Z',
  publishedBy: PUBLISHER,
};

const devFullV1: ProfileVersion = {
  name: 'dev-full',
  displayName: 'Local development cluster',
  description:
    'A throw-away cluster on the Cluster API Docker provider: kubeadm, Flannel, single-replica Longhorn and cert-manager.',
  type: 'full',
  cloudType: 'dev',
  layers: [
    { packName: 'ubuntu', packVersion: '24.4.4' },
    {
      packName: 'kubernetes',
      packVersion: '1.34.4',
      values: yamlBlock`
        clusterNetwork:
          pods:
            cidrBlocks:
              - {{ .palette.vars.podCidr }}
      `,
    },
    {
      packName: 'flannel',
      packVersion: '0.28.7',
      values: yamlBlock`
        podCidr: {{ .palette.vars.podCidr }}
      `,
    },
    {
      packName: 'longhorn',
      packVersion: '1.11.1',
      values: yamlBlock`
        persistence:
          defaultClassReplicaCount: 1
      `,
    },
    { packName: 'cert-manager', packVersion: '1.20.2' },
  ],
  variables: [{ ...podCidr('10.244.0.0/16'), readOnly: true }],
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-01T10:00:00Z',
  publishedBy: PUBLISHER,
};

const devFullV1_1: ProfileVersion = {
  ...devFullV1,
  layers: devFullV1.layers.map(layer => {
    if (layer.packName === 'kubernetes')
      return { ...layer, packVersion: '1.34.10' };
    if (layer.packName === 'cert-manager')
      return { ...layer, packVersion: '1.21.2' };
    return layer;
  }),
  version: '1.1.0',
  changeNote:
    'Kubernetes 1.34.10 (patch releases since 1.34.4) and cert-manager 1.21.2.',
  publishedAt: '2026-10-20T10:00:00Z',
};

const observability: ProfileVersion = {
  name: 'observability',
  displayName: 'Observability (metrics and logs)',
  description:
    'kube-prometheus-stack (Prometheus, Alertmanager, Grafana) and Loki, for any cluster.',
  type: 'add-on',
  cloudType: 'all',
  layers: [
    {
      packName: 'kube-prometheus-stack',
      packVersion: '82.10.3',
      values: yamlBlock`
        prometheus:
          prometheusSpec:
            retention: {{ .palette.vars.metricsRetention }}
        grafana:
          adminPassword: {{ .palette.vars.grafanaAdminPassword }}
      `,
    },
    { packName: 'loki', packVersion: '6.54.0' },
  ],
  variables: [
    {
      name: 'metricsRetention',
      displayName: 'Metrics retention',
      description: 'How long Prometheus keeps samples, e.g. 15d or 72h.',
      format: 'string',
      regex: '[1-9][0-9]*[hdw]',
      default: '15d',
    },
    {
      name: 'grafanaAdminPassword',
      displayName: 'Grafana admin password',
      format: 'string',
      inputType: 'password',
      regex: '.{12,}',
      required: true,
      sensitive: true,
    },
  ],
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-10T09:00:00Z',
  publishedBy: PUBLISHER,
};

/**
 * Curated example profiles for seeding: an AWS infra profile (two versions,
 * for upgrades and diffs), an EKS full profile, a vSphere infra profile, a
 * local dev full profile and an observability add-on profile. Each is valid
 * under `validateProfile` with the built-in registry.
 *
 * @public
 */
export const DEMO_PROFILE_VERSIONS: readonly ProfileVersion[] = [
  awsInfraV1,
  awsInfraV1_1,
  eksFull,
  vsphereInfra,
  devFullV1,
  devFullV1_1,
  observability,
];
