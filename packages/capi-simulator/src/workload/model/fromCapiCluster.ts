import { ResourceRegistry } from '../../api/ResourceRegistry';
import { ObjectStore } from '../../store/ObjectStore';
import { KubeObject } from '../../store/types';
import { hexOf } from '../random';
import { CniName, CsiName } from './components';
import {
  NodePoolDescription,
  WorkloadClusterDescription,
  WorkloadFlavour,
} from './description';
import { releaseFromProxy } from './releaseFromProxy';

type Json = Record<string, any>;

const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** What a Cluster API infrastructure provider's clusters look like inside. */
interface ProviderLook {
  flavour: WorkloadFlavour;
  region?: string;
  zones?: (region: string) => string[];
  instanceType?: string;
  cni: { name: CniName; version: string };
  csi: { name: CsiName; version: string };
}

const awsZones = (r: string) => [`${r}a`, `${r}b`, `${r}c`];
const azureZones = (r: string) => [`${r}-1`, `${r}-2`, `${r}-3`];
const calico = { name: 'calico' as const, version: '3.29.3' };
const ebs = { name: 'ebs' as const, version: '1.41.0' };
const azureDisk = { name: 'azure-disk' as const, version: '1.31.5' };
const gcePd = { name: 'gce-pd' as const, version: '1.15.4' };

/** By the kind of the Cluster's infrastructure object. */
const PROVIDERS: Record<string, ProviderLook> = {
  AWSCluster: {
    flavour: 'kubeadm',
    region: 'us-east-1',
    zones: awsZones,
    instanceType: 'm5.xlarge',
    cni: calico,
    csi: ebs,
  },
  AWSManagedCluster: {
    flavour: 'eks',
    region: 'us-east-1',
    zones: awsZones,
    instanceType: 'm5.xlarge',
    cni: { name: 'aws-vpc-cni', version: '1.19.5-eksbuild.1' },
    csi: ebs,
  },
  AzureCluster: {
    flavour: 'kubeadm',
    region: 'westeurope',
    zones: azureZones,
    instanceType: 'Standard_D4s_v5',
    cni: calico,
    csi: azureDisk,
  },
  AzureASOManagedCluster: {
    flavour: 'aks',
    region: 'westeurope',
    zones: azureZones,
    instanceType: 'Standard_D4s_v5',
    cni: { name: 'azure-cni', version: '1.6.21' },
    csi: azureDisk,
  },
  GCPCluster: {
    flavour: 'kubeadm',
    region: 'europe-west1',
    zones: r => [`${r}-b`, `${r}-c`, `${r}-d`],
    instanceType: 'n2-standard-4',
    cni: calico,
    csi: gcePd,
  },
  GCPManagedCluster: {
    flavour: 'gke',
    region: 'europe-west1',
    zones: r => [`${r}-b`, `${r}-c`, `${r}-d`],
    instanceType: 'e2-standard-4',
    cni: calico,
    csi: gcePd,
  },
  VSphereCluster: {
    flavour: 'kubeadm',
    cni: calico,
    csi: { name: 'vsphere', version: '3.4.0' },
  },
  OpenStackCluster: {
    flavour: 'kubeadm',
    region: 'RegionOne',
    cni: calico,
    csi: { name: 'cinder', version: '1.32.0' },
  },
  MaasCluster: {
    flavour: 'kubeadm',
    cni: calico,
    csi: { name: 'local-path', version: '0.0.31' },
  },
};

const DEV: ProviderLook = {
  flavour: 'kubeadm',
  cni: { name: 'kindnet', version: '20250214-acbabc1a' },
  csi: { name: 'local-path', version: '0.0.31' },
};

/** Charts that install a CNI: a cluster with one of them runs no other. */
const CNI_CHARTS = new Set(['cilium', 'tigera-operator', 'calico', 'flannel']);

/**
 * Describes the workload cluster of a Cluster API Cluster from what the
 * management cluster observes: the control plane's version and ready
 * replicas, the ready replicas of its worker pools and their instance types,
 * the provider (from the infrastructure kind), and its deployed
 * HelmReleaseProxies.
 */
