/**
 * The Palette frontend: clusters, profiles, fleet, cost and compliance pages.
 *
 * @packageDocumentation
 */
export {
  palettePlugin,
  PalettePage,
  EntityPaletteContent,
  EntityPaletteProfileContent,
  EntityPaletteClusterContent,
  EntityPaletteClusterCard,
} from './plugin';
export { isPaletteClusterEntity } from './components/clusters/entity/clusterEntity';
export { isPaletteEntity } from './components/EntityPaletteContent';
export { isPaletteProfileEntity } from './components/EntityProfileContent';
export { paletteApiRef } from './api/PaletteApi';
export type {
  PaletteApi,
  ListPacksFilter,
  SaveDraftResponse,
  ListClustersFilter,
  ClusterSortKey,
  KubeconfigFile,
} from './api/PaletteApi';
export { PaletteClient } from './api/PaletteClient';
export {
  rootRouteRef,
  profilesRouteRef,
  profileRouteRef,
  clustersRouteRef,
  clusterRouteRef,
} from './routes';
