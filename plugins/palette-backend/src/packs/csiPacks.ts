import type { Pack } from '@palette-backstage/plugin-palette-common';
import { definePack, yamlBlock } from './define';

const awsEbs = definePack(
  {
    name: 'aws-ebs-csi',
    displayName: 'Amazon EBS CSI driver',
    description:
      'Block storage from Amazon EBS. The default StorageClass is encrypted gp3, bound when the pod is scheduled so the volume lands in its zone.',
    layer: 'csi',
    cloudTypes: ['aws', 'eks'],
    defaultValues: yamlBlock`
      controller:
        replicaCount: 2
      storageClasses:
        - name: gp3
          annotations:
            storageclass.kubernetes.io/is-default-class: "true"
          volumeBindingMode: WaitForFirstConsumer
          reclaimPolicy: Delete
          parameters:
            type: gp3
            encrypted: "true"
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        controller: {
          type: 'object',
          properties: { replicaCount: { type: 'integer', minimum: 1 } },
        },
        storageClasses: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            properties: {
              name: {
                type: 'string',
                pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
              },
              annotations: {
                type: 'object',
                additionalProperties: { type: 'string' },
              },
              volumeBindingMode: {
                type: 'string',
                enum: ['Immediate', 'WaitForFirstConsumer'],
              },
              reclaimPolicy: { type: 'string', enum: ['Delete', 'Retain'] },
              parameters: {
                type: 'object',
                properties: {
                  type: {
                    type: 'string',
                    enum: [
                      'gp2',
                      'gp3',
                      'io1',
                      'io2',
                      'sc1',
                      'st1',
                      'standard',
                    ],
                  },
                  encrypted: { type: 'string', enum: ['true', 'false'] },
                },
              },
            },
          },
        },
      },
    },
    installPriority: 30,
    constraints: { kubernetes: { min: '1.29' } },
    homepage: 'https://github.com/kubernetes-sigs/aws-ebs-csi-driver',
  },
  [
    { driver: '1.52.0', chart: '2.52.0' },
    { driver: '1.56.0', chart: '2.56.1' },
  ].map(({ driver, chart }) => ({
    version: driver,
    kind: {
      type: 'helm' as const,
      repository: 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver',
      chart: 'aws-ebs-csi-driver',
      chartVersion: chart,
      namespace: 'kube-system',
    },
  })),
);

const azureDisk = definePack(
  {
    name: 'azure-disk-csi',
    displayName: 'Azure Disk CSI driver',
    description:
      'Block storage from Azure managed disks. Built into AKS (the values then only tune the managed driver); installed from the upstream chart on self-managed Azure clusters.',
    layer: 'csi',
    cloudTypes: ['azure', 'aks'],
    managedOn: ['aks'],
    defaultValues: yamlBlock`
      controller:
        replicas: 2
      linux:
        enabled: true
      windows:
        enabled: false
      snapshot:
        enabled: true
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        controller: {
          type: 'object',
          properties: { replicas: { type: 'integer', minimum: 1 } },
        },
        linux: { type: 'object', properties: { enabled: { type: 'boolean' } } },
        windows: {
          type: 'object',
          properties: { enabled: { type: 'boolean' } },
        },
        snapshot: {
          type: 'object',
          properties: { enabled: { type: 'boolean' } },
        },
      },
    },
    installPriority: 30,
    homepage: 'https://github.com/kubernetes-sigs/azuredisk-csi-driver',
  },
  [
    { version: '1.33.10', kubernetes: { min: '1.31', max: '1.34' } },
    { version: '1.34.6', kubernetes: { min: '1.32', max: '1.36' } },
  ].map(({ version, kubernetes }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository:
        'https://raw.githubusercontent.com/kubernetes-sigs/azuredisk-csi-driver/master/charts',
      chart: 'azuredisk-csi-driver',
      chartVersion: `v${version}`,
      namespace: 'kube-system',
    },
    constraints: { kubernetes },
  })),
);

