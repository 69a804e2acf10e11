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
