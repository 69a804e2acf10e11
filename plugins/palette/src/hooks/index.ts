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
export {
  useCanApproveCluster,
  useCanManagePolicies,
  useCanReadAudit,
} from './useGovernancePermissions';
export {
  sameEntityRef,
  useSignedInUser,
  type SignedInUser,
} from './useSignedInUser';
export { useCanReadFleet } from './useFleetPermissions';
