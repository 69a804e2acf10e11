import type {
  JsonSchemaSubset,
  Pack,
} from '@palette-backstage/plugin-palette-common';
import { definePack, yamlBlock } from './define';

/**
 * An IPv4 CIDR block, as a JSON-schema pattern.
 *
 * @internal
 */
export const CIDR_PATTERN =
  '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])$';

const cidrList: JsonSchemaSubset = {
  type: 'array',
  items: { type: 'string', pattern: CIDR_PATTERN },
};

// Cluster API v1beta2 (KubeadmConfigSpec) writes extraArgs as a list of
// name/value pairs, no longer as a map.
const extraArgs: JsonSchemaSubset = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name', 'value'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', pattern: '^[a-z0-9-]+$' },
      value: { type: 'string' },
    },
  },
};

const kubeadm = definePack(
  {
    name: 'kubernetes',
    displayName: 'Kubernetes (kubeadm)',
    description:
      'Upstream Kubernetes bootstrapped by kubeadm through a Cluster API KubeadmControlPlane. The values fill the Cluster network and the kubeadm configuration.',
    layer: 'k8s',
    cloudTypes: ['aws', 'azure', 'gcp', 'vsphere', 'openstack', 'maas', 'dev'],
    defaultValues: yamlBlock`
      clusterNetwork:
        pods:
          cidrBlocks:
            - 192.168.0.0/16
        services:
          cidrBlocks:
            - 10.96.0.0/12
        serviceDomain: cluster.local
      apiServer:
        certSANs: []
        extraArgs:
          - name: profiling
            value: "false"
          - name: audit-log-maxage
            value: "30"
      kubelet:
        extraArgs:
          - name: protect-kernel-defaults
            value: "true"
    `,
    valuesSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        clusterNetwork: {
          type: 'object',
          additionalProperties: false,
          properties: {
            pods: { type: 'object', properties: { cidrBlocks: cidrList } },
            services: { type: 'object', properties: { cidrBlocks: cidrList } },
            serviceDomain: {
              type: 'string',
              pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
            },
          },
        },
        apiServer: {
          type: 'object',
          additionalProperties: false,
          properties: {
            certSANs: { type: 'array', items: { type: 'string' } },
            extraArgs,
          },
        },
        kubelet: {
          type: 'object',
          additionalProperties: false,
          properties: { extraArgs },
        },
      },
    },
    installPriority: 10,
    // kubeadm's own preflight minimum for control plane nodes.
    constraints: { minNodeCpu: 2, minNodeMemoryMiB: 2048 },
    homepage: 'https://kubernetes.io/releases/',
  },
  [
    {
      version: '1.31.13',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.31.13',
      },
      deprecated: true,
      deprecationMessage:
        'Kubernetes 1.31 reached end of life upstream on 2025-10-28.',
    },
    {
      version: '1.31.14',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.31.14',
      },
      deprecated: true,
      deprecationMessage:
        'Kubernetes 1.31 reached end of life upstream on 2025-10-28.',
    },
    {
      version: '1.32.11',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.32.11',
      },
      deprecated: true,
      deprecationMessage:
        'Kubernetes 1.32 reached end of life upstream on 2026-02-28.',
    },
    {
      version: '1.32.12',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.32.12',
      },
      deprecated: true,
      deprecationMessage:
        'Kubernetes 1.32 reached end of life upstream on 2026-02-28.',
    },
    {
      version: '1.33.10',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.33.10',
      },
      deprecated: true,
      deprecationMessage:
        'Kubernetes 1.33 reached end of life upstream on 2026-06-28.',
    },
    {
      version: '1.33.13',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.33.13',
      },
      deprecated: true,
      deprecationMessage:
        'Kubernetes 1.33 reached end of life upstream on 2026-06-28.',
    },
    {
      version: '1.34.4',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.34.4',
      },
    },
    {
      version: '1.34.10',
      kind: {
        type: 'kubernetes',
        distribution: 'kubeadm',
        kubernetesVersion: '1.34.10',
      },
    },
  ],
);

