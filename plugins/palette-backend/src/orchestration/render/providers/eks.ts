import type {
  Taint,
  WorkerPool,
} from '@palette-backstage/plugin-palette-common';
import type { KubeObject } from '../../types';
import { API } from '../apiVersions';
import { compact, compactOrUndefined } from '../compact';
import {
  infrastructureLabels,
  managedLayer,
  RenderContext,
  setting,
} from '../context';
import { clusterObjectName } from '../names';
import { clusterObject, contractRef } from '../objects';
import { machinePoolScaling } from '../scaling';
import { AWS_IDENTITY_KINDS, awsIdentityRef } from './awsIdentity';
import type { ProviderRenderer } from './types';

/** The values of the `kubernetes-eks` pack (packs/kubernetesPacks.ts). */
interface EksValues {
  endpointAccess?: {
    public?: boolean;
    publicCIDRs?: string[];
    private?: boolean;
  };
  logging?: Partial<Record<LoggingKind, boolean>>;
}
type LoggingKind =
  | 'apiServer'
  | 'audit'
  | 'authenticator'
  | 'controllerManager'
  | 'scheduler';
const LOGGING_KINDS: LoggingKind[] = [
  'apiServer',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
];

/**
 * The VPC CNI is part of EKS. With the `aws-vpc-cni` pack its `env` values
 * become the aws-node environment CAPA sets; with any other CNI pack the VPC
 * CNI is removed so that the chart installed as an add-on is the only one.
 * (`enableNetworkPolicy` is an EKS add-on configuration, which would need
 * the add-on's EKS build version; EKS keeps its own default.)
 */
function vpcCni(ctx: RenderContext) {
  const layer = managedLayer(ctx, 'aws-vpc-cni');
  if (!layer) return { disable: true };
  const env = (layer.values.env ?? {}) as Record<string, unknown>;
  return compact({
    env: Object.entries(env).map(([name, value]) => ({
      name,
      value: String(value),
    })),
  });
}

function controlPlaneSpec(ctx: RenderContext) {
  const values = ctx.kubernetes.layer.values as EksValues;
  const logging = Object.fromEntries(
    LOGGING_KINDS.map(kind => [kind, values.logging?.[kind] ?? false]),
  );
  return compact({
    region: ctx.request.region,
    eksClusterName: ctx.request.name,
    identityRef: awsIdentityRef(ctx),
    sshKeyName: setting(ctx, 'sshKeyName'),
    endpointAccess: compactOrUndefined({ ...values.endpointAccess }),
    logging,
    vpcCni: vpcCni(ctx),
  });
}

const EKS_TAINT_EFFECTS: Record<Taint['effect'], string> = {
  NoSchedule: 'no-schedule',
  NoExecute: 'no-execute',
  PreferNoSchedule: 'prefer-no-schedule',
};

/**
 * One EKS managed node group: a MachinePool with its AWSManagedMachinePool.
 * CAPA v2.11 has no AWSManagedMachinePoolTemplate (ClusterClass support for
 * EKS covers the control plane only; kubernetes-sigs/cluster-api-provider-aws
 * #5375, #5812), so node groups cannot be worker classes: they are rendered
 * next to the topology, named as the topology would (`<cluster>-<pool>`),
 * and carry the Kubernetes version themselves. Node groups run the
 * EKS-optimised Amazon Linux 2023 image, the only image family EKS manages
 * for them; the OS layer does not apply to them.
 */
function nodeGroup(ctx: RenderContext, pool: WorkerPool): KubeObject[] {
  const name = clusterObjectName(ctx.request.name, pool.name);
  const cluster = ctx.request.name;
  const labels = {
    ...infrastructureLabels(ctx),
    'cluster.x-k8s.io/cluster-name': cluster,
  };
  const infra = clusterObject(
    ctx,
    {
      apiVersion: API.infrastructureV1beta2,
      kind: 'AWSManagedMachinePool',
      name,
    },
    {
      spec: compact({
        eksNodegroupName: name,
        instanceType: pool.instanceType,
        amiType: 'AL2023_x86_64_STANDARD',
        capacityType: 'onDemand',
        scaling: pool.autoscaling
          ? { minSize: pool.autoscaling.min, maxSize: pool.autoscaling.max }
          : undefined,
        labels: pool.labels,
        taints: pool.taints?.map(t => ({
          key: t.key,
          value: t.value ?? '',
          effect: EKS_TAINT_EFFECTS[t.effect],
        })),
      }),
    },
    labels,
  );
  const scaling = machinePoolScaling(pool);
  const machinePool = clusterObject(
    ctx,
    { apiVersion: API.core, kind: 'MachinePool', name },
    {
      spec: compact({
        clusterName: cluster,
        replicas: scaling.replicas,
        template: {
          spec: {
            clusterName: cluster,
            version: ctx.kubernetesVersion,
            // Managed node groups bootstrap themselves.
            bootstrap: { dataSecretName: '' },
            infrastructureRef: contractRef(infra),
          },
        },
      }),
    },
    labels,
    scaling.annotations,
  );
  return [infra, machinePool];
}

/** Amazon EKS: AWSManagedControlPlane with managed node groups (CAPA). */
export const eksRenderer: ProviderRenderer = {
  cloudType: 'eks',
  displayName: 'Amazon EKS',
  managedControlPlane: true,
  kinds: [
    {
      apiVersion: API.infrastructureV1beta2,
      kind: 'AWSManagedClusterTemplate',
    },
    { apiVersion: API.controlPlane, kind: 'AWSManagedControlPlaneTemplate' },
    { apiVersion: API.infrastructureV1beta2, kind: 'AWSManagedMachinePool' },
    { apiVersion: API.core, kind: 'MachinePool' },
  ],
  credentialKinds: AWS_IDENTITY_KINDS,
  validate: ctx => {
    ctx.messages.info(
      'os.managed',
      'profile',
      `EKS managed node groups run the EKS-optimised Amazon Linux 2023 image; the OS layer (${ctx.os.layer.pack.name}) does not apply to them`,
      ctx.os.layer.pack.name,
    );
  },
  render: ctx => ({
    topology: {
      infrastructure: {
        apiVersion: API.infrastructureV1beta2,
        kind: 'AWSManagedClusterTemplate',
        role: 'cluster',
        spec: {},
      },
      controlPlane: {
        apiVersion: API.controlPlane,
        kind: 'AWSManagedControlPlaneTemplate',
        role: 'control-plane',
        spec: controlPlaneSpec(ctx),
      },
      workers: { type: 'machinePools', classes: [] },
      extraObjects: ctx.request.workerPools.flatMap(pool =>
        nodeGroup(ctx, pool),
      ),
    },
  }),
};
