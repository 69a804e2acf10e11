import type { V1Node } from '@kubernetes/client-node';
import type { DiscoveredNode } from '@palette-backstage/plugin-palette-common';

/** Labels that name a node's pool, most specific first. */
const POOL_LABELS = [
  'eks.amazonaws.com/nodegroup',
  'kubernetes.azure.com/agentpool',
  'cloud.google.com/gke-nodepool',
  'cluster.x-k8s.io/deployment-name',
];
const ROLE_PREFIX = 'node-role.kubernetes.io/';
/** Conditions that are a problem when True (Ready is one when not True). */
const PRESSURE_CONDITIONS = [
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
  'NetworkUnavailable',
];

/** A CPU quantity (`4`, `3500m`) in cores. */
export function parseCpu(quantity?: string): number {
  if (!quantity) return 0;
  if (quantity.endsWith('m')) return Number(quantity.slice(0, -1)) / 1000;
  return Number(quantity) || 0;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A memory quantity (`16Gi`, `16391252Ki`, `17179869184`) in GiB, to 0.1. */
export function parseMemoryGiB(quantity?: string): number {
  const match = quantity?.match(/^(\d+(?:\.\d+)?)([KMGT]i|[kMGT])?$/);
  if (!match) return 0;
  const unit = match[2];
  const factor = unit ? BINARY[unit] ?? DECIMAL[unit] : 1;
  return Math.round((Number(match[1]) * factor * 10) / 2 ** 30) / 10;
}

function poolOf(labels: Record<string, string>, roles: string[]) {
  for (const key of POOL_LABELS) if (labels[key]) return labels[key];
  if (roles.includes('control-plane')) return 'control-plane';
  return undefined;
}

/** One node as discovery reports it: size, software, placement and health. */
export function describeNode(node: V1Node): DiscoveredNode {
  const labels = node.metadata?.labels ?? {};
  const info = node.status?.nodeInfo;
  const roles = Object.keys(labels)
    .filter(k => k.startsWith(ROLE_PREFIX))
    .map(k => k.slice(ROLE_PREFIX.length))
    .filter(Boolean);
  const conditions = node.status?.conditions ?? [];
  const readyCondition = conditions.find(c => c.type === 'Ready');
  const ready = readyCondition?.status === 'True';
  const problems = [
    ...(ready
      ? []
      : [
          `not Ready${
            readyCondition?.reason ? ` (${readyCondition.reason})` : ''
          }`,
        ]),
    ...conditions
      .filter(c => PRESSURE_CONDITIONS.includes(c.type) && c.status === 'True')
      .map(c => c.type),
  ];
  const capacity = node.status?.capacity ?? {};
  const pool = poolOf(labels, roles);
  const instanceType =
    labels['node.kubernetes.io/instance-type'] ??
    labels['beta.kubernetes.io/instance-type'];
  const region = labels['topology.kubernetes.io/region'];
  const zone = labels['topology.kubernetes.io/zone'];
  return {
    name: node.metadata?.name ?? '',
    ...(pool ? { pool } : {}),
    roles,
    ...(instanceType ? { instanceType } : {}),
    ...(region ? { region } : {}),
    ...(zone ? { zone } : {}),
    cpu: parseCpu(capacity.cpu),
    memoryGiB: parseMemoryGiB(capacity.memory),
    osImage: info?.osImage ?? 'unknown',
    ...(info?.kernelVersion ? { kernelVersion: info.kernelVersion } : {}),
    ...(info?.containerRuntimeVersion
      ? { containerRuntime: info.containerRuntimeVersion }
      : {}),
    ...(info?.architecture ? { architecture: info.architecture } : {}),
    kubeletVersion: info?.kubeletVersion ?? '',
    ready,
    problems,
  };
}

/** The cloud the nodes run on, from their provider IDs (`aws:///…`, `gce://…`). */
export function providerIdScheme(nodes: V1Node[]): string | undefined {
  const id = nodes.find(n => n.spec?.providerID)?.spec?.providerID;
  return id?.match(/^([a-z0-9-]+):\/\//)?.[1];
}
