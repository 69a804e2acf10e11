import type { WorkerPool } from '@palette-backstage/plugin-palette-common';
import { API } from '../apiVersions';
import { compact, compactOrUndefined } from '../compact';
import { managedLayer, RenderContext, setting } from '../context';
import type { TemplateDesign } from '../objects';
import type { ProviderRenderer } from './types';

// CAPZ's AzureASOManaged* kinds hand embedded Azure Service Operator (ASO)
// resources to ASO. One ClusterClass per cluster lets the resource names be
// written into the templates directly (shared classes need patches for it).
const ASO = {
  resourceGroup: 'resources.azure.com/v1api20200601',
  containerService: 'containerservice.azure.com/v1api20240901',
} as const;

/** AKS agent pool names: a lowercase letter, then letters and digits, 12 at most. */
const AKS_POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;

/** The values of the `kubernetes-aks` pack (packs/kubernetesPacks.ts). */
interface AksValues {
  sku?: { tier?: string };
  autoUpgradeProfile?: { upgradeChannel?: string };
  apiServerAccessProfile?: { enablePrivateCluster?: boolean };
}

/**
 * ASO reads Azure credentials from the Secret named by this annotation, in
 * the resource's namespace; without it, ASO's global credential is used.
 */
function asoMetadata(ctx: RenderContext, name: string) {
  const ref = ctx.account.credentialRef;
  return {
    name,
    ...(ref
      ? {
          annotations: {
            'serviceoperator.azure.com/credential-from': ref.name,
          },
        }
      : {}),
  };
}

function resourceGroupName(ctx: RenderContext): string {
  return setting(ctx, 'resourceGroup') ?? ctx.request.name;
}

/**
 * The resource group: the account's `resourceGroup`, which already exists
 * and which ASO must then neither change nor delete (reconcile policy
 * `skip`), or else one named after the cluster that goes with it.
 */
function resourceGroup(ctx: RenderContext) {
  const existing = setting(ctx, 'resourceGroup') !== undefined;
  const metadata = asoMetadata(ctx, resourceGroupName(ctx));
  return {
    apiVersion: ASO.resourceGroup,
    kind: 'ResourceGroup',
    metadata: existing
      ? {
          ...metadata,
          annotations: {
            ...metadata.annotations,
            'serviceoperator.azure.com/reconcile-policy': 'skip',
          },
        }
      : metadata,
    spec: { location: ctx.request.region },
  };
}

/**
 * Azure CNI and the Azure Disk CSI driver are part of AKS: their packs set
 * the network profile and turn the driver on. Without the Azure CNI pack the
 * cluster is created without a CNI ("bring your own"), for the CNI chart the
 * profile installs instead.
 */
function networkProfile(ctx: RenderContext) {
  const azureCni = managedLayer(ctx, 'azure-cni');
  if (!azureCni) return { networkPlugin: 'none' };
  const values = azureCni.values as {
    networkPluginMode?: string;
    podCidr?: string;
    networkPolicy?: string;
  };
  // Pods take VNet addresses unless in overlay mode, the only one with a pod CIDR.
  const overlay = values.networkPluginMode === 'overlay';
  return compact({
    networkPlugin: 'azure',
    networkPluginMode: overlay ? 'overlay' : undefined,
    podCidr: overlay ? values.podCidr : undefined,
    networkPolicy:
      values.networkPolicy === 'none' ? undefined : values.networkPolicy,
  });
}

function managedCluster(ctx: RenderContext) {
  const values = ctx.kubernetes.layer.values as AksValues;
  const diskCsi = managedLayer(ctx, 'azure-disk-csi') !== undefined;
  return {
    apiVersion: ASO.containerService,
    kind: 'ManagedCluster',
    metadata: asoMetadata(ctx, ctx.request.name),
    spec: compact({
      owner: { name: resourceGroupName(ctx) },
      location: ctx.request.region,
      dnsPrefix: ctx.request.name,
      identity: { type: 'SystemAssigned' },
      servicePrincipalProfile: { clientId: 'msi' },
      sku: compactOrUndefined({ name: 'Base', tier: values.sku?.tier }),
      autoUpgradeProfile: compactOrUndefined({ ...values.autoUpgradeProfile }),
      apiServerAccessProfile: compactOrUndefined({
        ...values.apiServerAccessProfile,
      }),
      networkProfile: networkProfile(ctx),
      storageProfile: { diskCSIDriver: { enabled: diskCsi } },
    }),
  };
}

