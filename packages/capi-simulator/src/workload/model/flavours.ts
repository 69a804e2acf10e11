import { hexOf, hashString } from '../random';
import { WorkloadClusterDescription, WorkloadFlavour } from './description';

/** How a distribution names, labels and identifies a node. */
interface Flavour {
  nodeName(cluster: string, pool: string, index: number): string;
  labels(
    d: WorkloadClusterDescription,
    pool: string,
    role: string,
  ): Record<string, string>;
  providerID?(
    d: WorkloadClusterDescription,
    node: string,
    zone?: string,
  ): string;
  kubeProxyImage(version: string, region?: string): string;
  corednsImage(region?: string): string;
  defaults: { osImage: string; kernelVersion: string; runtime: string };
}

const ecr = (region = 'us-east-1') =>
  `602401143452.dkr.ecr.${region}.amazonaws.com`;

const FLAVOURS: Record<WorkloadFlavour, Flavour> = {
  eks: {
    nodeName: (cluster, pool, i) => {
      const h = hashString(`${cluster}/${pool}/${i}`);
      return `ip-10-0-${(h >>> 8) % 256}-${h % 254 || 1}.ec2.internal`;
    },
    labels: (d, pool) => ({
      'eks.amazonaws.com/nodegroup': pool,
      'eks.amazonaws.com/capacityType': 'ON_DEMAND',
      'eks.amazonaws.com/nodegroup-image': `ami-0${hexOf(d.name + pool, 16)}`,
    }),
    providerID: (d, node, zone) =>
      `aws:///${zone ?? d.region ?? 'us-east-1a'}/i-0${hexOf(node, 16)}`,
    kubeProxyImage: (v, region) =>
      `${ecr(region)}/eks/kube-proxy:v${v}-minimal-eksbuild.2`,
    corednsImage: region => `${ecr(region)}/eks/coredns:v1.11.4-eksbuild.2`,
    defaults: {
      osImage: 'Amazon Linux 2023.7.20250414',
      kernelVersion: '6.1.132-147.221.amzn2023.x86_64',
      runtime: 'containerd://1.7.27',
    },
  },
  aks: {
    nodeName: (cluster, pool, i) =>
      `aks-${pool}-${String(hashString(cluster + pool) % 1e8).padStart(
        8,
        '0',
      )}-vmss${i.toString(36).padStart(6, '0')}`,
    labels: (_d, pool, role) => ({
      'kubernetes.azure.com/agentpool': pool,
      agentpool: pool,
      'kubernetes.azure.com/mode': role === 'control-plane' ? 'system' : 'user',
      'kubernetes.azure.com/os-sku': 'Ubuntu',
      'kubernetes.azure.com/node-image-version':
        'AKSUbuntu-2204gen2containerd-202505.14.0',
    }),
    providerID: (d, node) =>
      `azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mc_${
        d.name
      }_${d.name}_${
        d.region
      }/providers/Microsoft.Compute/virtualMachineScaleSets/${node.replace(
        /vmss\w+$/,
        'vmss',
      )}/virtualMachines/${parseInt(node.slice(-6), 36)}`,
    kubeProxyImage: v => `mcr.microsoft.com/oss/kubernetes/kube-proxy:v${v}`,
    corednsImage: () => 'mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.12.1-2',
    defaults: {
      osImage: 'Ubuntu 22.04.5 LTS',
      kernelVersion: '5.15.0-1089-azure',
      runtime: 'containerd://1.7.27-1',
    },
  },
  gke: {
    nodeName: (cluster, pool, i) =>
      `gke-${cluster}-${pool}-${hexOf(cluster + pool, 8)}-${hexOf(
        `${cluster}${pool}${i}`,
        4,
      )}`,
    labels: (_d, pool) => ({
      'cloud.google.com/gke-nodepool': pool,
      'cloud.google.com/gke-os-distribution': 'cos',
      'cloud.google.com/gke-boot-disk': 'pd-balanced',
    }),
    providerID: (d, node, zone) =>
      `gce://palette-demo/${zone ?? d.region}/${node}`,
    kubeProxyImage: v => `gke.gcr.io/kube-proxy-amd64:v${v}-gke.1200`,
    corednsImage: () => 'gke.gcr.io/coredns:v1.11.3-gke.4',
    defaults: {
      osImage: 'Container-Optimized OS from Google',
      kernelVersion: '6.6.72+',
      runtime: 'containerd://1.7.24',
    },
  },
  kubeadm: {
    nodeName: (cluster, pool, i) => `${cluster}-${pool}-${i}`,
    labels: () => ({}),
    kubeProxyImage: v => `registry.k8s.io/kube-proxy:v${v}`,
    corednsImage: () => 'registry.k8s.io/coredns/coredns:v1.11.3',
    defaults: {
      osImage: 'Ubuntu 24.04.2 LTS',
      kernelVersion: '6.8.0-59-generic',
      runtime: 'containerd://2.0.5',
    },
  },
};

export function flavourOf(name: WorkloadFlavour): Flavour {
  return FLAVOURS[name];
}
