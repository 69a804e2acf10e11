/**
 * The Cluster API renderers: a cluster request, its profiles and cloud
 * account in; the objects to apply to the management cluster (or every
 * problem) out. One renderer per provider in `providers/`; shared builders
 * for topologies, kubeadm, add-ons, names and labels beside them.
 */
export { renderCluster, renderClusterWithMessages } from './renderCluster';
export type { RenderResultWithMessages } from './renderCluster';
export { renderedKinds } from './renderedKinds';
export type { ObjectKind } from './apiVersions';
export { clusterObjectName, CONTROL_PLANE_SUFFIX, templateName } from './names';
export { paletteLabels, clusterSelector } from './labels';
export type { ProviderCloudType } from './context';
export { PROVIDER_RENDERERS, CONTROL_PLANE_VIP_VARIABLE } from './providers';
export { SCALING_ANNOTATIONS } from './scaling';
export { MACHINE_SIZES } from './machineSizes';
export { renderImportedCluster, IMPORTED_LABEL } from './importedCluster';
export type { ImportedRenderInput } from './importedCluster';
