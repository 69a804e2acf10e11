import { KubeObject } from '../store/types';
import { renderKubeconfig } from '../kubeconfig';
import { workloadToken } from '../workload/WorkloadApi';
import {
  ConditionSpec,
  falseCondition,
  findCondition,
  trueCondition,
  unknownCondition,
} from './conditions';
import {
  CLUSTER_FINALIZER,
  LABELS,
  SIMULATED_FAILURE_REASON,
} from './constants';
import {
  ControllerContext,
  ObjectRef,
  Spec,
  TypeInfo,
  clusterKeyOf,
  ownerRefTo,
  specOf,
  statusOf,
} from './context';
import { isControlPlaneInitialized, isMachineBased } from './controlPlane';
import { isProvisioned } from './infrastructure';
import { reconcileTopology } from './topology';
import { desiredReplicas, infraPoolOf } from './workers';

/** Reasons of TopologyReconciled that make a Cluster not available (the others are transient). */
const BLOCKING_TOPOLOGY_REASONS = new Set([
  'ReconcileFailed',
  'ClusterClassNotReconciled',
  'ClusterClassNotFound',
]);

interface ClusterParts {
  infraRef?: ObjectRef;
  infraInfo?: TypeInfo;
  infra?: KubeObject;
  cpRef?: ObjectRef;
  cpInfo?: TypeInfo;
  cp?: KubeObject;
  machineDeployments: KubeObject[];
  machinePools: KubeObject[];
}

/**
 * The Cluster controller (with the topology controller for managed
 * topologies): finalizer, references, control plane endpoint, kubeconfig
 * Secret, deletion in order (workers, control plane, infrastructure, then the
 * Cluster itself), and the v1beta2 status summarising all of it.
 */
export function reconcileCluster(
  ctx: ControllerContext,
  _key: string,
  info: TypeInfo,
  input: KubeObject,
) {
  let cluster = input;
  const deleting = !!cluster.metadata.deletionTimestamp;
  const sim = ctx.simulation(cluster, undefined, undefined);
  const hasTopology = !!specOf(cluster).topology;

  if (!deleting) cluster = ctx.addFinalizer(info, cluster, CLUSTER_FINALIZER);
  // Stalled: frozen, as a controller that stopped making progress.
  if (sim.stalled) return;

  if (sim.paused) {
    const wanted = [
      trueCondition('Paused', 'Paused', 'Cluster spec.paused is set to true'),
    ];
    if (hasTopology)
      wanted.push(
        falseCondition('TopologyReconciled', 'Paused', 'Cluster is paused'),
      );
    ctx.writeStatus(info, cluster, {
      ...statusOf(cluster),
      conditions: ctx.conditions(info, cluster, wanted, 'v1beta2'),
    });
    return;
  }

  let topologyCondition: ConditionSpec | undefined;
  if (hasTopology) {
    if (deleting) {
      topologyCondition = falseCondition(
        'TopologyReconciled',
        'Deleting',
        'Cluster is deleting',
      );
    } else {
      const outcome = reconcileTopology(ctx, info, cluster);
      cluster = outcome.cluster;
      topologyCondition = outcome.condition;
    }
  }

  const parts = readParts(ctx, cluster);
  if (!deleting) {
    parts.infra = adopt(ctx, cluster, parts.infraInfo, parts.infra);
    parts.cp = adopt(ctx, cluster, parts.cpInfo, parts.cp);
  }

  const previous = statusOf(cluster).initialization ?? {};
  const infraProvisioned =
    previous.infrastructureProvisioned === true ||
    isProvisioned(parts.infra) ||
    (!parts.infraRef && !hasTopology);
  const external = hasExternalControlPlane(cluster);
  const cpInitialized =
    previous.controlPlaneInitialized === true ||
    isControlPlaneInitialized(parts.cp) ||
    (external && hasKubeconfigSecret(ctx, cluster));

  // A Cluster whose control plane is external (an imported cluster) has
  // its endpoint and kubeconfig from whoever created it.
  if (!deleting && infraProvisioned && !external) {
    cluster = ensureEndpoint(ctx, info, cluster, parts);
  }
  if (!deleting && cpInitialized && !external) ensureKubeconfig(ctx, cluster);

  let deletingCondition: ConditionSpec | undefined;
  if (deleting) {
    deletingCondition = reconcileDeletion(ctx, cluster, parts);
    if (!deletingCondition) return;
  }

  ctx.writeStatus(
    info,
    cluster,
    clusterStatus(ctx, info, cluster, parts, {
      hasTopology,
      topologyCondition,
      deletingCondition,
      infraProvisioned,
      cpInitialized,
    }),
  );
}

