import type {
  ClusterCondition,
  ClusterInventory,
  DiscoveredNode,
  ReplicaStatus,
} from '@palette-backstage/plugin-palette-common';
import { isManagedCloudType } from '@palette-backstage/plugin-palette-common';
import { ObservedClusterStatus, StatusUpdate } from '../clusters/types';
import { WorkloadApiError } from './discovery/errors';

const replicas = (nodes: DiscoveredNode[]): ReplicaStatus => {
  const ready = nodes.filter(n => n.ready).length;
  return {
    desired: nodes.length,
    current: nodes.length,
    ready,
    upToDate: nodes.length,
    available: ready,
  };
};

export const isControlPlane = (n: DiscoveredNode) =>
  n.roles.includes('control-plane') || n.roles.includes('master');

/** The pool a node counts in: its pool label, else `workers`. */
export const poolNameOf = (n: DiscoveredNode) => n.pool ?? 'workers';

/** Nodes by pool, control plane nodes left out. */
export function workerPoolsOf(
  inventory: ClusterInventory,
): Map<string, DiscoveredNode[]> {
  const pools = new Map<string, DiscoveredNode[]>();
  for (const node of inventory.nodes.filter(n => !isControlPlane(n))) {
    const name = poolNameOf(node);
    pools.set(name, [...(pools.get(name) ?? []), node]);
  }
  return pools;
}

/** A node's problems as conditions, as the cluster page lists them. */
function nodeConditions(nodes: DiscoveredNode[]): ClusterCondition[] {
  return nodes
    .filter(n => n.problems.length)
    .map(n => ({
      source: `Node/${n.name}`,
      type: 'Ready',
      status: n.ready ? ('True' as const) : ('False' as const),
      message: n.problems.join(', '),
    }));
}

/**
 * The lifecycle status of an imported cluster from a successful discovery:
 * Running when every node is Ready, Degraded (naming the nodes) otherwise.
 */
export function statusFromInventory(
  inventory: ClusterInventory,
  apiServer: string,
): StatusUpdate {
  const notReady = inventory.nodes.filter(n => !n.ready);
  const controlPlane = inventory.nodes.filter(isControlPlane);
  const managed = isManagedCloudType(inventory.provider ?? '');
  const status: ObservedClusterStatus = {
    conditions: nodeConditions(inventory.nodes),
    controlPlane: {
      managed,
      ...(controlPlane.length ? { replicas: replicas(controlPlane) } : {}),
      version: inventory.kubernetes.gitVersion,
    },
    pools: [...workerPoolsOf(inventory)].map(([name, nodes]) => ({
      name,
      kind: 'NodePool',
      replicas: replicas(nodes),
      version: nodes[0].kubeletVersion,
    })),
    kubernetesVersion: inventory.kubernetes.gitVersion,
    apiServer,
  };
  const shown = notReady.slice(0, 5).map(n => n.name);
  return {
    phase: notReady.length ? 'Degraded' : 'Running',
    ...(notReady.length
      ? {
          message: `${notReady.length} of ${
            inventory.nodes.length
          } node(s) not Ready: ${shown.join(', ')}${
            notReady.length > shown.length ? ', …' : ''
          }`,
        }
      : {}),
    status,
    nodes: {
      ready: inventory.nodes.length - notReady.length,
      desired: inventory.nodes.length,
    },
  };
}

/**
 * The status of an imported cluster whose API server could not be used:
 * Unreachable, saying whether it did not answer or refused the credentials.
 * The last observed status is kept (with the error), as is the node count.
 */
export function statusFromFailure(
  error: WorkloadApiError,
  previous: { status?: ObservedClusterStatus; nodes: StatusUpdate['nodes'] },
  at: Date,
): StatusUpdate {
  const { reason, message } = {
    unauthorized: {
      reason: 'CredentialsRefused',
      message: `The API server refused the stored credentials: ${error.message}. Re-import the cluster with a valid kubeconfig`,
    },
    unreachable: {
      reason: 'Unreachable',
      message: `The API server cannot be reached: ${error.message}`,
    },
    failed: {
      reason: 'DiscoveryFailed',
      message: `Discovery failed: ${error.message}`,
    },
  }[error.kind];
  const status = previous.status ?? {
    conditions: [],
    controlPlane: { managed: false },
    pools: [],
  };
  return {
    phase: 'Unreachable',
    message,
    status: {
      ...status,
      lastError: {
        reason,
        message,
        at:
          status.lastError?.reason === reason
            ? status.lastError.at
            : at.toISOString(),
      },
    },
    nodes: { ready: 0, desired: previous.nodes.desired },
  };
}
