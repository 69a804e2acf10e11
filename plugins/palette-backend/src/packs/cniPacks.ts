import type {
  Pack,
  PackDependency,
} from '@palette-backstage/plugin-palette-common';
import { definePack, yamlBlock } from './define';
import { CIDR_PATTERN } from './kubernetesPacks';

const ONE_CNI = 'a cluster runs a single CNI plugin';

function otherCnis(self: string): PackDependency[] {
  return ['calico', 'cilium', 'flannel', 'aws-vpc-cni', 'azure-cni']
    .filter(name => name !== self)
    .map(name => ({ name, reason: ONE_CNI }));
}

const SELF_MANAGED = [
  'aws',
  'azure',
  'gcp',
  'vsphere',
  'openstack',
  'maas',
  'dev',
] as const;

const calico = definePack(
  {
    name: 'calico',
    displayName: 'Calico',
    description:
      'Calico networking and network policy, installed by the Tigera operator chart. Defaults to VXLAN encapsulation, which works on every cloud.',
    layer: 'cni',
    cloudTypes: [...SELF_MANAGED],
    defaultValues: yamlBlock`
      installation:
        cni:
          type: Calico
        calicoNetwork:
          bgp: Disabled
          ipPools:
            - cidr: 192.168.0.0/16
              encapsulation: VXLAN
              natOutgoing: Enabled
              nodeSelector: all()
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        installation: {
          type: 'object',
          properties: {
            cni: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: ['Calico', 'AmazonVPC', 'AzureVNET', 'GKE'],
                },
              },
            },
            calicoNetwork: {
              type: 'object',
              properties: {
                bgp: { type: 'string', enum: ['Enabled', 'Disabled'] },
                ipPools: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['cidr'],
                    properties: {
                      cidr: { type: 'string', pattern: CIDR_PATTERN },
                      encapsulation: {
                        type: 'string',
                        enum: [
                          'IPIP',
                          'IPIPCrossSubnet',
                          'VXLAN',
                          'VXLANCrossSubnet',
                          'None',
                        ],
                      },
                      natOutgoing: {
                        type: 'string',
                        enum: ['Enabled', 'Disabled'],
                      },
                      nodeSelector: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    installPriority: 20,
    homepage: 'https://docs.tigera.io/calico/latest/about/',
  },
  [
    {
      version: '3.31.7',
      kind: {
        type: 'helm',
        repository: 'https://docs.tigera.io/calico/charts',
        chart: 'tigera-operator',
        chartVersion: 'v3.31.7',
        namespace: 'tigera-operator',
      },
      constraints: {
        kubernetes: { min: '1.31', max: '1.34' },
        conflicts: otherCnis('calico'),
      },
    },
    {
      version: '3.32.2',
      kind: {
        type: 'helm',
        repository: 'https://docs.tigera.io/calico/charts',
        chart: 'tigera-operator',
        chartVersion: 'v3.32.2',
        namespace: 'tigera-operator',
      },
      constraints: {
        kubernetes: { min: '1.32', max: '1.35' },
        conflicts: otherCnis('calico'),
      },
    },
  ],
);

const cilium = definePack(
  {
    name: 'cilium',
    displayName: 'Cilium',
    description:
      'eBPF-based networking, observability (Hubble) and network policy. On EKS, AKS and GKE it runs in the chaining/BYOCNI modes the Cilium docs describe for each.',
    layer: 'cni',
    cloudTypes: [
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
    ],
    defaultValues: yamlBlock`
      kubeProxyReplacement: false
      ipam:
        mode: cluster-pool
        operator:
          clusterPoolIPv4PodCIDRList:
            - 10.0.0.0/8
      operator:
        replicas: 2
      hubble:
        enabled: true
        relay:
          enabled: true
        ui:
          enabled: false
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        kubeProxyReplacement: { type: 'boolean' },
        ipam: {
          type: 'object',
          properties: {
            mode: {
              type: 'string',
              enum: [
                'cluster-pool',
                'kubernetes',
                'multi-pool',
                'eni',
                'azure',
                'delegated-plugin',
              ],
            },
            operator: {
              type: 'object',
              properties: {
                clusterPoolIPv4PodCIDRList: {
                  type: 'array',
                  items: { type: 'string', pattern: CIDR_PATTERN },
                },
              },
            },
          },
        },
        operator: {
          type: 'object',
          properties: { replicas: { type: 'integer', minimum: 1 } },
        },
        hubble: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            relay: {
              type: 'object',
              properties: { enabled: { type: 'boolean' } },
            },
            ui: {
              type: 'object',
              properties: { enabled: { type: 'boolean' } },
            },
          },
        },
      },
    },
    installPriority: 20,
    homepage: 'https://cilium.io',
  },
  [
    {
      version: '1.18.7',
      kind: {
        type: 'helm',
        repository: 'https://helm.cilium.io/',
        chart: 'cilium',
        chartVersion: '1.18.7',
        namespace: 'kube-system',
      },
      constraints: {
        kubernetes: { min: '1.30', max: '1.33' },
        conflicts: otherCnis('cilium'),
      },
    },
    {
      version: '1.19.1',
      kind: {
        type: 'helm',
        repository: 'https://helm.cilium.io/',
        chart: 'cilium',
        chartVersion: '1.19.1',
        namespace: 'kube-system',
      },
      constraints: {
        kubernetes: { min: '1.31', max: '1.35' },
        conflicts: otherCnis('cilium'),
      },
    },
  ],
);