export function describeCapiCluster(
  store: ObjectStore,
  registry: ResourceRegistry,
  cluster: KubeObject,
): WorkloadClusterDescription {
  const namespace = cluster.metadata.namespace ?? '';
  const name = cluster.metadata.name;
  const spec = (cluster.spec ?? {}) as Json;
  const read = (ref: Json | undefined, group?: string): Json | undefined => {
    const type =
      ref?.kind &&
      registry.findKind(group ?? ref.apiGroup ?? groupOf(ref), ref.kind);
    return type ? store.tryGet(type, namespace, ref!.name) : undefined;
  };
  const ofCluster = (group: string, kind: string): KubeObject[] => {
    const type = registry.findKind(group, kind);
    return type
      ? store.list(type, {
          namespace,
          labelSelector: `${CLUSTER_NAME_LABEL}=${name}`,
        }).items
      : [];
  };

  const infra = read(spec.infrastructureRef);
  const look = PROVIDERS[spec.infrastructureRef?.kind ?? ''] ?? DEV;
  const region: string | undefined =
    infra?.spec?.region ?? infra?.spec?.location ?? look.region;
  const controlPlane = read(spec.controlPlaneRef);
  const version = String(
    controlPlane?.status?.version ?? spec.topology?.version ?? 'v0.0.0',
  );

  const pools: NodePoolDescription[] = [];
  if (controlPlane?.spec?.machineTemplate !== undefined) {
    pools.push({
      name: 'control-plane',
      role: 'control-plane',
      count: Number(controlPlane.status?.readyReplicas ?? 0),
      ...machineSize(
        read(
          controlPlane.spec.machineTemplate?.spec?.infrastructureRef ??
            controlPlane.spec.machineTemplate?.infrastructureRef,
        ),
        look,
      ),
    });
  }
  for (const kind of ['MachineDeployment', 'MachinePool']) {
    for (const pool of ofCluster('cluster.x-k8s.io', kind)) {
      const poolName = (
        pool.metadata.name.startsWith(`${name}-`)
          ? pool.metadata.name.slice(name.length + 1)
          : pool.metadata.name
      ).slice(0, 40);
      pools.push({
        name: poolName,
        count: Number((pool.status as Json)?.readyReplicas ?? 0),
        labels: { 'cluster.x-k8s.io/deployment-name': pool.metadata.name },
        ...machineSize(
          read((pool.spec as Json)?.template?.spec?.infrastructureRef),
          look,
        ),
      });
    }
  }

  const releases = ofCluster('addons.cluster.x-k8s.io', 'HelmReleaseProxy')
    .filter(hrp => !hrp.metadata.deletionTimestamp)
    .map(hrp => releaseFromProxy(hrp))
    .filter(r => r !== undefined);

  return {
    name,
    gitVersion: gitVersionOf(version, look.flavour),
    flavour: look.flavour,
    region,
    zones: region ? look.zones?.(region) : undefined,
    createdAt: cluster.metadata.creationTimestamp,
    nodePools: pools,
    cni: releases.some(r => CNI_CHARTS.has(r.chart)) ? undefined : look.cni,
    csi: [look.csi],
    helmReleases: releases,
  };
}

function groupOf(ref: Json): string {
  return typeof ref.apiVersion === 'string' && ref.apiVersion.includes('/')
    ? ref.apiVersion.split('/')[0]
    : '';
}

/** A machine template's or machine pool's instance type (or vSphere's size). */
function machineSize(
  template: Json | undefined,
  look: ProviderLook,
): Pick<NodePoolDescription, 'instanceType' | 'cpu' | 'memoryGiB'> {
  const s = template?.spec?.template?.spec ?? template?.spec ?? {};
  const instanceType =
    s.instanceType ?? s.vmSize ?? s.machineType ?? s.flavor ?? undefined;
  if (typeof instanceType === 'string') return { instanceType };
  if (typeof s.numCPUs === 'number' && typeof s.memoryMiB === 'number')
    return { cpu: s.numCPUs, memoryGiB: Math.round(s.memoryMiB / 1024) };
  return { instanceType: look.instanceType };
}

/** The API server's gitVersion as the distribution reports it. */
function gitVersionOf(version: string, flavour: WorkloadFlavour): string {
  switch (flavour) {
    case 'eks':
      return `${version}-eks-${hexOf(version, 7)}`;
    case 'gke':
      return `${version}-gke.${1000 + (parseInt(hexOf(version, 4), 16) % 900)}`;
    default:
      return version;
  }
}
