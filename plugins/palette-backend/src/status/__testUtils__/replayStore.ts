import { RunningSimulator } from '@palette-backstage/capi-simulator';
import {
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
} from '@palette-backstage/plugin-palette-common';
import { LiveClusterObjects } from '../types';
import { ClusterObjectIndex } from '../watch/ClusterObjectIndex';
import { ResourceRole, WatchedResource } from '../watch/watchedResources';

const ROLES: Record<string, ResourceRole> = {
  Cluster: 'cluster',
  KubeadmControlPlane: 'controlPlane',
  AWSManagedControlPlane: 'controlPlane',
  GCPManagedControlPlane: 'controlPlane',
  AzureASOManagedControlPlane: 'controlPlane',
  MachineDeployment: 'pool',
  MachinePool: 'pool',
};

/**
 * Calls back with a cluster's live objects after every single write the
 * simulated controllers make, straight from the simulator's store: every
 * intermediate state a watch could deliver, in order, without timing
 * dependence.
 */
export function onEveryWrite(
  simulator: RunningSimulator,
  callback: (clusterName: string, live: LiveClusterObjects) => void,
): () => void {
  const index = new ClusterObjectIndex();
  return simulator.store.watch(simulator.store.currentRevision, event => {
    const { kind, apiVersion, metadata } = event.object;
    const role = ROLES[kind];
    if (!role) return;
    if (
      role === 'cluster' &&
      metadata.labels?.[PALETTE_LABELS.managedBy] !== PALETTE_MANAGED_BY
    )
      return;
    const [group, version] = apiVersion.split('/');
    const resource: WatchedResource = {
      group,
      version,
      kind,
      plural: `${kind.toLowerCase()}s`,
      role,
    };
    const obj = structuredClone(event.object) as Record<string, unknown>;
    const clusters =
      event.type === 'DELETED'
        ? index.remove(resource, obj)
        : index.upsert(resource, obj);
    for (const name of clusters) callback(name, index.snapshot(name));
  });
}