/**
 * A Cluster with neither topology nor control plane reference stands for a
 * cluster Cluster API did not create (e.g. an imported one): its control
 * plane counts as initialized and available once its `<cluster>-kubeconfig`
 * Secret exists.
 */
export function hasExternalControlPlane(cluster: KubeObject): boolean {
  const spec = specOf(cluster);
  return !spec.topology && !spec.controlPlaneRef?.kind;
}

function hasKubeconfigSecret(ctx: ControllerContext, cluster: KubeObject) {
  const secretInfo = ctx.infoByKind('', 'Secret');
  return (
    !!secretInfo &&
    !!ctx.get(
      secretInfo,
      cluster.metadata.namespace,
      `${cluster.metadata.name}-kubeconfig`,
    )
  );
}

function readParts(ctx: ControllerContext, cluster: KubeObject): ClusterParts {
  const namespace = cluster.metadata.namespace ?? '';
  const spec = specOf(cluster);
  const infraRef = spec.infrastructureRef?.kind
    ? (spec.infrastructureRef as ObjectRef)
    : undefined;
  const cpRef = spec.controlPlaneRef?.kind
    ? (spec.controlPlaneRef as ObjectRef)
    : undefined;
  const infraInfo = ctx.infoOfRef(infraRef);
  const cpInfo = ctx.infoOfRef(cpRef);
  return {
    infraRef,
    infraInfo,
    infra:
      infraInfo && infraRef
        ? ctx.get(infraInfo, namespace, infraRef.name)
        : undefined,
    cpRef,
    cpInfo,
    cp: cpInfo && cpRef ? ctx.get(cpInfo, namespace, cpRef.name) : undefined,
    machineDeployments: ctx.childrenOf(
      namespace,
      cluster.metadata.name,
      'machineDeployment',
    ),
    machinePools: ctx.childrenOf(
      namespace,
      cluster.metadata.name,
      'machinePool',
    ),
  };
}

/** The Cluster controller sets itself as owner of the objects it references. */
function adopt(
  ctx: ControllerContext,
  cluster: KubeObject,
  info: TypeInfo | undefined,
  obj: KubeObject | undefined,
): KubeObject | undefined {
  if (!obj || !info || obj.metadata.deletionTimestamp) return obj;
  if (obj.metadata.ownerReferences?.some(r => r.uid === cluster.metadata.uid))
    return obj;
  const next = structuredClone(obj);
  next.metadata.ownerReferences = [
    ...(next.metadata.ownerReferences ?? []),
    ownerRefTo(cluster),
  ];
  return ctx.update(info, next);
}

/** Copies the control plane endpoint from the infrastructure (or control plane) to the Cluster. */
function ensureEndpoint(
  ctx: ControllerContext,
  info: TypeInfo,
  cluster: KubeObject,
  parts: ClusterParts,
): KubeObject {
  if (specOf(cluster).controlPlaneEndpoint?.host) return cluster;
  const candidates = [
    specOf(parts.infra).controlPlaneEndpoint,
    specOf(parts.cp).controlPlaneEndpoint,
    specOf(parts.cp).endpoint,
  ];
  let endpoint = candidates.find(e => e?.host && e?.port);
  if (!endpoint) {
    // Only clusters without infrastructure object get a derived endpoint at once.
    if (parts.infraRef) return cluster;
    endpoint = ctx.endpointOf(
      cluster.metadata.namespace ?? '',
      cluster.metadata.name,
    );
  }
  const next = structuredClone(cluster);
  next.spec = {
    ...specOf(next),
    controlPlaneEndpoint: { host: endpoint.host, port: endpoint.port },
  };
  return ctx.update(info, next);
}

