import { API } from '../apiVersions';
import { compact } from '../compact';
import { RenderContext, setting } from '../context';
import { usesCloudInit } from '../osImages';
import { kubeadmTopology } from './kubeadmTopology';
import type { ProviderRenderer } from './types';

/**
 * The CAPZ reference images: the community gallery where the Cluster API
 * Azure project publishes Ubuntu node images per Kubernetes version.
 */
const CAPZ_COMMUNITY_GALLERY =
  'ClusterAPI-f72ceb4f-5159-4c26-a0fe-2ea738f0d019';

/**
 * The node image for the OS layer. Ubuntu: CAPZ's reference images
 * (`capi-ubun2-2404`, version = Kubernetes version). Flatcar: the Flatcar
 * marketplace image at the pack's release. RHEL: no public image exists, so
 * it comes from the compute gallery named in the account's `imageGallery`
 * (image `capi-rhel-<major>`, built with image-builder).
 */
function image(ctx: RenderContext) {
  const os = ctx.os.kind;
  const [major, minor] = os.release.split('.');
  const version = ctx.kubernetesVersion.replace(/^v/, '');
  switch (os.distribution) {
    case 'flatcar':
      return {
        marketplace: {
          publisher: 'kinvolk',
          offer: 'flatcar-container-linux-corevm-amd64',
          sku: 'stable-gen2',
          version: os.release,
        },
      };
    case 'rhel':
      return {
        computeGallery: {
          gallery: setting(ctx, 'imageGallery') ?? '',
          name: `capi-rhel-${major}`,
          version,
        },
      };
    default:
      return {
        computeGallery: {
          gallery: setting(ctx, 'imageGallery') ?? CAPZ_COMMUNITY_GALLERY,
          name: `capi-ubun2-${major}${minor}`,
          version,
        },
      };
  }
}

/** The account's AzureClusterIdentity (namespaced; the cluster's namespace unless given). */
function identityRef(ctx: RenderContext) {
  const ref = ctx.account.credentialRef;
  return ref
    ? {
        apiVersion: API.infrastructureV1beta1,
        kind: ref.kind,
        name: ref.name,
        namespace: ref.namespace ?? ctx.namespace,
      }
    : undefined;
}

/** Self-managed Kubernetes on Azure VMs (Cluster API Provider Azure). */
export const azureRenderer: ProviderRenderer = {
  cloudType: 'azure',
  displayName: 'Azure (CAPZ)',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta1, kind: 'AzureClusterTemplate' },
    { apiVersion: API.infrastructureV1beta1, kind: 'AzureMachineTemplate' },
  ],
  credentialKinds: ['AzureClusterIdentity'],
  credentialRequired: true,
  requiredSettings: { subscriptionID: 'the Azure subscription ID' },
  validate: ctx => {
    if (ctx.os.kind.distribution === 'rhel' && !setting(ctx, 'imageGallery')) {
      ctx.messages.error(
        'cloudAccount.settings',
        'cloudAccount',
        `cloud account "${ctx.account.name}" lacks the setting "imageGallery": RHEL nodes on Azure boot from an image-builder image in that compute gallery`,
      );
    }
  },
  render: ctx => ({
    topology: kubeadmTopology(ctx, {
      infrastructure: {
        apiVersion: API.infrastructureV1beta1,
        kind: 'AzureClusterTemplate',
        role: 'cluster',
        spec: compact({
          location: ctx.request.region,
          subscriptionID: setting(ctx, 'subscriptionID'),
          identityRef: identityRef(ctx),
        }),
      },
      machine: (role, { instanceType }) => ({
        apiVersion: API.infrastructureV1beta1,
        kind: 'AzureMachineTemplate',
        role,
        spec: {
          vmSize: instanceType,
          image: image(ctx),
          osDisk: { osType: 'Linux', diskSizeGB: 128 },
        },
      }),
      kubeadm: usesCloudInit(ctx)
        ? { nodeName: "{{ ds.meta_data['local_hostname'] }}" }
        : {},
    }),
  }),
};
