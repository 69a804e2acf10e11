import { StorageClassModel, Workload } from './types';

/**
 * The networking (CNI) and storage (CSI) components a cluster runs outside
 * Helm, as their installers deploy them: names, namespaces and images as
 * discovery tools see them on real clusters.
 */

export type CniName =
  | 'cilium'
  | 'calico'
  | 'aws-vpc-cni'
  | 'azure-cni'
  | 'flannel'
  | 'kindnet';

export type CsiName =
  | 'ebs'
  | 'azure-disk'
  | 'gce-pd'
  | 'longhorn'
  | 'local-path'
  | 'vsphere'
  | 'cinder';

const ds = (
  namespace: string,
  name: string,
  image: string,
  extra: Partial<Workload> = {},
): Workload => ({
  kind: 'DaemonSet',
  namespace,
  name,
  image,
  labels: { 'k8s-app': name },
  ...extra,
});

const deploy = (
  namespace: string,
  name: string,
  image: string,
  replicas: number,
): Workload => ({
  kind: 'Deployment',
  namespace,
  name,
  image,
  replicas,
  labels: { 'app.kubernetes.io/name': name },
});

/** The workloads of a CNI at a version (without the leading v). */
export function cniWorkloads(cni: CniName, version: string): Workload[] {
  switch (cni) {
    case 'cilium':
      return [
        ds('kube-system', 'cilium', `quay.io/cilium/cilium:v${version}`),
        deploy(
          'kube-system',
          'cilium-operator',
          `quay.io/cilium/operator-generic:v${version}`,
          2,
        ),
      ];
    case 'calico':
      return [
        ds('kube-system', 'calico-node', `docker.io/calico/node:v${version}`),
        deploy(
          'kube-system',
          'calico-kube-controllers',
          `docker.io/calico/kube-controllers:v${version}`,
          1,
        ),
      ];
    case 'aws-vpc-cni':
      return [
        ds(
          'kube-system',
          'aws-node',
          `602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v${version}`,
        ),
      ];
    case 'azure-cni':
      // AKS installs the CNI plugin from an init container of azure-cns.
      return [
        ds(
          'kube-system',
          'azure-cns',
          `mcr.microsoft.com/containernetworking/azure-cns:v${version}`,
          {
            initImages: [
              `mcr.microsoft.com/containernetworking/azure-cni:v${version}`,
            ],
          },
        ),
      ];
    case 'flannel':
      return [
        ds(
          'kube-flannel',
          'kube-flannel-ds',
          `docker.io/flannel/flannel:v${version}`,
        ),
      ];
    case 'kindnet':
      return [
        ds('kube-system', 'kindnet', `docker.io/kindest/kindnetd:v${version}`),
      ];
    default:
      return [];
  }
}

interface CsiSpec {
  workloads: (version: string) => Workload[];
  storageClasses: StorageClassModel[];
}

const wait = 'WaitForFirstConsumer' as const;

