import { chartAppVersion, releaseWorkloads } from './charts';
import { cniWorkloads, csiStorageClasses, csiWorkloads } from './components';
import { WorkloadClusterDescription } from './description';
import { flavourOf } from './flavours';
import { instanceSize } from './instanceTypes';
import {
  HelmReleaseModel,
  Workload,
  WorkloadCluster,
  WorkloadNode,
} from './types';
import { semverOf } from './version';

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** The namespace the scan reports live in (see ../resources/scans.ts). */
export const SCANS_NAMESPACE = 'palette-scans';

/** Before this the simulated clusters did not exist: a stable default age. */
const DEFAULT_CREATED_AT = '2025-06-02T08:00:00Z';

/**
 * Renders a described cluster: nodes with their labels and sizes, the
 * system components, the CNI and CSI, and the workloads of its Helm
 * releases. `notReadyNodes` turns that many nodes (the last ones) NotReady.
 */
export function buildWorkloadCluster(
  d: WorkloadClusterDescription,
  options: { notReadyNodes?: number } = {},
): WorkloadCluster {
  const flavour = flavourOf(d.flavour);
  const createdAt = d.createdAt ?? DEFAULT_CREATED_AT;
  const version = semverOf(d.gitVersion);

  const nodes: WorkloadNode[] = [];
  for (const pool of d.nodePools) {
    const role = pool.role ?? 'worker';
    const size = instanceSize(pool.instanceType);
    for (let i = 0; i < pool.count; i++) {
      const name = flavour.nodeName(d.name, pool.name, i);
      const zone = d.zones?.length
        ? d.zones[nodes.length % d.zones.length]
        : undefined;
      const arch = pool.architecture ?? 'amd64';
      nodes.push({
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': arch,
          'beta.kubernetes.io/os': 'linux',
          'beta.kubernetes.io/arch': arch,
          [`node-role.kubernetes.io/${role}`]: '',
          ...(pool.instanceType
            ? {
                'node.kubernetes.io/instance-type': pool.instanceType,
                'beta.kubernetes.io/instance-type': pool.instanceType,
              }
            : {}),
          ...(d.region ? { 'topology.kubernetes.io/region': d.region } : {}),
          ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}),
          ...flavour.labels(d, pool.name, role),
          ...d.nodeLabels,
          ...pool.labels,
        },
        providerID: flavour.providerID?.(d, name, zone),
        cpu: pool.cpu ?? size.cpu,
        memoryGiB: pool.memoryGiB ?? size.memoryGiB,
        osImage: pool.osImage ?? flavour.defaults.osImage,
        kernelVersion: pool.kernelVersion ?? flavour.defaults.kernelVersion,
        containerRuntimeVersion:
          pool.containerRuntimeVersion ?? flavour.defaults.runtime,
        architecture: arch,
        kubeletVersion: pool.kubeletVersion ?? d.gitVersion,
        ready: true,
        createdAt,
      });
    }
  }
  const notReady = Math.min(options.notReadyNodes ?? 0, nodes.length);
  for (let i = nodes.length - notReady; i < nodes.length; i++)
    nodes[i].ready = false;

  const releases: HelmReleaseModel[] = (d.helmReleases ?? []).map(r => ({
    name: r.name,
    namespace: r.namespace,
    chart: r.chart,
    version: r.version,
    appVersion: r.appVersion ?? chartAppVersion(r.chart, r.version),
    values: r.values ?? {},
    revision: r.revision ?? 1,
    firstDeployed: r.firstDeployed ?? createdAt,
    lastDeployed: r.lastDeployed ?? r.firstDeployed ?? createdAt,
  }));

  const system: Workload[] = [
    {
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'kube-proxy',
      image: flavour.kubeProxyImage(version, d.region),
      labels: { 'k8s-app': 'kube-proxy' },
    },
    {
      kind: 'Deployment',
      namespace: 'kube-system',
      name: 'coredns',
      image: flavour.corednsImage(d.region),
      replicas: 2,
      labels: { 'k8s-app': 'kube-dns' },
    },
  ];
  const workloads = [
    ...system,
    ...(d.cni ? cniWorkloads(d.cni.name, d.cni.version) : []),
    ...(d.csi ?? []).flatMap(c => csiWorkloads(c.name, c.version)),
    ...releases.flatMap(releaseWorkloads),
  ];

  const namespaces = new Set([
    ...SYSTEM_NAMESPACES,
    ...workloads.map(w => w.namespace),
    ...releases.map(r => r.namespace),
    ...(d.namespaces ?? []),
    SCANS_NAMESPACE,
  ]);
  return {
    name: d.name,
    flavour: d.flavour,
    gitVersion: d.gitVersion,
    createdAt,
    nodes,
    workloads,
    storageClasses: (d.csi ?? []).flatMap(c => csiStorageClasses(c.name)),
    releases,
    namespaces: [...namespaces].sort(),
  };
}
