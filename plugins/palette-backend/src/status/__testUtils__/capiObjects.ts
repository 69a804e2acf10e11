import { LiveClusterObjects, LiveObject } from '../types';

// Hand-made Cluster API v1beta2 objects for edge cases the simulator does not
// reach on its own (timeouts, providers' v1beta1 conditions, odd shapes).

export const CLUSTER = 'demo';
const CORE = 'cluster.x-k8s.io/v1beta2';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  severity?: string;
  lastTransitionTime?: string;
}

export const cond = (
  type: string,
  status: Condition['status'],
  reason?: string,
  message?: string,
  lastTransitionTime = '2025-06-01T10:00:00Z',
): Condition => ({ type, status, reason, message, lastTransitionTime });

/** Replica counts; unset ones equal the desired count. */
export interface Counts {
  desired: number;
  current?: number;
  ready?: number;
  available?: number;
  upToDate?: number;
}

function counters(c: Counts) {
  const current = c.current ?? c.desired;
  const ready = c.ready ?? current;
  return {
    desiredReplicas: c.desired,
    replicas: current,
    readyReplicas: ready,
    availableReplicas: c.available ?? ready,
    upToDateReplicas: c.upToDate ?? current,
  };
}

/** The Cluster's v1beta2 conditions when all is well. */
export const HEALTHY_CLUSTER_CONDITIONS: Condition[] = [
  cond('Available', 'True', 'Available'),
  cond('InfrastructureReady', 'True', 'Ready'),
  cond('ControlPlaneInitialized', 'True', 'Initialized'),
  cond('ControlPlaneAvailable', 'True', 'Available'),
  cond('WorkersAvailable', 'True', 'Available'),
  cond('RemoteConnectionProbe', 'True', 'ProbeSucceeded'),
  cond('RollingOut', 'False', 'NotRollingOut'),
  cond('ScalingUp', 'False', 'NotScalingUp'),
  cond('ScalingDown', 'False', 'NotScalingDown'),
  cond('TopologyReconciled', 'True', 'ReconcileSucceeded'),
  cond('Deleting', 'False', 'NotDeleting'),
  cond('Paused', 'False', 'NotPaused'),
];

/** The conditions with some replaced (by type). */
export function withConditions(
  base: Condition[],
  ...changes: Condition[]
): Condition[] {
  const byType = new Map(base.map(c => [c.type, c]));
  for (const c of changes) byType.set(c.type, c);
  return [...byType.values()];
}

export interface ClusterOptions {
  generation?: number;
  observedGeneration?: number;
  conditions?: Condition[];
  controlPlane?: Counts;
  workers?: Counts;
  version?: string;
  endpoint?: { host: string; port?: number };
  deletionTimestamp?: string;
  paused?: boolean;
  controlPlaneRef?: { apiGroup: string; kind: string; name: string };
}

export function clusterObject(o: ClusterOptions = {}): LiveObject {
  const generation = o.generation ?? 1;
  return {
    apiVersion: CORE,
    kind: 'Cluster',
    metadata: {
      name: CLUSTER,
      namespace: 'default',
      generation,
      ...(o.deletionTimestamp
        ? { deletionTimestamp: o.deletionTimestamp }
        : {}),
    },
    spec: {
      ...(o.paused ? { paused: true } : {}),
      topology: { classRef: { name: 'dev' }, version: o.version ?? 'v1.33.4' },
      controlPlaneRef: o.controlPlaneRef ?? {
        apiGroup: 'controlplane.cluster.x-k8s.io',
        kind: 'KubeadmControlPlane',
        name: `${CLUSTER}-control-plane`,
      },
      ...(o.endpoint ? { controlPlaneEndpoint: o.endpoint } : {}),
    },
    status: {
      observedGeneration: o.observedGeneration ?? generation,
      initialization: {
        infrastructureProvisioned: true,
        controlPlaneInitialized: true,
      },
      conditions: o.conditions ?? HEALTHY_CLUSTER_CONDITIONS,
      ...(o.controlPlane ? { controlPlane: counters(o.controlPlane) } : {}),
      ...(o.workers ? { workers: counters(o.workers) } : {}),
    },
  };
}

export interface MachinesOptions {
  replicas: Counts;
  /** What runs: `[{version, replicas}]` (default: all at `specVersion`). */
  versions?: Array<{ version: string; replicas: number }>;
  specVersion?: string;
  conditions?: Condition[];
  generation?: number;
  observedGeneration?: number;
  deletionTimestamp?: string;
}

function machineOwner(
  kind: string,
  apiVersion: string,
  name: string,
  spec: Record<string, unknown>,
  o: MachinesOptions,
  extraStatus: Record<string, unknown> = {},
  labels: Record<string, string> = {},
): LiveObject {
  const c = counters(o.replicas);
  const version = o.specVersion ?? 'v1.33.4';
  const generation = o.generation ?? 1;
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      namespace: 'default',
      generation,
      labels: { 'cluster.x-k8s.io/cluster-name': CLUSTER, ...labels },
      ...(o.deletionTimestamp
        ? { deletionTimestamp: o.deletionTimestamp }
        : {}),
    },
    spec: { replicas: o.replicas.desired, ...spec },
    status: {
      observedGeneration: o.observedGeneration ?? generation,
      replicas: c.replicas,
      readyReplicas: c.readyReplicas,
      availableReplicas: c.availableReplicas,
      upToDateReplicas: c.upToDateReplicas,
      versions: o.versions ?? [{ version, replicas: c.replicas }],
      conditions: o.conditions ?? [
        cond('Available', 'True', 'Available'),
        cond('MachinesReady', 'True', 'Ready'),
        cond('RollingOut', 'False', 'NotRollingOut'),
      ],
      ...extraStatus,
    },
  };
}

export function kubeadmControlPlane(o: MachinesOptions): LiveObject {
  const version = o.specVersion ?? 'v1.33.4';
  const running = (o.versions ?? [{ version }]).map(v => v.version).sort()[0];
  return machineOwner(
    'KubeadmControlPlane',
    'controlplane.cluster.x-k8s.io/v1beta2',
    `${CLUSTER}-control-plane`,
    { version },
    o,
    { version: running, initialization: { controlPlaneInitialized: true } },
  );
}

export function machineDeployment(
  pool: string,
  o: MachinesOptions,
): LiveObject {
  return machineOwner(
    'MachineDeployment',
    CORE,
    `${CLUSTER}-${pool}`,
    {
      clusterName: CLUSTER,
      template: { spec: { version: o.specVersion ?? 'v1.33.4' } },
    },
    o,
    {},
    { 'topology.cluster.x-k8s.io/deployment-name': pool },
  );
}

/** A cluster as Cluster API reports it when every machine is ready and up to date. */
export function healthyCluster(
  o: { version?: string; controlPlane?: number; workers?: number } = {},
): LiveClusterObjects {
  const version = o.version ?? 'v1.33.4';
  const cp = o.controlPlane ?? 3;
  const workers = o.workers ?? 3;
  return {
    cluster: clusterObject({
      version,
      controlPlane: { desired: cp },
      workers: { desired: workers },
      endpoint: { host: 'demo.example.com', port: 6443 },
    }),
    controlPlane: kubeadmControlPlane({
      replicas: { desired: cp },
      specVersion: version,
    }),
    pools: [
      machineDeployment('workers', {
        replicas: { desired: workers },
        specVersion: version,
      }),
    ],
  };
}