const CSI: Record<CsiName, CsiSpec> = {
  ebs: {
    workloads: v => [
      ds(
        'kube-system',
        'ebs-csi-node',
        `public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v${v}`,
      ),
      deploy(
        'kube-system',
        'ebs-csi-controller',
        `public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v${v}`,
        2,
      ),
    ],
    storageClasses: [
      {
        name: 'gp3',
        provisioner: 'ebs.csi.aws.com',
        isDefault: true,
        parameters: { type: 'gp3', encrypted: 'true' },
        volumeBindingMode: wait,
        allowVolumeExpansion: true,
      },
      {
        name: 'gp2',
        provisioner: 'kubernetes.io/aws-ebs',
        isDefault: false,
        parameters: { type: 'gp2', fsType: 'ext4' },
        volumeBindingMode: wait,
      },
    ],
  },
  'azure-disk': {
    workloads: v => [
      ds(
        'kube-system',
        'csi-azuredisk-node',
        `mcr.microsoft.com/oss/v2/kubernetes-csi/azuredisk-csi:v${v}`,
      ),
    ],
    storageClasses: [
      {
        name: 'managed-csi',
        provisioner: 'disk.csi.azure.com',
        isDefault: true,
        parameters: { skuname: 'StandardSSD_LRS' },
        volumeBindingMode: wait,
        allowVolumeExpansion: true,
      },
      {
        name: 'managed-csi-premium',
        provisioner: 'disk.csi.azure.com',
        isDefault: false,
        parameters: { skuname: 'Premium_LRS' },
        volumeBindingMode: wait,
        allowVolumeExpansion: true,
      },
    ],
  },
  'gce-pd': {
    workloads: v => [
      ds(
        'kube-system',
        'pdcsi-node',
        `gke.gcr.io/gcp-compute-persistent-disk-csi-driver:v${v}-gke.0`,
      ),
    ],
    storageClasses: [
      {
        name: 'standard-rwo',
        provisioner: 'pd.csi.storage.gke.io',
        isDefault: true,
        parameters: { type: 'pd-balanced' },
        volumeBindingMode: wait,
        allowVolumeExpansion: true,
      },
      {
        name: 'premium-rwo',
        provisioner: 'pd.csi.storage.gke.io',
        isDefault: false,
        parameters: { type: 'pd-ssd' },
        volumeBindingMode: wait,
        allowVolumeExpansion: true,
      },
    ],
  },
  longhorn: {
    workloads: v => [
      ds(
        'longhorn-system',
        'longhorn-manager',
        `docker.io/longhornio/longhorn-manager:v${v}`,
      ),
      ds(
        'longhorn-system',
        'longhorn-csi-plugin',
        `docker.io/longhornio/longhorn-manager:v${v}`,
      ),
      deploy(
        'longhorn-system',
        'longhorn-driver-deployer',
        `docker.io/longhornio/longhorn-manager:v${v}`,
        1,
      ),
    ],
    storageClasses: [
      {
        name: 'longhorn',
        provisioner: 'driver.longhorn.io',
        isDefault: true,
        parameters: { numberOfReplicas: '3', dataLocality: 'disabled' },
        volumeBindingMode: 'Immediate',
        allowVolumeExpansion: true,
      },
    ],
  },
  'local-path': {
    workloads: v => [
      deploy(
        'local-path-storage',
        'local-path-provisioner',
        `docker.io/rancher/local-path-provisioner:v${v}`,
        1,
      ),
    ],
    storageClasses: [
      {
        name: 'local-path',
        provisioner: 'rancher.io/local-path',
        isDefault: true,
        volumeBindingMode: wait,
      },
    ],
  },
  vsphere: {
    workloads: v => [
      ds(
        'vmware-system-csi',
        'vsphere-csi-node',
        `registry.k8s.io/csi-vsphere/driver:v${v}`,
      ),
      deploy(
        'vmware-system-csi',
        'vsphere-csi-controller',
        `registry.k8s.io/csi-vsphere/driver:v${v}`,
        1,
      ),
    ],
    storageClasses: [
      {
        name: 'vsphere-csi',
        provisioner: 'csi.vsphere.vmware.com',
        isDefault: true,
        volumeBindingMode: 'Immediate',
        allowVolumeExpansion: true,
      },
    ],
  },
  cinder: {
    workloads: v => [
      ds(
        'kube-system',
        'csi-cinder-nodeplugin',
        `registry.k8s.io/provider-os/cinder-csi-plugin:v${v}`,
      ),
    ],
    storageClasses: [
      {
        name: 'csi-cinder-sc-delete',
        provisioner: 'cinder.csi.openstack.org',
        isDefault: true,
        volumeBindingMode: 'Immediate',
        allowVolumeExpansion: true,
      },
    ],
  },
};

export function csiWorkloads(csi: CsiName, version: string): Workload[] {
  return CSI[csi].workloads(version);
}

export function csiStorageClasses(csi: CsiName): StorageClassModel[] {
  return CSI[csi].storageClasses.map(c => ({ ...c }));
}
