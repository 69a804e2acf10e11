import { KubeObject } from '../store/types';
import { ConditionSpec, falseCondition, trueCondition } from './conditions';
import { GROUPS, LABELS } from './constants';
import {
  ControllerContext,
  ObjectRef,
  Spec,
  TypeInfo,
  ownerRefTo,
  specOf,
  statusOf,
} from './context';
import { isMachineBased } from './controlPlane';
import { AUTOSCALER_MIN_SIZE } from './workers';
import { finalizerOf } from './kinds';

/** A ClusterClass `templateRef` (`{apiVersion, kind, name}`). */
interface TemplateRef {
  apiVersion?: string;
  kind?: string;
  name?: string;
}

const groupOf = (apiVersion: string | undefined) =>
  apiVersion?.includes('/') ? apiVersion.split('/')[0] : '';

/** A `{apiGroup, kind, name}` reference to the template itself. */
const refToTemplate = (t: TemplateRef): ObjectRef => ({
  apiGroup: groupOf(t.apiVersion),
  kind: t.kind ?? '',
  name: t.name ?? '',
});

const sameRef = (a: Partial<ObjectRef> | undefined, b: ObjectRef) =>
  a?.apiGroup === b.apiGroup && a?.kind === b.kind && a?.name === b.name;

/** The kind a template stamps out (AWSClusterTemplate → AWSCluster). */
function stampedInfo(
  ctx: ControllerContext,
  t: TemplateRef | undefined,
): TypeInfo | undefined {
  if (!t?.kind?.endsWith('Template')) return undefined;
  return ctx.infoByKind(
    groupOf(t.apiVersion),
    t.kind.slice(0, -'Template'.length),
  );
}

/** `spec.template.spec` of a template object, when it exists (templates are optional here). */
function templateSpec(
  ctx: ControllerContext,
  namespace: string,
  t: TemplateRef | undefined,
): Spec {
  const info = t?.kind
    ? ctx.infoByKind(groupOf(t.apiVersion), t.kind)
    : undefined;
  const template =
    info && t?.name ? ctx.get(info, namespace, t.name) : undefined;
  const spec = specOf(template).template?.spec;
  return spec && typeof spec === 'object' ? structuredClone(spec) : {};
}

function labelsFor(cluster: string, extra: Record<string, string> = {}) {
  return {
    [LABELS.clusterName]: cluster,
    [LABELS.topologyOwned]: '',
    ...extra,
  };
}

/** What the topology controller concluded about a Cluster. */
export interface TopologyOutcome {
  cluster: KubeObject;
  condition: ConditionSpec;
}

/**
 * The managed-topology controller: from the ClusterClass and
 * `spec.topology`, creates the infrastructure cluster, the control plane and
 * one MachineDeployment / MachinePool per worker entry, sets the Cluster's
 * references, and propagates version and replica changes: a new version goes
 * to the control plane first and to the workers once the control plane has
 * rolled out.
 */
