import { toContract } from './derive/conditions';
import { decidePhase } from './derive/decidePhase';
import { Observation, observe } from './derive/observe';
import { derivePools, poolTarget } from './derive/pools';
import { at, numberAt, stringAt } from './derive/read';
import {
  DerivedClusterStatus,
  DesiredClusterInfo,
  LiveClusterObjects,
} from './types';

/** `https://host:port` from the Cluster's `spec.controlPlaneEndpoint` (IPv6 hosts bracketed). */
function apiServerOf(live: LiveClusterObjects): string | undefined {
  const endpoint = at(live.cluster, 'spec.controlPlaneEndpoint');
  const host = stringAt(endpoint, 'host');
  if (!host) return undefined;
  const port = numberAt(endpoint, 'port');
  const hostPart =
    host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `https://${hostPart}${port ? `:${port}` : ''}`;
}

/**
 * Nodes ready over nodes asked for. Control plane machines count, except for
 * managed control planes (the cloud runs them); the request's counts are
 * used, the live ones only for what the request does not say.
 */
function nodesOf(obs: Observation, desired: DesiredClusterInfo) {
  const cp = obs.controlPlane;
  const liveDesired = (name: string) =>
    obs.pools.find(p => p.name === name)?.counters?.desired;
  const requested = Object.entries(desired.pools);
  const workersDesired = requested.length
    ? requested.reduce(
        (n, [name, size]) => n + poolTarget(size, liveDesired(name)),
        0,
      )
    : obs.workers?.desired ?? 0;
  const cpDesired = cp.managed
    ? 0
    : desired.controlPlaneReplicas ?? cp.counters?.desired ?? 0;
  return {
    ready:
      (cp.managed ? 0 : cp.counters?.ready ?? 0) + (obs.workers?.ready ?? 0),
    desired: cpDesired + workersDesired,
  };
}

/**
 * Derives a cluster's lifecycle status from its live Cluster API objects and
 * what the product asked for. Pure: the same objects, records and time give
 * the same status, so callers can derive on every watch event.
 *
 * Readiness follows Cluster API v1beta2 (`Available` and
 * `TopologyReconciled` True, the latest generation observed, every replica
 * counter up to date), never the deprecated `status.phase`. Cluster API has
 * no terminal failure, so the product's own timeouts turn provisioning or an
 * update that does not finish into `Failed`.
 */
export function deriveClusterStatus(
  live: LiveClusterObjects,
  desired: DesiredClusterInfo,
  now: Date,
): DerivedClusterStatus {
  const obs = observe(live, desired);
  const decision = decidePhase(obs, desired, now);
  const status: DerivedClusterStatus = {
    phase: decision.phase,
    conditions: obs.conditions.map(toContract),
    controlPlane: {
      managed: obs.controlPlane.managed,
      ...(obs.controlPlane.counters
        ? { replicas: obs.controlPlane.counters }
        : {}),
      ...(obs.controlPlane.version
        ? { version: obs.controlPlane.version }
        : {}),
    },
    pools: derivePools(live.pools),
    nodes: nodesOf(obs, desired),
  };
  if (decision.message) status.message = decision.message;
  if (decision.lastError) status.lastError = decision.lastError;
  if (decision.progress) status.progress = decision.progress;
  if (obs.controlPlane.version)
    status.kubernetesVersion = obs.controlPlane.version;
  const apiServer = apiServerOf(live);
  if (apiServer) status.apiServer = apiServer;
  return status;
}
