import { ResponseError } from '@backstage/errors';
import {
  ClusterDetails,
  ClusterInventory,
  ImportMode,
} from '@palette-backstage/plugin-palette-common';
import { clusterDetails } from '../../clusters/__testUtils__/fixtures';

/** An EKS cluster imported by kubeconfig, running, in the given mode. */
export function importedCluster(
  mode: ImportMode = 'read-only',
  overrides: Partial<ClusterDetails> = {},
): ClusterDetails {
  return clusterDetails({
    name: 'legacy-eks',
    provider: 'eks',
    cloudAccount: '',
    profile: undefined,
    kubernetesVersion: '1.32.3',
    imported: {
      mode,
      importedAt: '2026-10-06T08:00:00Z',
      distribution: 'eks',
      lastDiscoveredAt: '2026-10-06T09:00:00Z',
    },
    controlPlane: { managed: true, version: 'v1.32.3' },
    pools: [],
    conditions: [],
    apiServer: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
    nodes: { ready: 2, desired: 3 },
    ...overrides,
  });
}

/** What discovery finds on `legacy-eks`: three nodes, one not ready. */
export function inventory(
  overrides: Partial<ClusterInventory> = {},
): ClusterInventory {
  const node = {
    pool: 'general',
    roles: [],
    instanceType: 'm6i.xlarge',
    region: 'eu-west-1',
    cpu: 4,
    memoryGiB: 15.5,
    osImage: 'Amazon Linux 2023.6.20250107',
    kubeletVersion: 'v1.32.3-eks-473151a',
    architecture: 'amd64',
    ready: true,
    problems: [],
  };
  return {
    discoveredAt: '2026-10-06T09:00:00Z',
    kubernetes: {
      gitVersion: 'v1.32.3-eks-4096722',
      version: '1.32.3',
      distribution: 'eks',
      platform: 'linux/amd64',
    },
    provider: 'eks',
    region: 'eu-west-1',
    nodes: [
      { ...node, name: 'ip-10-0-1-10.eu-west-1.compute.internal' },
      { ...node, name: 'ip-10-0-1-11.eu-west-1.compute.internal' },
      {
        ...node,
        name: 'ip-10-0-2-12.eu-west-1.compute.internal',
        pool: 'batch',
        instanceType: 'c6i.2xlarge',
        cpu: 8,
        ready: false,
        problems: ['MemoryPressure', 'kubelet stopped posting node status'],
      },
    ],
    cni: {
      name: 'aws-vpc-cni',
      version: '1.19.2',
      source: 'DaemonSet kube-system/aws-node',
    },
    csi: [
      {
        name: 'ebs.csi.aws.com',
        version: '1.38.1',
        source: 'CSIDriver ebs.csi.aws.com',
      },
    ],
    helmReleases: [
      {
        name: 'ingress-nginx',
        namespace: 'ingress-nginx',
        chart: 'ingress-nginx',
        chartVersion: '4.12.0',
        appVersion: '1.12.0',
        revision: 3,
        status: 'deployed',
        values: { controller: { replicaCount: 2 }, apiKey: '<redacted>' },
      },
      {
        name: 'metrics-server',
        namespace: 'kube-system',
        chart: 'metrics-server',
        chartVersion: '3.12.2',
        revision: 1,
        status: 'deployed',
        values: {},
      },
    ],
    namespaces: ['default', 'ingress-nginx', 'kube-system', 'payments'],
    ...overrides,
  };
}

/** The ResponseError palette-backend's error handler would give. */
export async function errorResponse(
  status: number,
  name: string,
  message: string,
) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ) as any,
  );
}
