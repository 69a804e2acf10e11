import { renderClassicCluster } from '../classicCluster';
import { API } from '../apiVersions';
import { compact } from '../compact';
import { setting } from '../context';
import { machineSize } from '../machineSizes';
import { kubeImageName } from '../osImages';
import type { ProviderRenderer } from './types';

/**
 * Kubernetes on bare metal from Canonical MAAS (Spectro Cloud's
 * cluster-api-provider-maas). The provider has no MaasClusterTemplate, so
 * the cluster is rendered without ClusterClass (see `renderClassicCluster`).
 * MAAS credentials are one Secret of the provider's controller.
 */
export const maasRenderer: ProviderRenderer = {
  cloudType: 'maas',
  displayName: 'MAAS',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta1, kind: 'MaasCluster' },
    { apiVersion: API.infrastructureV1beta1, kind: 'MaasMachineTemplate' },
    { apiVersion: API.controlPlane, kind: 'KubeadmControlPlane' },
    { apiVersion: API.core, kind: 'MachineDeployment' },
  ],
  credentialKinds: [],
  requiredSettings: {
    dnsDomain: 'the MAAS DNS domain the API server record is created in',
  },
  render: ctx => ({
    objects: renderClassicCluster(ctx, {
      infrastructureCluster: {
        apiVersion: API.infrastructureV1beta1,
        kind: 'MaasCluster',
        spec: {
          dnsDomain: setting(ctx, 'dnsDomain') ?? '',
          // The placement of a MAAS cluster is a MAAS availability zone.
          failureDomains: [ctx.request.region],
        },
      },
      machine: (role, { instanceType, field }) => {
        const size = machineSize(instanceType, field, ctx.messages);
        return {
          apiVersion: API.infrastructureV1beta1,
          kind: 'MaasMachineTemplate',
          role,
          spec: compact({
            // A custom boot resource uploaded under image-builder's name.
            image: `custom/${kubeImageName(ctx)}`,
            minCPU: size.cpus,
            minMemory: size.memoryMiB,
            minDiskSize: size.diskGiB,
            resourcePool: setting(ctx, 'resourcePool'),
          }),
        };
      },
    }),
  }),
};
