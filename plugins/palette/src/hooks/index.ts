export {
  useCanCreateProfile,
  useProfilePermissions,
  type ProfilePermissions,
} from './useProfilePermissions';
export {
  usePackCatalog,
  groupPacks,
  type CatalogPack,
  type PackCatalog,
} from './usePackCatalog';
export { useDefaultOwner } from './useDefaultOwner';
export {
  useCanCreateCluster,
  useClusterPermissions,
  type ClusterPermissions,
} from './useClusterPermissions';
export { usePolledValue, type PolledValue } from './usePolledValue';
export {
  usePagedFilters,
  type PagedFilters,
  type Paging,
} from './usePagedFilters';
export { useAllowed, useResourcePermissions } from './useResourcePermissions';