// On GKE the Compute Engine persistent disk CSI driver is a managed add-on
// that is on by default; this pack contributes the StorageClasses.
const gcpPd = definePack(
  {
    name: 'gcp-pd-csi',
    displayName: 'GCP Persistent Disk CSI',
    description:
      'StorageClasses for the Compute Engine persistent disk CSI driver that GKE runs as a managed add-on: balanced (default) and SSD, zonal and bound at scheduling.',
    layer: 'csi',
    cloudTypes: ['gke'],
    defaultValues: '',
    valuesSchema: { type: 'object', additionalProperties: false },
    installPriority: 30,
    homepage:
      'https://cloud.google.com/kubernetes-engine/docs/how-to/persistent-volumes/gce-pd-csi-driver',
  },
  [
    {
      version: '1.0.0',
      kind: {
        type: 'manifests',
        manifests: [
          {
            name: 'storageclasses.yaml',
            content: yamlBlock`
              apiVersion: storage.k8s.io/v1
              kind: StorageClass
              metadata:
                name: pd-balanced
                annotations:
                  storageclass.kubernetes.io/is-default-class: "true"
              provisioner: pd.csi.storage.gke.io
              parameters:
                type: pd-balanced
              volumeBindingMode: WaitForFirstConsumer
              allowVolumeExpansion: true
              reclaimPolicy: Delete
              ---
              apiVersion: storage.k8s.io/v1
              kind: StorageClass
              metadata:
                name: pd-ssd
              provisioner: pd.csi.storage.gke.io
              parameters:
                type: pd-ssd
              volumeBindingMode: WaitForFirstConsumer
              allowVolumeExpansion: true
              reclaimPolicy: Delete
            `,
          },
        ],
      },
    },
  ],
);

// The community chart (vsphere-tmm) ships driver 3.5.0; 3.6.0 is the same
// chart with the driver images pinned to the release that supports 1.34.
const vsphereCsiValues = (tag?: string) => yamlBlock`
  global:
    config:
      csidriver:
        enabled: true
      storageclass:
        enabled: true
        default: true
        expansion: true
        storagepolicyname: "vSAN Default Storage Policy"
        fstype: ext4
  ${
    tag
      ? `controller:
    image:
      tag: ${tag}
    syncer:
      image:
        tag: ${tag}
  node:
    image:
      tag: ${tag}`
      : ''
  }
`;

