import { API } from '../apiVersions';
import { compact } from '../compact';
import { RenderContext, setting } from '../context';
import { kubeImageName, usesCloudInit } from '../osImages';
import { kubeadmTopology } from './kubeadmTopology';
import type { ProviderRenderer } from './types';

/** CAPO's reference types: a `clouds.yaml` Secret, or a cluster-wide identity. */
const IDENTITY_TYPES: Record<string, 'Secret' | 'ClusterIdentity'> = {
  Secret: 'Secret',
  OpenStackClusterIdentity: 'ClusterIdentity',
};

/** The node network CAPO creates when the account names none. */
const DEFAULT_NODE_CIDR = '10.6.0.0/24';

/**
 * CAPO's `identityRef`: the `clouds.yaml` Secret (in the cluster's
 * namespace) or OpenStackClusterIdentity of the account, the cloud to use in
 * it (`cloudName`, default `openstack`) and the region.
 */
function identityRef(ctx: RenderContext) {
  const ref = ctx.account.credentialRef;
  if (!ref) return undefined; // reported: CAPO needs credentials
  return {
    type: IDENTITY_TYPES[ref.kind] ?? 'Secret',
    name: ref.name,
    cloudName: setting(ctx, 'cloudName') ?? 'openstack',
    region: ctx.request.region,
  };
}

function clusterSpec(ctx: RenderContext) {
  const externalNetwork = setting(ctx, 'externalNetwork');
  const network = setting(ctx, 'network');
  return compact({
    identityRef: identityRef(ctx),
    externalNetwork: externalNetwork
      ? { filter: { name: externalNetwork } }
      : undefined,
    // An existing network when the account names one, else one CAPO manages.
    network: network ? { filter: { name: network } } : undefined,
    managedSubnets: network
      ? undefined
      : [{ cidr: setting(ctx, 'nodeCidr') ?? DEFAULT_NODE_CIDR }],
    managedSecurityGroups: { allowAllInClusterTraffic: true },
    apiServerLoadBalancer: { enabled: true },
  });
}

/** Kubernetes on OpenStack servers (Cluster API Provider OpenStack). */
export const openstackRenderer: ProviderRenderer = {
  cloudType: 'openstack',
  displayName: 'OpenStack (CAPO)',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta1, kind: 'OpenStackClusterTemplate' },
    { apiVersion: API.infrastructureV1beta1, kind: 'OpenStackMachineTemplate' },
  ],
  credentialKinds: Object.keys(IDENTITY_TYPES),
  credentialRequired: true,
  render: ctx => ({
    topology: kubeadmTopology(ctx, {
      infrastructure: {
        apiVersion: API.infrastructureV1beta1,
        kind: 'OpenStackClusterTemplate',
        role: 'cluster',
        spec: clusterSpec(ctx),
      },
      machine: (role, { instanceType }) => ({
        apiVersion: API.infrastructureV1beta1,
        kind: 'OpenStackMachineTemplate',
        role,
        spec: compact({
          // The instance type of an OpenStack pool is a Nova flavor.
          flavor: instanceType,
          image: { filter: { name: kubeImageName(ctx) } },
          sshKeyName: setting(ctx, 'sshKeyName'),
        }),
      }),
      kubeadm: usesCloudInit(ctx) ? { nodeName: '{{ local_hostname }}' } : {},
    }),
  }),
};
