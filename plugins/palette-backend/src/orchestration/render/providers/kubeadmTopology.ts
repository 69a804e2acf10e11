import {
  clusterNetwork,
  KubeadmOptions,
  kubeadmControlPlaneTemplate,
  kubeadmWorker,
} from '../kubeadm';
import type { RenderContext } from '../context';
import type { TemplateDesign } from '../objects';
import type { TopologyDesign } from '../topology';

/** An instance type with the request field it comes from (for messages). */
export interface InstanceTypeChoice {
  instanceType: string;
  field: string;
}

/** The control plane's machine type: its own, or else the first pool's. */
export function controlPlaneInstanceType(
  ctx: RenderContext,
): InstanceTypeChoice {
  const own = ctx.request.controlPlane.instanceType;
  return own
    ? { instanceType: own, field: 'controlPlane.instanceType' }
    : {
        // A request always has a pool (checked); '' only keeps this total.
        instanceType: ctx.request.workerPools[0]?.instanceType ?? '',
        field: 'workerPools.0.instanceType',
      };
}

/** The machine template of one role (`control-plane-machine` or a pool name). */
export type MachineTemplateFactory = (
  role: string,
  choice: InstanceTypeChoice,
) => TemplateDesign;

/**
 * The topology of a self-managed (kubeadm) cluster: the provider's
 * infrastructure cluster template, a KubeadmControlPlaneTemplate, and one
 * MachineDeployment class per pool with a KubeadmConfigTemplate and the
 * provider's machine template.
 */
export function kubeadmTopology(
  ctx: RenderContext,
  parts: {
    infrastructure: TemplateDesign;
    machine: MachineTemplateFactory;
    kubeadm?: KubeadmOptions;
  },
): TopologyDesign {
  return {
    infrastructure: parts.infrastructure,
    controlPlane: kubeadmControlPlaneTemplate(ctx, parts.kubeadm),
    controlPlaneMachine: parts.machine(
      'control-plane-machine',
      controlPlaneInstanceType(ctx),
    ),
    workers: {
      type: 'machineDeployments',
      classes: ctx.request.workerPools.map((pool, i) => {
        const worker = kubeadmWorker(ctx, pool, i, parts.kubeadm);
        return {
          pool,
          bootstrap: worker.bootstrap,
          infrastructure: parts.machine(pool.name, {
            instanceType: pool.instanceType,
            field: `workerPools.${i}.instanceType`,
          }),
          machineLabels: worker.machineLabels,
        };
      }),
    },
    clusterNetwork: clusterNetwork(ctx),
  };
}
