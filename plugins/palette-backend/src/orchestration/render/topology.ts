import type { WorkerPool } from '@palette-backstage/plugin-palette-common';
import type { KubeObject } from '../types';
import { API } from './apiVersions';
import { compact, compactOrUndefined } from './compact';
import { infrastructureLabels, RenderContext } from './context';
import { CONTROL_PLANE_SUFFIX } from './names';
import {
  clusterObject,
  TemplateDesign,
  templateObject,
  templateRef,
} from './objects';
import {
  machineDeploymentScaling,
  machinePoolScaling,
  PoolScaling,
} from './scaling';

/** One worker class of the ClusterClass: one per pool. */
export interface WorkerClassDesign {
  pool: WorkerPool;
  bootstrap: TemplateDesign;
  infrastructure: TemplateDesign;
  /** Labels for the pool's Machines, which Cluster API syncs to the Nodes. */
  machineLabels?: Record<string, string>;
}

/** What a provider renders as a ClusterClass with managed topology. */
export interface TopologyDesign {
  infrastructure: TemplateDesign;
  controlPlane: TemplateDesign;
  /** The control plane's machines (self-managed control planes only). */
  controlPlaneMachine?: TemplateDesign;
  workers: {
    type: 'machineDeployments' | 'machinePools';
    classes: WorkerClassDesign[];
  };
  /** `Cluster.spec.clusterNetwork` (kubeadm clusters). */
  clusterNetwork?: Record<string, unknown>;
  /** Objects outside the topology, applied after the Cluster. */
  extraObjects?: KubeObject[];
}

// Cluster API's naming templates, so that the objects the topology
// controller creates have predictable names (see `clusterObjectName`).
const NAMING = {
  infrastructure: '{{ .cluster.name }}',
  controlPlane: `{{ .cluster.name }}-${CONTROL_PLANE_SUFFIX}`,
  machineDeployments:
    '{{ .cluster.name }}-{{ .machineDeployment.topologyName }}',
  machinePools: '{{ .cluster.name }}-{{ .machinePool.topologyName }}',
} as const;

function topologyEntry(
  worker: WorkerClassDesign,
  scaling: PoolScaling,
): Record<string, unknown> {
  return compact({
    class: worker.pool.name,
    name: worker.pool.name,
    replicas: scaling.replicas,
    metadata: compactOrUndefined({
      labels: worker.machineLabels,
      annotations: scaling.annotations,
    }),
  });
}

/**
 * The templates, the cluster's own ClusterClass (named after the cluster,
 * one worker class per pool) and the Cluster with its managed topology, in
 * the order they are applied.
 */
export function renderTopology(
  ctx: RenderContext,
  design: TopologyDesign,
): KubeObject[] {
  const { request } = ctx;
  const infrastructure = templateObject(ctx, design.infrastructure);
  const controlPlane = templateObject(ctx, design.controlPlane);
  const controlPlaneMachine = design.controlPlaneMachine
    ? templateObject(ctx, design.controlPlaneMachine)
    : undefined;
  const { type, classes } = design.workers;
  const workers = classes.map(worker => ({
    worker,
    bootstrap: templateObject(ctx, worker.bootstrap),
    infrastructure: templateObject(ctx, worker.infrastructure),
  }));

  const clusterClass = clusterObject(
    ctx,
    { apiVersion: API.core, kind: 'ClusterClass', name: request.name },
    {
      spec: compact({
        infrastructure: {
          templateRef: templateRef(infrastructure),
          naming: { template: NAMING.infrastructure },
        },
        controlPlane: compact({
          templateRef: templateRef(controlPlane),
          machineInfrastructure: controlPlaneMachine
            ? { templateRef: templateRef(controlPlaneMachine) }
            : undefined,
          naming: { template: NAMING.controlPlane },
        }),
        workers: compactOrUndefined({
          [type]: workers.map(w => ({
            class: w.worker.pool.name,
            bootstrap: { templateRef: templateRef(w.bootstrap) },
            infrastructure: { templateRef: templateRef(w.infrastructure) },
            naming: { template: NAMING[type] },
          })),
        }),
      }),
    },
  );

  const scale =
    type === 'machineDeployments'
      ? machineDeploymentScaling
      : machinePoolScaling;
  const cluster = clusterObject(
    ctx,
    { apiVersion: API.core, kind: 'Cluster', name: request.name },
    {
      spec: compact({
        clusterNetwork: design.clusterNetwork,
        topology: compact({
          classRef: { name: clusterClass.metadata.name },
          version: ctx.kubernetesVersion,
          // Managed control planes have no machines to count.
          controlPlane: controlPlaneMachine
            ? { replicas: request.controlPlane.replicas }
            : undefined,
          workers: compactOrUndefined({
            [type]: workers.map(w =>
              topologyEntry(w.worker, scale(w.worker.pool)),
            ),
          }),
        }),
      }),
    },
    infrastructureLabels(ctx),
  );

  return [
    infrastructure,
    controlPlane,
    ...(controlPlaneMachine ? [controlPlaneMachine] : []),
    ...workers.flatMap(w => [w.bootstrap, w.infrastructure]),
    clusterClass,
    cluster,
    ...(design.extraObjects ?? []),
  ];
}
