import type { ProviderCloudType } from '../context';
import { aksRenderer } from './aks';
import { awsRenderer } from './aws';
import { devRenderer } from './dev';
import { eksRenderer } from './eks';
import { azureRenderer } from './azure';
import { gcpRenderer } from './gcp';
import { gkeRenderer } from './gke';
import { maasRenderer } from './maas';
import { openstackRenderer } from './openstack';
import type { ProviderRenderer } from './types';
import { vsphereRenderer } from './vsphere';

/** The renderer of each cloud type. */
export const PROVIDER_RENDERERS: Readonly<
  Record<ProviderCloudType, ProviderRenderer>
> = {
  aws: awsRenderer,
  eks: eksRenderer,
  azure: azureRenderer,
  aks: aksRenderer,
  gcp: gcpRenderer,
  gke: gkeRenderer,
  vsphere: vsphereRenderer,
  openstack: openstackRenderer,
  maas: maasRenderer,
  dev: devRenderer,
};

export { checkProvider } from './checkProvider';
export { CONTROL_PLANE_VIP_VARIABLE } from './vsphere';
export type { ProviderOutput, ProviderRenderer } from './types';
