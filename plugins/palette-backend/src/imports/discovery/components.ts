import type { V1DaemonSet, V1StorageClass } from '@kubernetes/client-node';
import type { DiscoveredComponent } from '@palette-backstage/plugin-palette-common';

/** CNI plugins by the names of their DaemonSets or images. */
const CNI_PATTERNS: Array<{ name: string; pattern: RegExp }> = [
  { name: 'cilium', pattern: /(^|\/)cilium(:|$|-agent)/ },
  { name: 'calico', pattern: /calico-node|(^|\/)calico\/node/ },
  { name: 'aws-vpc-cni', pattern: /aws-node|amazon-k8s-cni/ },
  { name: 'azure-cni', pattern: /azure-cni|azure-vnet|azure-ip-masq/ },
  { name: 'flannel', pattern: /flannel/ },
  { name: 'weave', pattern: /weave-net|weaveworks\/weave/ },
  { name: 'kube-router', pattern: /kube-router/ },
  { name: 'antrea', pattern: /antrea-agent|antrea\/antrea/ },
];

/** Provisioners that are not CSI drivers (in-tree or local). */
const NOT_CSI = /^kubernetes\.io\/|^rancher\.io\/local-path$/;

/** The tag of an image reference (`quay.io/cilium/cilium:v1.16.1@sha…` → `1.16.1`). */
export function imageVersion(image?: string): string | undefined {
  const tag = image?.split('@')[0].match(/:([^:/]+)$/)?.[1];
  return tag?.replace(/^v(?=\d)/, '');
}

/** The images of a DaemonSet's pods; init containers too (AKS installs its CNI from one). */
function images(ds: V1DaemonSet): string[] {
  const spec = ds.spec?.template?.spec;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].map(
    c => c.image ?? '',
  );
}

const where = (ds: V1DaemonSet) =>
  `DaemonSet ${ds.metadata?.namespace}/${ds.metadata?.name}`;

/** The CNI in use: the first kube-system (then any) DaemonSet that runs a known plugin. */
export function detectCni(
  daemonSets: V1DaemonSet[],
): DiscoveredComponent | undefined {
  const ordered = [
    ...daemonSets.filter(d => d.metadata?.namespace === 'kube-system'),
    ...daemonSets.filter(d => d.metadata?.namespace !== 'kube-system'),
  ];
  for (const { name, pattern } of CNI_PATTERNS) {
    for (const ds of ordered) {
      const image = images(ds).find(i => pattern.test(i));
      if (pattern.test(ds.metadata?.name ?? '') || image) {
        const version = imageVersion(image ?? images(ds)[0]);
        return { name, ...(version ? { version } : {}), source: where(ds) };
      }
    }
  }
  return undefined;
}

/**
 * The CSI drivers in use: the provisioners of the storage classes, with the
 * version of the node DaemonSet that runs the driver when one is found
 * (named after the driver, e.g. `ebs-csi-node` for `ebs.csi.aws.com`).
 */
export function detectCsi(
  storageClasses: V1StorageClass[],
  daemonSets: V1DaemonSet[],
): DiscoveredComponent[] {
  const drivers = new Map<string, DiscoveredComponent>();
  for (const sc of storageClasses) {
    const provisioner = sc.provisioner;
    if (!provisioner || NOT_CSI.test(provisioner) || drivers.has(provisioner))
      continue;
    const stem = provisioner.split('.')[0];
    const node = daemonSets.find(
      ds =>
        /csi/.test(ds.metadata?.name ?? '') &&
        (ds.metadata?.name ?? '').includes(stem),
    );
    const version = node ? imageVersion(images(node)[0]) : undefined;
    drivers.set(provisioner, {
      name: provisioner,
      ...(version ? { version } : {}),
      source: node
        ? `StorageClass ${sc.metadata?.name}, ${where(node)}`
        : `StorageClass ${sc.metadata?.name}`,
    });
  }
  return [...drivers.values()];
}