/** The `<cluster>-kubeconfig` Secret Cluster API writes once the control plane is initialized. */
function ensureKubeconfig(ctx: ControllerContext, cluster: KubeObject) {
  const namespace = cluster.metadata.namespace ?? '';
  const name = cluster.metadata.name;
  if (ctx.kubeconfigSecrets.has(clusterKeyOf(namespace, name))) return;
  const secretInfo = ctx.infoByKind('', 'Secret');
  if (!secretInfo) return;
  const secretName = `${name}-kubeconfig`;
  if (ctx.get(secretInfo, namespace, secretName)) return;
  const user = `${name}-admin`;
  const kubeconfig = renderKubeconfig({
    server: ctx.workloadServerUrl(namespace, name),
    token: workloadToken(name),
    cluster: name,
    user,
    context: `${user}@${name}`,
  });
  ctx.create(secretInfo, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: secretName,
      namespace,
      labels: { [LABELS.clusterName]: name },
      ownerReferences: [ownerRefTo(cluster, true)],
    },
    type: 'cluster.x-k8s.io/secret',
    data: { value: Buffer.from(kubeconfig).toString('base64') },
  });
}

/**
 * Deletion in Cluster API's order: workers, then the control plane, then the
 * infrastructure cluster, then the finalizer goes. Returns the Deleting
 * condition, or undefined once the Cluster was released.
 */
function reconcileDeletion(
  ctx: ControllerContext,
  cluster: KubeObject,
  parts: ClusterParts,
): ConditionSpec | undefined {
  const namespace = cluster.metadata.namespace ?? '';
  const workers = [...parts.machineDeployments, ...parts.machinePools];
  if (workers.length) {
    for (const w of workers) {
      const info = ctx.infoOfObject(w);
      if (info) ctx.delete(info, namespace, w.metadata.name);
    }
    const lines = [];
    if (parts.machineDeployments.length)
      lines.push(
        `* MachineDeployments: ${parts.machineDeployments
          .map(o => o.metadata.name)
          .join(', ')}`,
      );
    if (parts.machinePools.length)
      lines.push(
        `* MachinePools: ${parts.machinePools
          .map(o => o.metadata.name)
          .join(', ')}`,
      );
    return trueCondition(
      'Deleting',
      'WaitingForWorkersDeletion',
      lines.join('\n'),
    );
  }
  if (parts.cp && parts.cpInfo) {
    ctx.delete(parts.cpInfo, namespace, parts.cp.metadata.name);
    return trueCondition(
      'Deleting',
      'WaitingForControlPlaneDeletion',
      `* Control plane: ${parts.cp.kind} ${parts.cp.metadata.name}`,
    );
  }
  if (parts.infra && parts.infraInfo) {
    ctx.delete(parts.infraInfo, namespace, parts.infra.metadata.name);
    return trueCondition(
      'Deleting',
      'WaitingForInfrastructureDeletion',
      `* Infrastructure: ${parts.infra.kind} ${parts.infra.metadata.name}`,
    );
  }
  ctx.removeFinalizer(ctx.clusterInfo, cluster, CLUSTER_FINALIZER);
  return undefined;
}

function workersReason(simulated: boolean, anyFalse: boolean): string {
  if (simulated) return SIMULATED_FAILURE_REASON;
  return anyFalse ? 'NotAvailable' : 'AvailableUnknown';
}

const firstLine = (message: string | undefined) =>
  (message ?? '').split('\n')[0];