export function reconcileTopology(
  ctx: ControllerContext,
  clusterInfo: TypeInfo,
  input: KubeObject,
): TopologyOutcome {
  let cluster = input;
  const namespace = cluster.metadata.namespace ?? '';
  const name = cluster.metadata.name;
  const topology = specOf(cluster).topology as Spec;
  const className: string | undefined =
    topology.classRef?.name ?? topology.class;
  const classNamespace: string =
    topology.classRef?.namespace ?? topology.classNamespace ?? namespace;
  const classInfo = ctx.infoByKind(GROUPS.core, 'ClusterClass');
  const clusterClass =
    classInfo && className
      ? ctx.get(classInfo, classNamespace, className)
      : undefined;
  if (!clusterClass) {
    return {
      cluster,
      condition: falseCondition(
        'TopologyReconciled',
        'ClusterClassNotFound',
        `ClusterClass ${classNamespace}/${className ?? ''} not found`,
      ),
    };
  }
  const cc = specOf(clusterClass);
  const version: string = topology.version;
  const errors: string[] = [];
  const owner = [ownerRefTo(cluster)];

  // Infrastructure cluster.
  const infraTemplate: TemplateRef | undefined = cc.infrastructure?.templateRef;
  const infraInfo = stampedInfo(ctx, infraTemplate);
  let infraRef: ObjectRef | undefined;
  if (!infraInfo) {
    errors.push(
      `ClusterClass infrastructure template ${
        infraTemplate?.kind ?? '(none)'
      } does not name a served kind`,
    );
  } else {
    infraRef = {
      apiGroup: infraInfo.type.group,
      kind: infraInfo.type.kind,
      name: currentName(specOf(cluster).infrastructureRef, infraInfo) ?? name,
    };
    if (!ctx.get(infraInfo, namespace, infraRef.name)) {
      const spec = templateSpec(ctx, classNamespace, infraTemplate);
      if (infraInfo.type.kind === 'DevCluster' && !spec.backend)
        spec.backend = { inMemory: {} };
      ctx.create(infraInfo, {
        apiVersion: infraInfo.apiVersion,
        kind: infraInfo.type.kind,
        metadata: {
          name: infraRef.name,
          namespace,
          labels: labelsFor(name),
          ownerReferences: owner,
          finalizers: [finalizerOf(infraInfo.type)],
        },
        spec,
      });
    }
  }

  // Control plane.
  const cpTemplate: TemplateRef | undefined = cc.controlPlane?.templateRef;
  const cpInfo = stampedInfo(ctx, cpTemplate);
  let cpRef: ObjectRef | undefined;
  let cp: KubeObject | undefined;
  const cpReplicas: number | undefined = topology.controlPlane?.replicas;
  if (!cpInfo) {
    errors.push(
      `ClusterClass control plane template ${
        cpTemplate?.kind ?? '(none)'
      } does not name a served kind`,
    );
  } else {
    cpRef = {
      apiGroup: cpInfo.type.group,
      kind: cpInfo.type.kind,
      name:
        currentName(specOf(cluster).controlPlaneRef, cpInfo) ??
        `${name}-control-plane`,
    };
    cp = ctx.get(cpInfo, namespace, cpRef.name);
    if (!cp) {
      const spec = templateSpec(ctx, classNamespace, cpTemplate);
      spec.version = version;
      if (cpReplicas !== undefined) spec.replicas = cpReplicas;
      const machineInfra: TemplateRef | undefined =
        cc.controlPlane?.machineInfrastructure?.templateRef;
      if (cpInfo.type.kind === 'KubeadmControlPlane' || machineInfra) {
        spec.machineTemplate = {
          ...spec.machineTemplate,
          spec: {
            ...spec.machineTemplate?.spec,
            ...(machineInfra
              ? { infrastructureRef: refToTemplate(machineInfra) }
              : {}),
          },
        };
        spec.rollout ??= {
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
        };
      }
      cp = ctx.create(cpInfo, {
        apiVersion: cpInfo.apiVersion,
        kind: cpInfo.type.kind,
        metadata: {
          name: cpRef.name,
          namespace,
          labels: labelsFor(name),
          ownerReferences: owner,
          finalizers: [finalizerOf(cpInfo.type)],
        },
        spec,
      });
    } else if (!cp.metadata.deletionTimestamp) {
      const spec = specOf(cp);
      const replicasChanged =
        cpReplicas !== undefined && spec.replicas !== cpReplicas;
      if (spec.version !== version || replicasChanged) {
        const next = structuredClone(cp);
        next.spec = {
          ...specOf(next),
          version,
          ...(cpReplicas !== undefined ? { replicas: cpReplicas } : {}),
        };
        cp = ctx.update(cpInfo, next);
      }
    }
  }

  // References on the Cluster.
  const clusterSpec = specOf(cluster);
  if (
    (infraRef && !sameRef(clusterSpec.infrastructureRef, infraRef)) ||
    (cpRef && !sameRef(clusterSpec.controlPlaneRef, cpRef))
  ) {
    const next = structuredClone(cluster);
    next.spec = {
      ...specOf(next),
      ...(infraRef ? { infrastructureRef: infraRef } : {}),
      ...(cpRef ? { controlPlaneRef: cpRef } : {}),
    };
    cluster = ctx.update(clusterInfo, next);
  }

  // Workers follow the control plane's version once it has rolled out.
  const cpStatus = statusOf(cp);
  const cpRolledOut =
    !!cp &&
    cpStatus.version === version &&
    (!isMachineBased(cpInfo, cp) ||
      cpStatus.upToDateReplicas === cpStatus.replicas);
  const cpUpgrading = !!cp && cpStatus.version !== undefined && !cpRolledOut;
  const upgradePending: string[] = [];
  const createPending: string[] = [];
  const ctxWorkers = {
    ctx,
    cluster,
    namespace,
    version,
    cpRolledOut,
    cpUpgrading,
  };

  const mdInfo = ctx.infoByKind(GROUPS.core, 'MachineDeployment');
  const wantedMds = new Set<string>();
  for (const md of (topology.workers?.machineDeployments ?? []) as Spec[]) {
    const mdClass = (cc.workers?.machineDeployments ?? []).find(
      (c: Spec) => c.class === md.class,
    );
    if (!mdClass || !mdInfo) {
      errors.push(
        `MachineDeploymentClass ${md.class} not found in ClusterClass ${classNamespace}/${className}`,
      );
      continue;
    }
    const mdName = `${name}-${md.name}`;
    wantedMds.add(mdName);
    const outcome = ensureWorker(ctxWorkers, mdInfo, mdName, md, {
      labels: labelsFor(name, { [LABELS.deploymentName]: md.name }),
      templateSpec: {
        bootstrap: bootstrapOf(mdClass),
        infrastructureRef: refToTemplate(
          mdClass.infrastructure?.templateRef ?? {},
        ),
      },
      deployment: true,
    });
    if (outcome === 'createPending') createPending.push(md.name);
    if (outcome === 'upgradePending') upgradePending.push(md.name);
  }

  const mpInfo = ctx.infoByKind(GROUPS.core, 'MachinePool');
  const wantedMps = new Set<string>();
  const poolsPending: string[] = [];
  const poolsCreatePending: string[] = [];
  for (const mp of (topology.workers?.machinePools ?? []) as Spec[]) {
    const mpClass = (cc.workers?.machinePools ?? []).find(
      (c: Spec) => c.class === mp.class,
    );
    const infraPoolTemplate: TemplateRef | undefined =
      mpClass?.infrastructure?.templateRef;
    const infraPoolInfo = stampedInfo(ctx, infraPoolTemplate);
    if (!mpClass || !mpInfo || !infraPoolInfo) {
      errors.push(
        `MachinePoolClass ${mp.class} not found in ClusterClass ${classNamespace}/${className}, or its infrastructure template is not a served kind`,
      );
      continue;
    }
    const mpName = `${name}-${mp.name}`;
    wantedMps.add(mpName);
    const labels = labelsFor(name, { [LABELS.poolName]: mp.name });
    const exists = !!ctx.get(mpInfo, namespace, mpName);
    if (!exists && !cpUpgrading && !ctx.get(infraPoolInfo, namespace, mpName)) {
      ctx.create(infraPoolInfo, {
        apiVersion: infraPoolInfo.apiVersion,
        kind: infraPoolInfo.type.kind,
        metadata: {
          name: mpName,
          namespace,
          labels,
          ownerReferences: [ownerRefTo(cluster)],
          finalizers: [finalizerOf(infraPoolInfo.type)],
        },
        spec: templateSpec(ctx, classNamespace, infraPoolTemplate),
      });
    }
    const outcome = ensureWorker(ctxWorkers, mpInfo, mpName, mp, {
      labels,
      templateSpec: {
        bootstrap: bootstrapOf(mpClass),
        infrastructureRef: {
          apiGroup: infraPoolInfo.type.group,
          kind: infraPoolInfo.type.kind,
          name: mpName,
        },
      },
      deployment: false,
    });
    if (outcome === 'createPending') poolsCreatePending.push(mp.name);
    if (outcome === 'upgradePending') poolsPending.push(mp.name);
  }

  // Workers removed from the topology go.
  for (const [info, wanted, role] of [
    [mdInfo, wantedMds, 'machineDeployment'],
    [mpInfo, wantedMps, 'machinePool'],
  ] as const) {
    if (!info) continue;
    for (const obj of ctx.childrenOf(namespace, name, role)) {
      if (
        obj.metadata.labels?.[LABELS.topologyOwned] !== undefined &&
        !wanted.has(obj.metadata.name)
      ) {
        ctx.delete(info, namespace, obj.metadata.name);
      }
    }
  }

  let condition: ConditionSpec;
  if (errors.length) {
    condition = falseCondition(
      'TopologyReconciled',
      'ReconcileFailed',
      errors.join('\n'),
    );
  } else if (createPending.length || poolsCreatePending.length) {
    condition = falseCondition(
      'TopologyReconciled',
      createPending.length
        ? 'MachineDeploymentsCreatePending'
        : 'MachinePoolsCreatePending',
      `Worker(s) ${[...createPending, ...poolsCreatePending].join(
        ', ',
      )} creation on hold. Control plane is upgrading to version ${version}`,
    );
  } else if (upgradePending.length || poolsPending.length) {
    const lines = [];
    if (upgradePending.length)
      lines.push(
        `MachineDeployment(s) ${upgradePending.join(
          ', ',
        )} rollout and upgrade to version ${version} on hold.`,
      );
    if (poolsPending.length)
      lines.push(
        `MachinePool(s) ${poolsPending.join(
          ', ',
        )} rollout and upgrade to version ${version} on hold.`,
      );
    lines.push(`Control plane is upgrading to version ${version}`);
    condition = falseCondition(
      'TopologyReconciled',
      upgradePending.length
        ? 'MachineDeploymentsUpgradePending'
        : 'MachinePoolsUpgradePending',
      lines.join('\n'),
    );
  } else {
    condition = trueCondition('TopologyReconciled', 'ReconcileSucceeded');
  }
  return { cluster, condition };
}