// EKS runs a minor chosen by the user and patches it itself; the pack
// version is the Kubernetes patch of the recorded platform version (from the
// EKS platform-versions table).
const eks = definePack(
  {
    name: 'kubernetes-eks',
    displayName: 'Amazon EKS',
    description:
      'Managed Kubernetes control plane on AWS (Cluster API AWSManagedControlPlane). The values configure endpoint access and control plane logging.',
    layer: 'k8s',
    cloudTypes: ['eks'],
    defaultValues: yamlBlock`
      endpointAccess:
        public: true
        publicCIDRs:
          - 0.0.0.0/0
        private: true
      logging:
        apiServer: true
        audit: true
        authenticator: true
        controllerManager: false
        scheduler: false
    `,
    valuesSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        endpointAccess: {
          type: 'object',
          additionalProperties: false,
          properties: {
            public: { type: 'boolean' },
            publicCIDRs: cidrList,
            private: { type: 'boolean' },
          },
        },
        logging: {
          type: 'object',
          additionalProperties: false,
          properties: {
            apiServer: { type: 'boolean' },
            audit: { type: 'boolean' },
            authenticator: { type: 'boolean' },
            controllerManager: { type: 'boolean' },
            scheduler: { type: 'boolean' },
          },
        },
      },
    },
    installPriority: 10,
    homepage:
      'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
  },
  [
    {
      version: '1.32.12',
      kind: {
        type: 'kubernetes',
        distribution: 'eks',
        kubernetesVersion: '1.32.12',
        platformVersion: 'eks.40',
      },
      deprecated: true,
      deprecationMessage:
        'EKS 1.32 left standard support on 2026-03-23; clusters run in extended support at extra cost.',
    },
    {
      version: '1.33.8',
      kind: {
        type: 'kubernetes',
        distribution: 'eks',
        kubernetesVersion: '1.33.8',
        platformVersion: 'eks.33',
      },
      deprecated: true,
      deprecationMessage:
        'EKS 1.33 left standard support on 2026-07-29; clusters run in extended support at extra cost.',
    },
    {
      version: '1.34.4',
      kind: {
        type: 'kubernetes',
        distribution: 'eks',
        kubernetesVersion: '1.34.4',
        platformVersion: 'eks.19',
      },
    },
    {
      version: '1.35.2',
      kind: {
        type: 'kubernetes',
        distribution: 'eks',
        kubernetesVersion: '1.35.2',
        platformVersion: 'eks.9',
      },
    },
  ],
);

const aks = definePack(
  {
    name: 'kubernetes-aks',
    displayName: 'Azure Kubernetes Service',
    description:
      'Managed Kubernetes on Azure (Cluster API AzureASOManagedControlPlane). The values configure the SKU tier, auto-upgrade channel and API server access.',
    layer: 'k8s',
    cloudTypes: ['aks'],
    defaultValues: yamlBlock`
      sku:
        tier: Standard
      autoUpgradeProfile:
        upgradeChannel: none
      apiServerAccessProfile:
        enablePrivateCluster: false
    `,
    valuesSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sku: {
          type: 'object',
          properties: {
            tier: { type: 'string', enum: ['Free', 'Standard', 'Premium'] },
          },
        },
        autoUpgradeProfile: {
          type: 'object',
          properties: {
            upgradeChannel: {
              type: 'string',
              enum: ['none', 'patch', 'stable', 'rapid', 'node-image'],
            },
          },
        },
        apiServerAccessProfile: {
          type: 'object',
          properties: { enablePrivateCluster: { type: 'boolean' } },
        },
      },
    },
    installPriority: 10,
    homepage:
      'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions',
  },
  [
    {
      version: '1.34.3',
      kind: {
        type: 'kubernetes',
        distribution: 'aks',
        kubernetesVersion: '1.34.3',
      },
    },
    {
      version: '1.34.10',
      kind: {
        type: 'kubernetes',
        distribution: 'aks',
        kubernetesVersion: '1.34.10',
      },
    },
    {
      version: '1.35.7',
      kind: {
        type: 'kubernetes',
        distribution: 'aks',
        kubernetesVersion: '1.35.7',
      },
    },
  ],
);

// GKE versions carry a GKE build suffix; as semver it is a pre-release tag,
// which still orders correctly among GKE versions.
const gke = definePack(
  {
    name: 'kubernetes-gke',
    displayName: 'Google Kubernetes Engine',
    description:
      'Managed Kubernetes on Google Cloud (Cluster API GCPManagedControlPlane). The values choose the release channel and Autopilot.',
    layer: 'k8s',
    cloudTypes: ['gke'],
    defaultValues: yamlBlock`
      releaseChannel: regular
      enableAutopilot: false
    `,
    valuesSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        releaseChannel: {
          type: 'string',
          enum: ['rapid', 'regular', 'stable', 'extended'],
        },
        enableAutopilot: { type: 'boolean' },
      },
    },
    installPriority: 10,
    homepage: 'https://cloud.google.com/kubernetes-engine/docs/release-notes',
  },
  [
    {
      version: '1.33.13-gke.1101000',
      kind: {
        type: 'kubernetes',
        distribution: 'gke',
        kubernetesVersion: '1.33.13-gke.1101000',
      },
    },
    {
      version: '1.34.9-gke.1287000',
      kind: {
        type: 'kubernetes',
        distribution: 'gke',
        kubernetesVersion: '1.34.9-gke.1287000',
      },
    },
    {
      version: '1.35.8-gke.1036000',
      kind: {
        type: 'kubernetes',
        distribution: 'gke',
        kubernetesVersion: '1.35.8-gke.1036000',
      },
    },
  ],
);

/**
 * The curated Kubernetes distribution packs.
 *
 * @public
 */
export const KUBERNETES_PACKS: readonly Pack[] = [
  ...kubeadm,
  ...eks,
  ...aks,
  ...gke,
];