function clusterStatus(
  ctx: ControllerContext,
  info: TypeInfo,
  cluster: KubeObject,
  parts: ClusterParts,
  opts: {
    hasTopology: boolean;
    topologyCondition?: ConditionSpec;
    deletingCondition?: ConditionSpec;
    infraProvisioned: boolean;
    cpInitialized: boolean;
  },
): Spec {
  const deleting = !!cluster.metadata.deletionTimestamp;
  const failInfra = ctx.simulation(
    cluster,
    undefined,
    'infrastructure',
  ).failure;
  const failCp = ctx.simulation(cluster, undefined, 'controlplane').failure;
  const failWorkers = ctx.simulation(cluster, undefined, 'workers').failure;
  const { infra, cp, infraRef, cpRef } = parts;
  const workers = [
    ...parts.machineDeployments.map(o => ({
      label: `MachineDeployment ${o.metadata.name}`,
      obj: o,
    })),
    ...parts.machinePools.map(o => ({
      label: `MachinePool ${o.metadata.name}`,
      obj: o,
    })),
  ];

  // InfrastructureReady mirrors the infrastructure cluster's Ready.
  let infraReady: ConditionSpec;
  if (failInfra) {
    infraReady = falseCondition(
      'InfrastructureReady',
      SIMULATED_FAILURE_REASON,
      failInfra.message,
    );
  } else if (!infraRef) {
    infraReady = opts.hasTopology
      ? falseCondition(
          'InfrastructureReady',
          'DoesNotExist',
          'Waiting for the cluster topology to be reconciled',
        )
      : trueCondition(
          'InfrastructureReady',
          'Ready',
          'Cluster has no infrastructure object',
        );
  } else if (!infra) {
    infraReady = falseCondition(
      'InfrastructureReady',
      deleting ? 'Deleted' : 'DoesNotExist',
      `${infraRef.kind} ${deleting ? 'has been deleted' : 'does not exist'}`,
    );
  } else {
    const ready = findCondition(infra, 'Ready');
    if (ready && ready.status !== 'True') {
      infraReady = {
        type: 'InfrastructureReady',
        status: ready.status,
        reason: ready.reason ?? 'NotReady',
        message: ready.message ?? `${infra.kind} is not ready`,
      };
    } else if (isProvisioned(infra)) {
      infraReady = trueCondition('InfrastructureReady', 'Ready');
    } else {
      infraReady = falseCondition(
        'InfrastructureReady',
        'NotReady',
        `${infra.kind} is not provisioned`,
      );
    }
  }

  const external = !opts.hasTopology && !cpRef;
  const waitingForKubeconfig = `Waiting for the Secret ${cluster.metadata.name}-kubeconfig`;
  const cpInitializedCondition = opts.cpInitialized
    ? trueCondition('ControlPlaneInitialized', 'Initialized')
    : falseCondition(
        'ControlPlaneInitialized',
        'NotInitialized',
        external ? waitingForKubeconfig : 'Control plane not yet initialized',
      );

  // ControlPlaneAvailable mirrors the control plane's Available (or, for
  // managed control planes on the v1beta1 contract, their ready flag).
  let cpAvailable: ConditionSpec;
  if (failCp) {
    cpAvailable = falseCondition(
      'ControlPlaneAvailable',
      SIMULATED_FAILURE_REASON,
      failCp.message,
    );
  } else if (external) {
    cpAvailable = opts.cpInitialized
      ? trueCondition(
          'ControlPlaneAvailable',
          'Available',
          'Control plane is managed outside Cluster API',
        )
      : falseCondition(
          'ControlPlaneAvailable',
          'NotAvailable',
          waitingForKubeconfig,
        );
  } else if (!cpRef) {
    cpAvailable = falseCondition(
      'ControlPlaneAvailable',
      'DoesNotExist',
      opts.hasTopology
        ? 'Waiting for the cluster topology to be reconciled'
        : 'Cluster spec.controlPlaneRef is not set',
    );
  } else if (!cp) {
    cpAvailable = falseCondition(
      'ControlPlaneAvailable',
      deleting ? 'Deleted' : 'DoesNotExist',
      `${cpRef.kind} ${deleting ? 'has been deleted' : 'does not exist'}`,
    );
  } else if (isMachineBased(parts.cpInfo, cp)) {
    const available = findCondition(cp, 'Available');
    cpAvailable = available
      ? {
          type: 'ControlPlaneAvailable',
          status: available.status,
          reason:
            available.reason ??
            (available.status === 'True' ? 'Available' : 'NotAvailable'),
          message: available.message ?? '',
        }
      : unknownCondition(
          'ControlPlaneAvailable',
          'AvailableUnknown',
          `Condition Available not yet reported from ${cp.kind}`,
        );
  } else {
    const ready = findCondition(cp, 'Ready');
    if (statusOf(cp).ready === true && isControlPlaneInitialized(cp)) {
      cpAvailable = trueCondition('ControlPlaneAvailable', 'Available');
    } else if (ready && ready.status !== 'True') {
      cpAvailable = {
        type: 'ControlPlaneAvailable',
        status: ready.status,
        reason: ready.reason ?? 'NotAvailable',
        message: ready.message ?? `${cp.kind} is not ready`,
      };
    } else {
      cpAvailable = falseCondition(
        'ControlPlaneAvailable',
        'NotAvailable',
        `${cp.kind} is not ready`,
      );
    }
  }

  // WorkersAvailable summarises the MachineDeployments' and MachinePools' Available.
  let workersAvailable: ConditionSpec;
  if (failWorkers) {
    workersAvailable = falseCondition(
      'WorkersAvailable',
      SIMULATED_FAILURE_REASON,
      failWorkers.message,
    );
  } else if (!workers.length) {
    workersAvailable = trueCondition('WorkersAvailable', 'NoWorkers');
  } else {
    const notAvailable = workers
      .map(w => ({ ...w, c: findCondition(w.obj, 'Available') }))
      .filter(w => w.c?.status !== 'True');
    if (!notAvailable.length) {
      workersAvailable = trueCondition('WorkersAvailable', 'Available');
    } else {
      const anyFalse = notAvailable.some(w => w.c?.status === 'False');
      const simulated = notAvailable.some(
        w => w.c?.reason === SIMULATED_FAILURE_REASON,
      );
      workersAvailable = {
        type: 'WorkersAvailable',
        status: anyFalse ? 'False' : 'Unknown',
        reason: workersReason(simulated, anyFalse),
        message: notAvailable
          .map(
            w =>
              `* ${w.label}: ${
                firstLine(w.c?.message) ||
                'Condition Available not yet reported'
              }`,
          )
          .join('\n'),
      };
    }
  }

  const remoteProbe = opts.cpInitialized
    ? trueCondition('RemoteConnectionProbe', 'ProbeSucceeded')
    : falseCondition(
        'RemoteConnectionProbe',
        'ProbeFailed',
        'Remote connection not established yet',
      );

  // RollingOut / ScalingUp / ScalingDown summarise the control plane and workers.
  const sources = [
    ...(cp ? [{ label: `${cp.kind} ${cp.metadata.name}`, obj: cp }] : []),
    ...workers,
  ];
  const summarize = (type: string, verb: string): ConditionSpec => {
    const lines = sources
      .map(s => ({ ...s, c: findCondition(s.obj, type) }))
      .filter(s => s.c?.status === 'True')
      .map(s => `* ${s.label}: ${firstLine(s.c?.message)}`);
    if (type === 'RollingOut' && cp && !isMachineBased(parts.cpInfo, cp)) {
      const want = specOf(cp).version;
      const have = statusOf(cp).version;
      if (isControlPlaneInitialized(cp) && want && have && want !== have)
        lines.unshift(
          `* ${cp.kind} ${cp.metadata.name}: Upgrading to version ${want}`,
        );
    }
    return lines.length
      ? trueCondition(type, verb, lines.join('\n'))
      : falseCondition(type, `Not${verb}`);
  };
  const rollingOut = summarize('RollingOut', 'RollingOut');
  const scalingUp = summarize('ScalingUp', 'ScalingUp');
  const scalingDown = summarize('ScalingDown', 'ScalingDown');

  const deletingCondition =
    opts.deletingCondition ?? falseCondition('Deleting', 'NotDeleting');
  const pausedCondition = falseCondition('Paused', 'NotPaused');

  let topologyCondition = opts.topologyCondition;
  if (opts.hasTopology && !topologyCondition) {
    const existing = findCondition(cluster, 'TopologyReconciled');
    topologyCondition = existing
      ? {
          type: existing.type,
          status: existing.status,
          reason: existing.reason ?? '',
          message: existing.message,
        }
      : unknownCondition(
          'TopologyReconciled',
          'ReconcilePending',
          'Topology not yet reconciled',
        );
  }

  // Available: all of the above, plus any availability gates.
  const issues: string[] = [];
  const unknowns: string[] = [];
  if (deleting) issues.push('* Deleting: Cluster is being deleted');
  for (const c of [infraReady, cpAvailable, workersAvailable, remoteProbe]) {
    if (c.status === 'False')
      issues.push(`* ${c.type}: ${firstLine(c.message)}`);
    if (c.status === 'Unknown')
      unknowns.push(`* ${c.type}: ${firstLine(c.message)}`);
  }
  if (
    topologyCondition &&
    topologyCondition.status !== 'True' &&
    BLOCKING_TOPOLOGY_REASONS.has(topologyCondition.reason)
  ) {
    issues.push(
      `* TopologyReconciled: ${firstLine(topologyCondition.message)}`,
    );
  }
  const ours = new Map<string, ConditionSpec>(
    [
      infraReady,
      cpInitializedCondition,
      cpAvailable,
      workersAvailable,
      remoteProbe,
    ].map(c => [c.type, c]),
  );
  for (const gate of (specOf(cluster).availabilityGates ?? []) as Spec[]) {
    const c =
      ours.get(gate.conditionType) ??
      findCondition(cluster, gate.conditionType);
    const wantStatus = gate.polarity === 'Negative' ? 'False' : 'True';
    if (!c || c.status === 'Unknown')
      unknowns.push(`* ${gate.conditionType}: Condition not yet reported`);
    else if (c.status !== wantStatus)
      issues.push(`* ${gate.conditionType}: ${firstLine(c.message)}`);
  }
  let available: ConditionSpec = trueCondition('Available', 'Available');
  if (issues.length) {
    available = falseCondition('Available', 'NotAvailable', issues.join('\n'));
  } else if (unknowns.length) {
    available = unknownCondition(
      'Available',
      'AvailableUnknown',
      unknowns.join('\n'),
    );
  }

  const wanted: ConditionSpec[] = [
    available,
    infraReady,
    cpInitializedCondition,
    cpAvailable,
    workersAvailable,
    remoteProbe,
    rollingOut,
    scalingUp,
    scalingDown,
    ...(topologyCondition ? [topologyCondition] : []),
    deletingCondition,
    pausedCondition,
  ];

  // Deprecated phase, as Cluster API still computes it.
  let phase = 'Pending';
  if (infraRef || cpRef) phase = 'Provisioning';
  const endpoint = specOf(cluster).controlPlaneEndpoint;
  if (opts.infraProvisioned && endpoint?.host && endpoint?.port)
    phase = 'Provisioned';
  if (failInfra) phase = 'Failed';
  if (deleting) phase = 'Deleting';

  const status: Spec = {
    ...statusOf(cluster),
    conditions: ctx.conditions(info, cluster, wanted, 'v1beta2'),
    initialization: {
      infrastructureProvisioned: opts.infraProvisioned,
      controlPlaneInitialized: opts.cpInitialized,
    },
  };
  if (cp && isMachineBased(parts.cpInfo, cp)) {
    const s = statusOf(cp);
    status.controlPlane = {
      desiredReplicas: specOf(cp).replicas ?? 1,
      replicas: s.replicas ?? 0,
      readyReplicas: s.readyReplicas ?? 0,
      availableReplicas: s.availableReplicas ?? 0,
      upToDateReplicas: s.upToDateReplicas ?? 0,
    };
  } else {
    delete status.controlPlane;
  }
  const counters = {
    desiredReplicas: 0,
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    upToDateReplicas: 0,
  };
  for (const { obj } of workers) {
    const s = statusOf(obj);
    counters.desiredReplicas += desiredReplicas(obj, infraPoolOf(ctx, obj));
    counters.replicas += s.replicas ?? 0;
    counters.readyReplicas += s.readyReplicas ?? 0;
    counters.availableReplicas += s.availableReplicas ?? 0;
    counters.upToDateReplicas += s.upToDateReplicas ?? 0;
  }
  status.workers = counters;
  status.observedGeneration = cluster.metadata.generation;
  status.phase = phase;
  return status;
}
