import {
  ClusterInventory,
  DiscoveredComponent,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../../packs';
import { customLayer } from './customPacks';
import { deprecatedNote, nearestNotAbove, versionsOf } from './packChoice';
import { MappedLayer } from './types';

/** Registry packs of discovered CNI plugins. */
const CNI_PACKS: Record<string, string> = {
  cilium: 'cilium',
  calico: 'calico',
  flannel: 'flannel',
  'aws-vpc-cni': 'aws-vpc-cni',
  'azure-cni': 'azure-cni',
};

/** Registry packs of CSI drivers, by provisioner. */
const CSI_PACKS: Record<string, string> = {
  'ebs.csi.aws.com': 'aws-ebs-csi',
  'disk.csi.azure.com': 'azure-disk-csi',
  'pd.csi.storage.gke.io': 'gcp-pd-csi',
  'csi.vsphere.vmware.com': 'vsphere-csi',
  'cinder.csi.openstack.org': 'openstack-cinder-csi',
  'driver.longhorn.io': 'longhorn',
};

function mapComponent(
  layer: 'cni' | 'csi',
  component: DiscoveredComponent,
  packName: string | undefined,
  packs: PackRegistry,
): MappedLayer {
  const discovered = `${component.name}${
    component.version ? ` ${component.version}` : ''
  }`;
  const choice = packName
    ? nearestNotAbove(versionsOf(packs, [packName]), component.version)
    : undefined;
  if (!choice)
    return customLayer(packs, {
      layer,
      discovered,
      chart: component.name.split('.')[0],
      version: component.version,
      namespace: 'kube-system',
    });
  return {
    layer,
    discovered,
    mappedTo: 'registry',
    pack: { name: choice.pack.name, version: choice.pack.version },
    ...(choice.exact && !choice.pack.deprecated
      ? {}
      : {
          note: [
            choice.exact
              ? undefined
              : `nearest version of ${choice.pack.name} in the registry`,
            deprecatedNote(choice.pack),
          ]
            .filter(Boolean)
            .join('; '),
        }),
  };
}

/** The CNI layer, when discovery found the plugin. */
export function mapCni(
  inventory: ClusterInventory,
  packs: PackRegistry,
): MappedLayer | undefined {
  const cni = inventory.cni;
  return cni ? mapComponent('cni', cni, CNI_PACKS[cni.name], packs) : undefined;
}

/** One CSI layer per driver in use. */
export function mapCsi(
  inventory: ClusterInventory,
  packs: PackRegistry,
): MappedLayer[] {
  return inventory.csi.map(c =>
    mapComponent('csi', c, CSI_PACKS[c.name], packs),
  );
}
