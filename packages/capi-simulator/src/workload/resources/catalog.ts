import { ResourceRegistry } from '../../api/ResourceRegistry';
import { ResourceType } from '../../api/resourceTypes';
import { KubeObject } from '../../store/types';
import { WorkloadCluster } from '../model/types';
import { daemonSetObjects, deploymentObjects } from './apps';
import { namespaceObjects, nodeObjects } from './core';
import { helmSecretObjects } from './helm';
import { scanConfigMaps } from './scans';
import { storageClassObjects } from './storage';

const type = (
  group: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[],
): ResourceType => ({
  group,
  version: 'v1',
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  hasStatus: false,
  shortNames,
});

interface Served {
  type: ResourceType;
  objects: (model: WorkloadCluster) => KubeObject[];
}

/** What a simulated workload cluster serves, read-only. */
const SERVED: Served[] = [
  {
    type: type('', 'Namespace', 'namespaces', false, ['ns']),
    objects: namespaceObjects,
  },
  { type: type('', 'Node', 'nodes', false, ['no']), objects: nodeObjects },
  { type: type('', 'Secret', 'secrets', true, []), objects: helmSecretObjects },
  {
    type: type('', 'ConfigMap', 'configmaps', true, ['cm']),
    objects: scanConfigMaps,
  },
  {
    type: type('apps', 'DaemonSet', 'daemonsets', true, ['ds']),
    objects: daemonSetObjects,
  },
  {
    type: type('apps', 'Deployment', 'deployments', true, ['deploy']),
    objects: deploymentObjects,
  },
  {
    type: type('storage.k8s.io', 'StorageClass', 'storageclasses', false, [
      'sc',
    ]),
    objects: storageClassObjects,
  },
];

/** The kinds of a workload cluster, for discovery. */
export const workloadRegistry = new ResourceRegistry(SERVED.map(s => s.type));

/** The objects of a served kind (undefined: the kind is not served). */
export function objectsOf(
  model: WorkloadCluster,
  group: string,
  version: string,
  plural: string,
): { type: ResourceType; objects: KubeObject[] } | undefined {
  const served = SERVED.find(
    s =>
      s.type.group === group &&
      s.type.version === version &&
      s.type.plural === plural,
  );
  return served && { type: served.type, objects: served.objects(model) };
}