const vsphereCsi = definePack(
  {
    name: 'vsphere-csi',
    displayName: 'vSphere CSI driver',
    description:
      'vSphere Container Storage Plug-in: persistent volumes as First Class Disks on vSAN, VMFS or NFS datastores, placed by storage policy.',
    layer: 'csi',
    cloudTypes: ['vsphere'],
    defaultValues: vsphereCsiValues(),
    valuesSchema: {
      type: 'object',
      properties: {
        global: {
          type: 'object',
          properties: {
            config: {
              type: 'object',
              properties: {
                csidriver: {
                  type: 'object',
                  properties: { enabled: { type: 'boolean' } },
                },
                storageclass: {
                  type: 'object',
                  properties: {
                    enabled: { type: 'boolean' },
                    default: { type: 'boolean' },
                    expansion: { type: 'boolean' },
                    storagepolicyname: { type: 'string' },
                    fstype: { type: 'string', enum: ['ext4', 'xfs'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    installPriority: 30,
    homepage: 'https://github.com/kubernetes-sigs/vsphere-csi-driver',
  },
  [
    {
      version: '3.5.0',
      kind: {
        type: 'helm',
        repository: 'https://vsphere-tmm.github.io/helm-charts',
        chart: 'vsphere-csi',
        chartVersion: '3.8.1',
        namespace: 'vmware-system-csi',
      },
      constraints: { kubernetes: { min: '1.31', max: '1.33' } },
    },
    {
      version: '3.6.0',
      kind: {
        type: 'helm',
        repository: 'https://vsphere-tmm.github.io/helm-charts',
        chart: 'vsphere-csi',
        chartVersion: '3.8.1',
        namespace: 'vmware-system-csi',
      },
      defaultValues: vsphereCsiValues('v3.6.0'),
      constraints: { kubernetes: { min: '1.32', max: '1.34' } },
    },
  ],
);

// Chart 2.x.y of cloud-provider-openstack ships cinder-csi-plugin v1.x; the
// chart is the release unit, so it is the pack version.
const cinder = definePack(
  {
    name: 'openstack-cinder-csi',
    displayName: 'OpenStack Cinder CSI',
    description:
      'Block storage from OpenStack Cinder. Reads the cloud credentials from the cloud-config Secret that Cluster API Provider OpenStack creates.',
    layer: 'csi',
    cloudTypes: ['openstack'],
    defaultValues: yamlBlock`
      secret:
        enabled: true
        create: false
        name: cloud-config
      storageClass:
        enabled: true
        delete:
          isDefault: true
          allowVolumeExpansion: true
        retain:
          isDefault: false
          allowVolumeExpansion: true
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        secret: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            create: { type: 'boolean' },
            name: {
              type: 'string',
              pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
            },
          },
        },
        storageClass: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            delete: {
              type: 'object',
              properties: {
                isDefault: { type: 'boolean' },
                allowVolumeExpansion: { type: 'boolean' },
              },
            },
            retain: {
              type: 'object',
              properties: {
                isDefault: { type: 'boolean' },
                allowVolumeExpansion: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
    installPriority: 30,
    homepage: 'https://github.com/kubernetes/cloud-provider-openstack',
  },
  [
    { version: '2.34.3', kubernetes: { min: '1.32', max: '1.34' } },
    { version: '2.36.2', kubernetes: { min: '1.34', max: '1.36' } },
  ].map(({ version, kubernetes }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://kubernetes.github.io/cloud-provider-openstack',
      chart: 'openstack-cinder-csi',
      chartVersion: version,
      namespace: 'kube-system',
    },
    constraints: { kubernetes },
  })),
);

const longhorn = definePack(
  {
    name: 'longhorn',
    displayName: 'Longhorn',
    description:
      'Replicated block storage on the nodes’ own disks; works anywhere, including local dev clusters. Upgrade one minor version at a time.',
    layer: 'csi',
    cloudTypes: ['aws', 'azure', 'gcp', 'vsphere', 'openstack', 'maas', 'dev'],
    defaultValues: yamlBlock`
      persistence:
        defaultClass: true
        defaultClassReplicaCount: 3
        reclaimPolicy: Delete
      defaultSettings:
        defaultDataPath: /var/lib/longhorn/
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        persistence: {
          type: 'object',
          properties: {
            defaultClass: { type: 'boolean' },
            defaultClassReplicaCount: {
              type: 'integer',
              minimum: 1,
              maximum: 20,
            },
            reclaimPolicy: { type: 'string', enum: ['Delete', 'Retain'] },
          },
        },
        defaultSettings: {
          type: 'object',
          properties: { defaultDataPath: { type: 'string', pattern: '^/' } },
        },
      },
    },
    installPriority: 30,
    // Longhorn's documented minimum hardware per node.
    constraints: {
      kubernetes: { min: '1.25' },
      minNodeCpu: 4,
      minNodeMemoryMiB: 4096,
    },
    homepage: 'https://longhorn.io',
  },
  ['1.10.2', '1.11.1'].map(version => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://charts.longhorn.io',
      chart: 'longhorn',
      chartVersion: version,
      namespace: 'longhorn-system',
    },
  })),
);

/**
 * The curated storage (CSI) packs.
 *
 * @public
 */
export const CSI_PACKS: readonly Pack[] = [
  ...awsEbs,
  ...azureDisk,
  ...gcpPd,
  ...vsphereCsi,
  ...cinder,
  ...longhorn,
];