/**
 * One agent pool. The first pool is the System pool AKS requires. Node
 * counts follow the MachinePool's replicas (CAPZ syncs them), or AKS's
 * cluster autoscaler when the pool autoscales.
 */
function agentPool(
  ctx: RenderContext,
  pool: WorkerPool,
  index: number,
): TemplateDesign {
  const ubuntu = ctx.os.kind.distribution === 'ubuntu';
  return {
    apiVersion: API.infrastructureV1beta1,
    kind: 'AzureASOManagedMachinePoolTemplate',
    role: pool.name,
    spec: {
      resources: [
        {
          apiVersion: ASO.containerService,
          kind: 'ManagedClustersAgentPool',
          metadata: asoMetadata(ctx, `${ctx.request.name}-${pool.name}`),
          spec: compact({
            azureName: pool.name,
            owner: { name: ctx.request.name },
            mode: index === 0 ? 'System' : 'User',
            type: 'VirtualMachineScaleSets',
            vmSize: pool.instanceType,
            osType: 'Linux',
            // Ubuntu is AKS's default node OS; the others run Azure Linux.
            osSKU: ubuntu ? 'Ubuntu' : 'AzureLinux',
            enableAutoScaling: pool.autoscaling ? true : undefined,
            minCount: pool.autoscaling?.min,
            maxCount: pool.autoscaling?.max,
            nodeLabels: pool.labels,
            nodeTaints: pool.taints?.map(
              t => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
            ),
          }),
        },
      ],
    },
  };
}

/** Azure Kubernetes Service through CAPZ's ASO-based managed kinds. */
export const aksRenderer: ProviderRenderer = {
  cloudType: 'aks',
  displayName: 'Azure Kubernetes Service',
  managedControlPlane: true,
  kinds: [
    {
      apiVersion: API.infrastructureV1beta1,
      kind: 'AzureASOManagedClusterTemplate',
    },
    {
      apiVersion: API.infrastructureV1beta1,
      kind: 'AzureASOManagedControlPlaneTemplate',
    },
    {
      apiVersion: API.infrastructureV1beta1,
      kind: 'AzureASOManagedMachinePoolTemplate',
    },
    { apiVersion: API.bootstrap, kind: 'KubeadmConfigTemplate' },
  ],
  credentialKinds: ['Secret'],
  validate: ctx => {
    const ref = ctx.account.credentialRef;
    if (ref?.namespace && ref.namespace !== ctx.namespace) {
      ctx.messages.error(
        'cloudAccount.credentialRef',
        'cloudAccount',
        `Azure Service Operator reads the credential Secret from the cluster's namespace "${ctx.namespace}", not "${ref.namespace}"`,
      );
    }
    ctx.request.workerPools.forEach((pool, i) => {
      if (!AKS_POOL_NAME.test(pool.name)) {
        ctx.messages.error(
          'pool.name',
          `workerPools.${i}.name`,
          `AKS pool names are a lowercase letter followed by at most 11 lowercase letters or digits; "${pool.name}" is not`,
        );
      }
    });
  },
  render: ctx => ({
    topology: {
      infrastructure: {
        apiVersion: API.infrastructureV1beta1,
        kind: 'AzureASOManagedClusterTemplate',
        role: 'cluster',
        spec: { resources: [resourceGroup(ctx)] },
      },
      controlPlane: {
        apiVersion: API.infrastructureV1beta1,
        kind: 'AzureASOManagedControlPlaneTemplate',
        role: 'control-plane',
        spec: { resources: [managedCluster(ctx)] },
      },
      workers: {
        type: 'machinePools',
        classes: ctx.request.workerPools.map((pool, i) => ({
          pool,
          // A MachinePool class needs a bootstrap template, but AKS nodes
          // bootstrap themselves: CAPZ's AKS ClusterClasses reference a
          // KubeadmConfigTemplate that is never used. v1beta2 refuses an
          // empty one, so it states the default format.
          bootstrap: {
            apiVersion: API.bootstrap,
            kind: 'KubeadmConfigTemplate',
            role: `${pool.name}-bootstrap`,
            spec: { format: 'cloud-config' },
          },
          infrastructure: agentPool(ctx, pool, i),
        })),
      },
    },
  }),
};
