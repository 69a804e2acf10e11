import { API } from '../apiVersions';
import { compact } from '../compact';
import { RenderContext, setting, variableValue } from '../context';
import type { KubeadmOptions } from '../kubeadm';
import { machineSize } from '../machineSizes';
import { kubeImageName, usesCloudInit } from '../osImages';
import { KUBE_VIP_INIT_COMMAND, kubeVipFile } from './kubeVip';
import { kubeadmTopology } from './kubeadmTopology';
import type { ProviderRenderer } from './types';

/**
 * The profile variable that holds the control plane's virtual IP (a free
 * address on the VM network, held by kube-vip): vSphere profiles declare it.
 */
export const CONTROL_PLANE_VIP_VARIABLE = 'controlPlaneVip';

/** vCenter connection: server and its TLS thumbprint, on the cluster and every machine. */
function vCenter(ctx: RenderContext) {
  return compact({
    server: setting(ctx, 'server'),
    thumbprint: setting(ctx, 'thumbprint'),
  });
}

function identityRef(ctx: RenderContext) {
  const ref = ctx.account.credentialRef;
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

/**
 * What nodes need on vSphere: the VM's hostname from the guest info (CAPV
 * passes it as cloud-init metadata), and kube-vip on the control plane.
 */
function kubeadmOptions(ctx: RenderContext, vip: string): KubeadmOptions {
  const cloudInit = usesCloudInit(ctx)
    ? {
        nodeName: '{{ local_hostname }}',
        preKubeadmCommands: [
          'hostnamectl set-hostname "{{ ds.meta_data.hostname }}"',
          'echo "127.0.0.1 {{ ds.meta_data.hostname }} {{ local_hostname }} localhost" >> /etc/hosts',
        ],
      }
    : {};
  return {
    ...cloudInit,
    controlPlaneFiles: [kubeVipFile(vip)],
    controlPlanePreKubeadmCommands: [KUBE_VIP_INIT_COMMAND],
  };
}

/** Kubernetes on vSphere VMs cloned from image-builder templates (CAPV). */
export const vsphereRenderer: ProviderRenderer = {
  cloudType: 'vsphere',
  displayName: 'vSphere (CAPV)',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta2, kind: 'VSphereClusterTemplate' },
    { apiVersion: API.infrastructureV1beta2, kind: 'VSphereMachineTemplate' },
  ],
  credentialKinds: ['VSphereClusterIdentity', 'Secret'],
  requiredSettings: {
    server: 'the vCenter server address',
    network: 'the VM network (port group) nodes attach to',
  },
  validate: ctx => {
    const field = `variables.${CONTROL_PLANE_VIP_VARIABLE}`;
    if (
      variableValue(ctx, CONTROL_PLANE_VIP_VARIABLE) === undefined &&
      // A required variable without a value is reported already.
      !ctx.messages.has('variable.missing', field)
    ) {
      ctx.messages.error(
        'variable.missing',
        field,
        `vSphere clusters need a control plane virtual IP: give the variable "${CONTROL_PLANE_VIP_VARIABLE}" a value (the profile must declare it)`,
      );
    }
  },
  render: ctx => {
    const vip = variableValue(ctx, CONTROL_PLANE_VIP_VARIABLE) ?? '';
    return {
      topology: kubeadmTopology(ctx, {
        infrastructure: {
          apiVersion: API.infrastructureV1beta2,
          kind: 'VSphereClusterTemplate',
          role: 'cluster',
          spec: compact({
            ...vCenter(ctx),
            identityRef: identityRef(ctx),
            controlPlaneEndpoint: { host: vip, port: 6443 },
          }),
        },
        machine: (role, { instanceType, field }) => {
          const size = machineSize(instanceType, field, ctx.messages);
          return {
            apiVersion: API.infrastructureV1beta2,
            kind: 'VSphereMachineTemplate',
            role,
            spec: compact({
              ...vCenter(ctx),
              // The region of a vSphere cluster is its datacenter.
              datacenter: ctx.request.region,
              datastore: setting(ctx, 'datastore'),
              folder: setting(ctx, 'folder'),
              resourcePool: setting(ctx, 'resourcePool'),
              storagePolicyName: setting(ctx, 'storagePolicy'),
              template: kubeImageName(ctx),
              cloneMode: 'fullClone',
              os: 'Linux',
              powerOffMode: 'trySoft',
              numCPUs: size.cpus,
              memoryMiB: size.memoryMiB,
              diskGiB: size.diskGiB,
              network: {
                devices: [
                  { networkName: setting(ctx, 'network') ?? '', dhcp4: true },
                ],
              },
            }),
          };
        },
        kubeadm: kubeadmOptions(ctx, vip),
      }),
    };
  },
};
