import type { KubeObject } from '../types';
import { API } from './apiVersions';
import { compact } from './compact';
import { infrastructureLabels, RenderContext } from './context';
import {
  clusterNetwork,
  KubeadmOptions,
  kubeadmControlPlaneTemplate,
  kubeadmWorker,
} from './kubeadm';
import { clusterObjectName, CONTROL_PLANE_SUFFIX } from './names';
import { clusterObject, contractRef, templateObject } from './objects';
import type { MachineTemplateFactory } from './providers/kubeadmTopology';
import { controlPlaneInstanceType } from './providers/kubeadmTopology';
import { machineDeploymentScaling } from './scaling';

/** Labels Cluster API uses to tie objects to their Cluster and MachineDeployment. */
const CAPI_LABELS = {
  clusterName: 'cluster.x-k8s.io/cluster-name',
  deploymentName: 'cluster.x-k8s.io/deployment-name',
} as const;

/** What a provider without ClusterClass support renders (see `renderClassicCluster`). */
export interface ClassicDesign {
  /** The infrastructure cluster object (`apiVersion`, `kind`, `spec`). */
  infrastructureCluster: {
    apiVersion: string;
    kind: string;
    spec: Record<string, unknown>;
  };
  machine: MachineTemplateFactory;
  kubeadm?: KubeadmOptions;
}

/**
 * A kubeadm cluster without managed topology, for providers that ship no
 * infrastructure cluster template (MAAS has no MaasClusterTemplate, so no
 * ClusterClass can describe it): the infrastructure cluster, a
 * KubeadmControlPlane, and per pool a KubeadmConfigTemplate, machine
 * template and MachineDeployment, with the names the topology controller
 * would give them. Templates are content-named as with topologies, so a
 * change rolls the machines through the references. Unlike a topology, the
 * control plane and the pools receive a new Kubernetes version together;
 * Cluster API's MachineDeployments do not wait for the control plane.
 */
export function renderClassicCluster(
  ctx: RenderContext,
  design: ClassicDesign,
): KubeObject[] {
  const cluster = ctx.request.name;
  const labels = {
    ...infrastructureLabels(ctx),
    [CAPI_LABELS.clusterName]: cluster,
  };

  const infrastructure = clusterObject(
    ctx,
    {
      apiVersion: design.infrastructureCluster.apiVersion,
      kind: design.infrastructureCluster.kind,
      name: clusterObjectName(cluster),
    },
    { spec: design.infrastructureCluster.spec },
    labels,
  );

  const controlPlaneMachine = templateObject(
    ctx,
    design.machine('control-plane-machine', controlPlaneInstanceType(ctx)),
  );
  const controlPlane = clusterObject(
    ctx,
    {
      apiVersion: API.controlPlane,
      kind: 'KubeadmControlPlane',
      name: clusterObjectName(cluster, CONTROL_PLANE_SUFFIX),
    },
    {
      spec: {
        version: ctx.kubernetesVersion,
        replicas: ctx.request.controlPlane.replicas,
        machineTemplate: {
          spec: { infrastructureRef: contractRef(controlPlaneMachine) },
        },
        ...kubeadmControlPlaneTemplate(ctx, design.kubeadm).spec,
      },
    },
    labels,
  );

  const pools = ctx.request.workerPools.flatMap((pool, i) => {
    const worker = kubeadmWorker(ctx, pool, i, design.kubeadm);
    const bootstrap = templateObject(ctx, worker.bootstrap);
    const machine = templateObject(
      ctx,
      design.machine(pool.name, {
        instanceType: pool.instanceType,
        field: `workerPools.${i}.instanceType`,
      }),
    );
    const name = clusterObjectName(cluster, pool.name);
    const selector = {
      [CAPI_LABELS.clusterName]: cluster,
      [CAPI_LABELS.deploymentName]: name,
    };
    const scaling = machineDeploymentScaling(pool);
    const deployment = clusterObject(
      ctx,
      { apiVersion: API.core, kind: 'MachineDeployment', name },
      {
        spec: compact({
          clusterName: cluster,
          replicas: scaling.replicas,
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: { ...worker.machineLabels, ...selector } },
            spec: {
              clusterName: cluster,
              version: ctx.kubernetesVersion,
              bootstrap: { configRef: contractRef(bootstrap) },
              infrastructureRef: contractRef(machine),
            },
          },
        }),
      },
      labels,
      scaling.annotations,
    );
    return [bootstrap, machine, deployment];
  });

  const clusterObj = clusterObject(
    ctx,
    { apiVersion: API.core, kind: 'Cluster', name: cluster },
    {
      spec: compact({
        clusterNetwork: clusterNetwork(ctx),
        infrastructureRef: contractRef(infrastructure),
        controlPlaneRef: contractRef(controlPlane),
      }),
    },
  );

  // Templates first, then what references them; the Cluster last but one
  // group, as with topologies (the MachineDeployments name it).
  const templates = pools.filter(o => o.kind !== 'MachineDeployment');
  const deployments = pools.filter(o => o.kind === 'MachineDeployment');
  return [
    infrastructure,
    controlPlaneMachine,
    controlPlane,
    ...templates,
    clusterObj,
    ...deployments,
  ];
}
