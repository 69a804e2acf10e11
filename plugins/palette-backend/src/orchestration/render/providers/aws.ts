import { API } from '../apiVersions';
import { compact } from '../compact';
import { RenderContext, setting } from '../context';
import { usesCloudInit } from '../osImages';
import type { OsPackKind } from '@palette-backstage/plugin-palette-common';
import { AWS_IDENTITY_KINDS, awsIdentityRef } from './awsIdentity';
import { kubeadmTopology } from './kubeadmTopology';
import type { ProviderRenderer } from './types';

/**
 * CAPA finds node images by `capa-ami-<baseOS>-<k8s version>-*`, published
 * by the CAPA project for Ubuntu (or by the platform team with
 * image-builder, then with the account's `imageLookupOrg`).
 */
function imageLookupBaseOS(os: OsPackKind): string {
  const [major, minor] = os.release.split('.');
  switch (os.distribution) {
    case 'ubuntu':
      return `ubuntu-${major}.${minor}`;
    case 'flatcar':
      return 'flatcar-stable';
    default:
      return `${os.distribution}-${major}`;
  }
}

function machineSpec(ctx: RenderContext, instanceType: string) {
  const flatcar = ctx.os.kind.distribution === 'flatcar';
  return compact({
    instanceType,
    imageLookupBaseOS: imageLookupBaseOS(ctx.os.kind),
    imageLookupOrg: setting(ctx, 'imageLookupOrg'),
    sshKeyName: setting(ctx, 'sshKeyName'),
    // CAPA writes Ignition user data for Flatcar only when told the version.
    ignition: flatcar ? { version: '3.4' } : undefined,
    // The CAPA quick-start instance profiles (clusterawsadm's defaults).
    iamInstanceProfile: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
  });
}

/** Self-managed Kubernetes on EC2 (Cluster API Provider AWS). */
export const awsRenderer: ProviderRenderer = {
  cloudType: 'aws',
  displayName: 'AWS (CAPA)',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta2, kind: 'AWSClusterTemplate' },
    { apiVersion: API.infrastructureV1beta2, kind: 'AWSMachineTemplate' },
  ],
  credentialKinds: AWS_IDENTITY_KINDS,
  render: ctx => ({
    topology: kubeadmTopology(ctx, {
      infrastructure: {
        apiVersion: API.infrastructureV1beta2,
        kind: 'AWSClusterTemplate',
        role: 'cluster',
        spec: compact({
          region: ctx.request.region,
          identityRef: awsIdentityRef(ctx),
          sshKeyName: setting(ctx, 'sshKeyName'),
        }),
      },
      machine: (role, { instanceType }) => {
        const spec = machineSpec(ctx, instanceType);
        return {
          apiVersion: API.infrastructureV1beta2,
          kind: 'AWSMachineTemplate',
          role,
          spec:
            role === 'control-plane-machine'
              ? {
                  ...spec,
                  iamInstanceProfile:
                    'control-plane.cluster-api-provider-aws.sigs.k8s.io',
                }
              : spec,
        };
      },
      // EC2 hostnames are what the AWS cloud provider expects node names to be.
      kubeadm: usesCloudInit(ctx)
        ? { nodeName: '{{ ds.meta_data.local_hostname }}' }
        : {},
    }),
  }),
};
