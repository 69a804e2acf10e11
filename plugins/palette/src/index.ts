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
} from './plugin';
export { isPaletteEntity } from './components/EntityPaletteContent';
export { isPaletteProfileEntity } from './components/EntityProfileContent';
export { paletteApiRef } from './api/PaletteApi';
export type {
  PaletteApi,
  ListPacksFilter,
  SaveDraftResponse,
} from './api/PaletteApi';
export { PaletteClient } from './api/PaletteClient';
export { rootRouteRef, profilesRouteRef, profileRouteRef } from './routes';
