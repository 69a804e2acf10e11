import type { V1Node } from '@kubernetes/client-node';

/**
 * The Kubernetes distribution, from the version string the API server
 * reports and what the nodes and API groups say: managed services and
 * lightweight distributions mark their builds (`v1.32.3-eks-4096722`,
 * `v1.31.5-gke.1023000`, `v1.30.4+k3s1`, `v1.30.4+rke2r1`); AKS and
 * OpenShift are recognised by node labels and API groups.
 */
export function detectDistribution(input: {
  gitVersion: string;
  nodes: V1Node[];
  apiGroups: string[];
}): string {
  const { gitVersion, nodes, apiGroups } = input;
  if (/-eks-/.test(gitVersion)) return 'eks';
  if (/-gke\./.test(gitVersion)) return 'gke';
  if (/\+k3s/.test(gitVersion)) return 'k3s';
  if (/\+rke2/.test(gitVersion)) return 'rke2';
  const labels = nodes.map(n => n.metadata?.labels ?? {});
  if (
    labels.some(
      l =>
        'kubernetes.azure.com/cluster' in l ||
        'kubernetes.azure.com/agentpool' in l,
    )
  )
    return 'aks';
  if (
    apiGroups.some(
      g => g === 'config.openshift.io' || g.endsWith('.openshift.io'),
    )
  )
    return 'openshift';
  return 'kubeadm';
}

/** `v1.32.3-eks-4096722` → `1.32.3`. */
export function plainVersion(gitVersion: string): string {
  return (
    gitVersion.replace(/^v/, '').match(/^\d+\.\d+\.\d+/)?.[0] ?? gitVersion
  );
}
