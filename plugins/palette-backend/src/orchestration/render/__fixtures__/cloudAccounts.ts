import type { CloudAccount } from '@palette-backstage/plugin-palette-common';
import type { ProviderCloudType } from '../context';

/** A cloud account per provider, configured as a platform team would. */
export const CLOUD_ACCOUNTS: Readonly<Record<ProviderCloudType, CloudAccount>> =
  {
    aws: {
      name: 'aws-prod',
      cloudType: 'aws',
      credentialRef: { kind: 'AWSClusterRoleIdentity', name: 'aws-prod-role' },
      settings: { sshKeyName: 'platform' },
      regions: ['eu-west-1', 'us-east-1'],
    },
    eks: {
      name: 'eks-prod',
      cloudType: 'eks',
      credentialRef: { kind: 'AWSClusterRoleIdentity', name: 'aws-prod-role' },
      settings: {},
      regions: ['eu-west-1'],
    },
    azure: {
      name: 'azure-prod',
      cloudType: 'azure',
      credentialRef: { kind: 'AzureClusterIdentity', name: 'azure-prod-id' },
      settings: { subscriptionID: '00000000-0000-0000-0000-000000000001' },
      regions: ['westeurope'],
    },
    aks: {
      name: 'aks-prod',
      cloudType: 'aks',
      credentialRef: { kind: 'Secret', name: 'aso-credentials' },
      settings: {},
      regions: ['westeurope', 'northeurope'],
    },
    gcp: {
      name: 'gcp-prod',
      cloudType: 'gcp',
      credentialRef: { kind: 'Secret', name: 'gcp-service-account' },
      settings: { project: 'palette-demo' },
      regions: ['europe-west1'],
    },
    gke: {
      name: 'gke-prod',
      cloudType: 'gke',
      credentialRef: { kind: 'Secret', name: 'gcp-service-account' },
      settings: { project: 'palette-demo' },
      regions: ['europe-west1'],
    },
    vsphere: {
      name: 'vsphere-dc1',
      cloudType: 'vsphere',
      credentialRef: { kind: 'VSphereClusterIdentity', name: 'vcenter-dc1' },
      settings: {
        server: 'vcenter.example.com',
        thumbprint:
          'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD',
        datastore: 'vsanDatastore',
        network: 'VM Network',
        folder: 'kubernetes',
        resourcePool: 'k8s',
      },
      regions: ['dc1'],
    },
    openstack: {
      name: 'openstack-prod',
      cloudType: 'openstack',
      credentialRef: { kind: 'Secret', name: 'openstack-clouds' },
      settings: { cloudName: 'prod', externalNetwork: 'public' },
      regions: ['RegionOne'],
    },
    maas: {
      name: 'maas-lab',
      cloudType: 'maas',
      settings: { dnsDomain: 'maas.example.com', resourcePool: 'k8s' },
      regions: ['az-1'],
    },
    dev: {
      name: 'local',
      cloudType: 'dev',
      settings: {},
      regions: ['local'],
    },
  };