const flannel = definePack(
  {
    name: 'flannel',
    displayName: 'Flannel',
    description:
      'Simple overlay networking (VXLAN by default). Flannel does not enforce NetworkPolicy; choose Calico or Cilium where policies matter.',
    layer: 'cni',
    cloudTypes: [...SELF_MANAGED],
    defaultValues: yamlBlock`
      podCidr: 10.244.0.0/16
      flannel:
        backend: vxlan
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        podCidr: { type: 'string', pattern: CIDR_PATTERN },
        flannel: {
          type: 'object',
          properties: {
            backend: {
              type: 'string',
              enum: ['vxlan', 'host-gw', 'wireguard', 'udp'],
            },
          },
        },
      },
    },
    installPriority: 20,
    constraints: {
      kubernetes: { min: '1.28' },
      conflicts: otherCnis('flannel'),
    },
    homepage: 'https://github.com/flannel-io/flannel',
  },
  [
    {
      version: '0.28.2',
      kind: {
        type: 'helm',
        repository: 'https://flannel-io.github.io/flannel/',
        chart: 'flannel',
        chartVersion: 'v0.28.2',
        namespace: 'kube-flannel',
      },
    },
    {
      version: '0.28.7',
      kind: {
        type: 'helm',
        repository: 'https://flannel-io.github.io/flannel/',
        chart: 'flannel',
        chartVersion: 'v0.28.7',
        namespace: 'kube-flannel',
      },
    },
  ],
);

const awsVpcCni = definePack(
  {
    name: 'aws-vpc-cni',
    displayName: 'Amazon VPC CNI',
    description:
      'Gives pods VPC IP addresses from node ENIs. Pre-installed on EKS, where the values configure the managed add-on instead of a Helm release.',
    layer: 'cni',
    cloudTypes: ['aws', 'eks'],
    managedOn: ['eks'],
    defaultValues: yamlBlock`
      enableNetworkPolicy: true
      env:
        ENABLE_PREFIX_DELEGATION: "true"
        WARM_PREFIX_TARGET: "1"
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        enableNetworkPolicy: { type: 'boolean' },
        env: {
          type: 'object',
          properties: {
            ENABLE_PREFIX_DELEGATION: {
              type: 'string',
              enum: ['true', 'false'],
            },
            WARM_PREFIX_TARGET: { type: 'string', pattern: '^[0-9]+$' },
          },
          // The aws-node container reads every entry as an environment variable.
          additionalProperties: { type: 'string' },
        },
      },
    },
    installPriority: 20,
    constraints: {
      kubernetes: { min: '1.29', max: '1.35' },
      conflicts: otherCnis('aws-vpc-cni'),
    },
    homepage: 'https://github.com/aws/amazon-vpc-cni-k8s',
  },
  ['1.20.2', '1.20.5'].map(version => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://aws.github.io/eks-charts',
      chart: 'aws-vpc-cni',
      chartVersion: version,
      namespace: 'kube-system',
    },
  })),
);

// The Azure CNI v1 installer DaemonSet that Cluster API Provider Azure uses
// for self-managed clusters (templates/addons/azure-cni-v1.yaml), which drops
// the azure-vnet plugins onto every Linux node.
const azureCniInstaller = yamlBlock`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: azure-cni
    namespace: kube-system
    labels:
      app: azure-cni
  spec:
    selector:
      matchLabels:
        k8s-app: azure-cni
    template:
      metadata:
        labels:
          k8s-app: azure-cni
      spec:
        nodeSelector:
          kubernetes.io/os: linux
        priorityClassName: system-node-critical
        tolerations:
          - operator: Exists
            effect: NoExecute
          - operator: Exists
            effect: NoSchedule
        initContainers:
          - name: azure-cni
            image: mcr.microsoft.com/containernetworking/azure-cni:v1.6.7
            command: ["/dropgz"]
            args:
              - deploy
              - azure-vnet
              - -o
              - /opt/cni/bin/azure-vnet
              - azure-vnet-ipam
              - -o
              - /opt/cni/bin/azure-vnet-ipam
              - azure.conflist
              - -o
              - /etc/cni/net.d/10-azure.conflist
            volumeMounts:
              - name: cni-bin
                mountPath: /opt/cni/bin
              - name: cni-conflist
                mountPath: /etc/cni/net.d
        containers:
          - name: pause
            image: mcr.microsoft.com/oss/kubernetes/pause:3.6
        volumes:
          - name: cni-bin
            hostPath:
              path: /opt/cni/bin
              type: Directory
          - name: cni-conflist
            hostPath:
              path: /etc/cni/net.d
              type: Directory
`;

const azureCni = definePack(
  {
    name: 'azure-cni',
    displayName: 'Azure CNI',
    description:
      'Azure virtual-network CNI. On AKS it is part of the service and the values set the cluster network profile; on self-managed Azure clusters the installer DaemonSet is applied.',
    layer: 'cni',
    cloudTypes: ['azure', 'aks'],
    managedOn: ['aks'],
    defaultValues: yamlBlock`
      networkPluginMode: overlay
      podCidr: 10.244.0.0/16
      networkPolicy: azure
    `,
    valuesSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        networkPluginMode: { type: 'string', enum: ['overlay', 'vnet'] },
        podCidr: { type: 'string', pattern: CIDR_PATTERN },
        networkPolicy: {
          type: 'string',
          enum: ['azure', 'calico', 'cilium', 'none'],
        },
      },
    },
    installPriority: 20,
    constraints: { conflicts: otherCnis('azure-cni') },
    homepage: 'https://github.com/Azure/azure-container-networking',
  },
  [
    {
      version: '1.6.7',
      kind: {
        type: 'manifests',
        namespace: 'kube-system',
        manifests: [
          { name: 'azure-cni-installer.yaml', content: azureCniInstaller },
        ],
      },
    },
  ],
);

/**
 * The curated network (CNI) packs.
 *
 * @public
 */
export const CNI_PACKS: readonly Pack[] = [
  ...calico,
  ...cilium,
  ...flannel,
  ...awsVpcCni,
  ...azureCni,
];
