import type { WorkerPool } from '@palette-backstage/plugin-palette-common';
import { API } from '../apiVersions';
import { compact } from '../compact';
import { RenderContext, setting } from '../context';
import type { TemplateDesign } from '../objects';
import { GCP_PROJECT_SETTING, gcpCredentialsRef } from './gcpCredentials';
import type { ProviderRenderer } from './types';

/** The values of the `kubernetes-gke` pack (packs/kubernetesPacks.ts). */
interface GkeValues {
  releaseChannel?: string;
  enableAutopilot?: boolean;
}

const autopilot = (ctx: RenderContext) =>
  (ctx.kubernetes.layer.values as GkeValues).enableAutopilot === true;

/** GKE node images: Ubuntu with containerd, or else Container-Optimized OS. */
function imageType(ctx: RenderContext): string {
  return ctx.os.kind.distribution === 'ubuntu'
    ? 'UBUNTU_CONTAINERD'
    : 'COS_CONTAINERD';
}

function nodePool(ctx: RenderContext, pool: WorkerPool): TemplateDesign {
  return {
    apiVersion: API.infrastructureV1beta1,
    kind: 'GCPManagedMachinePoolTemplate',
    role: pool.name,
    spec: compact({
      nodePoolName: pool.name,
      machineType: pool.instanceType,
      imageType: imageType(ctx),
      scaling: pool.autoscaling
        ? {
            enableAutoscaling: true,
            minCount: pool.autoscaling.min,
            maxCount: pool.autoscaling.max,
          }
        : undefined,
      kubernetesLabels: pool.labels,
      kubernetesTaints: pool.taints?.map(t => ({
        key: t.key,
        value: t.value ?? '',
        effect: t.effect,
      })),
      // GKE requires node auto-upgrade on clusters enrolled in a release channel.
      management: {
        autoRepair: true,
        autoUpgrade:
          (ctx.kubernetes.layer.values as GkeValues).releaseChannel !==
          undefined,
      },
    }),
  };
}

/** Google Kubernetes Engine: GCPManagedControlPlane and node pools (CAPG). */
export const gkeRenderer: ProviderRenderer = {
  cloudType: 'gke',
  displayName: 'Google Kubernetes Engine',
  managedControlPlane: true,
  kinds: [
    {
      apiVersion: API.infrastructureV1beta1,
      kind: 'GCPManagedClusterTemplate',
    },
    {
      apiVersion: API.infrastructureV1beta1,
      kind: 'GCPManagedControlPlaneTemplate',
    },
    {
      apiVersion: API.infrastructureV1beta1,
      kind: 'GCPManagedMachinePoolTemplate',
    },
    { apiVersion: API.bootstrapV1beta1, kind: 'GKEConfigTemplate' },
  ],
  credentialKinds: ['Secret'],
  requiredSettings: GCP_PROJECT_SETTING,
  validate: ctx => {
    if (autopilot(ctx)) {
      ctx.messages.info(
        'pools.autopilot',
        'workerPools',
        'GKE Autopilot provisions nodes itself; the worker pools are not created',
      );
    }
  },
  render: ctx => {
    const values = ctx.kubernetes.layer.values as GkeValues;
    return {
      topology: {
        infrastructure: {
          apiVersion: API.infrastructureV1beta1,
          kind: 'GCPManagedClusterTemplate',
          role: 'cluster',
          spec: compact({
            project: setting(ctx, 'project'),
            region: ctx.request.region,
            credentialsRef: gcpCredentialsRef(ctx),
          }),
        },
        controlPlane: {
          apiVersion: API.infrastructureV1beta1,
          kind: 'GCPManagedControlPlaneTemplate',
          role: 'control-plane',
          spec: compact({
            project: setting(ctx, 'project'),
            location: ctx.request.region,
            releaseChannel: values.releaseChannel,
            enableAutopilot: values.enableAutopilot,
          }),
        },
        workers: {
          type: 'machinePools',
          classes: autopilot(ctx)
            ? []
            : ctx.request.workerPools.map(pool => ({
                pool,
                // GKE nodes bootstrap themselves; CAPG's GKEConfig only fills the contract.
                bootstrap: {
                  apiVersion: API.bootstrapV1beta1,
                  kind: 'GKEConfigTemplate',
                  role: `${pool.name}-bootstrap`,
                },
                infrastructure: nodePool(ctx, pool),
              })),
        },
      },
    };
  },
};
