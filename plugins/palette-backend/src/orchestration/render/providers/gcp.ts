import { API } from '../apiVersions';
import { compact } from '../compact';
import { RenderContext, setting } from '../context';
import { imageBuilderOs, usesCloudInit } from '../osImages';
import { GCP_PROJECT_SETTING, gcpCredentialsRef } from './gcpCredentials';
import { kubeadmTopology } from './kubeadmTopology';
import type { ProviderRenderer } from './types';

/**
 * The image family image-builder publishes GCE node images under, in the
 * account's project (or `imageProject`): `capi-ubuntu-2404-k8s-v1-34`.
 */
function imageFamily(ctx: RenderContext): string {
  const project = setting(ctx, 'imageProject') ?? setting(ctx, 'project');
  const [major, minor] = ctx.kubernetesVersion.replace(/^v/, '').split('.');
  return `projects/${project}/global/images/family/capi-${imageBuilderOs(
    ctx.os.kind,
  )}-k8s-v${major}-${minor}`;
}

/** Self-managed Kubernetes on Compute Engine (Cluster API Provider GCP). */
export const gcpRenderer: ProviderRenderer = {
  cloudType: 'gcp',
  displayName: 'Google Cloud (CAPG)',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta1, kind: 'GCPClusterTemplate' },
    { apiVersion: API.infrastructureV1beta1, kind: 'GCPMachineTemplate' },
  ],
  credentialKinds: ['Secret'],
  requiredSettings: GCP_PROJECT_SETTING,
  render: ctx => ({
    topology: kubeadmTopology(ctx, {
      infrastructure: {
        apiVersion: API.infrastructureV1beta1,
        kind: 'GCPClusterTemplate',
        role: 'cluster',
        spec: compact({
          project: setting(ctx, 'project'),
          region: ctx.request.region,
          credentialsRef: gcpCredentialsRef(ctx),
          network: compact({ name: setting(ctx, 'network') }),
        }),
      },
      machine: (role, { instanceType }) => ({
        apiVersion: API.infrastructureV1beta1,
        kind: 'GCPMachineTemplate',
        role,
        spec: { instanceType, imageFamily: imageFamily(ctx) },
      }),
      // GCE instance hostnames are fully qualified; nodes take the short name.
      kubeadm: usesCloudInit(ctx)
        ? { nodeName: '{{ ds.meta_data.local_hostname.split(".")[0] }}' }
        : {},
    }),
  }),
};