/** The existing reference's name when it is of the expected kind. */
function currentName(
  ref: Partial<ObjectRef> | undefined,
  info: TypeInfo,
): string | undefined {
  return ref?.kind === info.type.kind && ref.apiGroup === info.type.group
    ? ref.name
    : undefined;
}

function bootstrapOf(workerClass: Spec): Spec {
  const t: TemplateRef | undefined = workerClass.bootstrap?.templateRef;
  return t?.kind ? { configRef: refToTemplate(t) } : { dataSecretName: '' };
}

/** Creates or updates one MachineDeployment / MachinePool of the topology. */
function ensureWorker(
  w: {
    ctx: ControllerContext;
    cluster: KubeObject;
    namespace: string;
    version: string;
    cpRolledOut: boolean;
    cpUpgrading: boolean;
  },
  info: TypeInfo,
  name: string,
  topology: Spec,
  shape: {
    labels: Record<string, string>;
    templateSpec: Spec;
    deployment: boolean;
  },
): 'ok' | 'createPending' | 'upgradePending' {
  const { ctx, cluster, namespace, version } = w;
  const existing = ctx.get(info, namespace, name);
  const replicas: number | undefined = topology.replicas;
  if (!existing) {
    // New workers wait while the control plane upgrades.
    if (w.cpUpgrading) return 'createPending';
    // Without replicas (an autoscaler owns the count), Cluster API's
    // defaulting starts the pool at the autoscaler's minimum.
    const annotated = Number(
      topology.metadata?.annotations?.[AUTOSCALER_MIN_SIZE],
    );
    const spec: Spec = {
      clusterName: cluster.metadata.name,
      replicas:
        replicas ??
        (Number.isInteger(annotated) && annotated >= 0 ? annotated : 1),
    };
    if (shape.deployment) {
      spec.selector = { matchLabels: selectorLabels(shape.labels) };
    }
    spec.template = {
      metadata: { labels: selectorLabels(shape.labels) },
      spec: {
        clusterName: cluster.metadata.name,
        version,
        ...shape.templateSpec,
      },
    };
    if (shape.deployment) {
      spec.rollout = {
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
        },
      };
    }
    ctx.create(info, {
      apiVersion: info.apiVersion,
      kind: info.type.kind,
      metadata: {
        name,
        namespace,
        labels: shape.labels,
        // The topology entry's metadata reaches the pool, as Cluster API does.
        ...(topology.metadata?.annotations
          ? { annotations: { ...topology.metadata.annotations } }
          : {}),
        ownerReferences: [ownerRefTo(cluster)],
        finalizers: [finalizerOf(info.type)],
      },
      spec,
    });
    return 'ok';
  }
  if (existing.metadata.deletionTimestamp) return 'ok';
  const spec = specOf(existing);
  const currentVersion: string | undefined = spec.template?.spec?.version;
  const wantVersion = w.cpRolledOut ? version : currentVersion;
  // An autoscaled pool keeps the count the autoscaler set.
  const wantReplicas = replicas ?? spec.replicas;
  if (currentVersion !== wantVersion || spec.replicas !== wantReplicas) {
    const next = structuredClone(existing);
    const nextSpec = specOf(next);
    nextSpec.replicas = wantReplicas;
    nextSpec.template = {
      ...nextSpec.template,
      spec: { ...nextSpec.template?.spec, version: wantVersion },
    };
    ctx.update(info, next);
  }
  return wantVersion === version ? 'ok' : 'upgradePending';
}

function selectorLabels(labels: Record<string, string>) {
  const { [LABELS.topologyOwned]: _owned, ...rest } = labels;
  return rest;
}
