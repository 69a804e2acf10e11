import { KubeObject } from '../../store/types';
import { WorkloadCluster } from '../model/types';
import { metaOf } from './meta';

export function storageClassObjects(model: WorkloadCluster): KubeObject[] {
  return model.storageClasses.map(c => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: metaOf(model.name, 'StorageClass', c.name, model.createdAt, {
      annotations: c.isDefault
        ? { 'storageclass.kubernetes.io/is-default-class': 'true' }
        : {},
    }),
    provisioner: c.provisioner,
    ...(c.parameters ? { parameters: c.parameters } : {}),
    reclaimPolicy: c.reclaimPolicy ?? 'Delete',
    volumeBindingMode: c.volumeBindingMode ?? 'Immediate',
    ...(c.allowVolumeExpansion !== undefined
      ? { allowVolumeExpansion: c.allowVolumeExpansion }
      : {}),
  }));
}
