import { RenderMessages } from './messages';

function prefixOf(key: string): string | undefined {
  const slash = key.indexOf('/');
  return slash < 0 ? undefined : key.slice(0, slash);
}

const inDomain = (prefix: string, domain: string) =>
  prefix === domain || prefix.endsWith(`.${domain}`);

/**
 * Label domains Cluster API copies from Machines to Nodes (its documented
 * metadata propagation): these travel through the topology's metadata.
 */
const SYNCED_DOMAINS = [
  'node-restriction.kubernetes.io',
  'node.cluster.x-k8s.io',
];
const SYNCED_PREFIXES = ['node-role.kubernetes.io'];

/** Kubernetes-owned domains the kubelet may still label its own Node with (NodeRestriction). */
const KUBELET_ALLOWED_DOMAINS = ['kubelet.kubernetes.io', 'node.kubernetes.io'];

/** Where the labels of a kubeadm worker pool go. */
export interface PoolNodeLabels {
  /** Set on the MachineDeployment; Cluster API syncs them to the Nodes. */
  synced: Record<string, string>;
  /** Passed to the kubelet as `--node-labels`. */
  kubelet: Record<string, string>;
}

/**
 * Splits a self-managed pool's labels: those in the domains Cluster API
 * syncs to Nodes go on the Machines; the rest are kubelet self-labels, except
 * other `kubernetes.io` / `k8s.io` labels, which the NodeRestriction
 * admission plugin forbids a kubelet to set (reported as errors on `field`).
 */
export function splitPoolLabels(
  labels: Record<string, string> | undefined,
  field: string,
  messages: RenderMessages,
): PoolNodeLabels {
  const result: PoolNodeLabels = { synced: {}, kubelet: {} };
  for (const [key, value] of Object.entries(labels ?? {})) {
    const prefix = prefixOf(key);
    if (
      prefix &&
      (SYNCED_PREFIXES.includes(prefix) ||
        SYNCED_DOMAINS.some(d => inDomain(prefix, d)))
    ) {
      result.synced[key] = value;
    } else if (
      prefix &&
      (inDomain(prefix, 'kubernetes.io') || inDomain(prefix, 'k8s.io')) &&
      !KUBELET_ALLOWED_DOMAINS.some(d => inDomain(prefix, d))
    ) {
      messages.error(
        'pool.labels',
        `${field}.${key}`,
        `nodes cannot label themselves with "${key}": labels in the kubernetes.io and k8s.io domains are reserved (use node-role.kubernetes.io/, node.kubernetes.io/ or your own domain)`,
      );
    } else {
      result.kubelet[key] = value;
    }
  }
  return result;
}
