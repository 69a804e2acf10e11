/**
 * The Palette frontend: clusters, profiles, fleet, cost and compliance pages.
 *
 * @packageDocumentation
 */
export { palettePlugin, PalettePage, EntityPaletteContent } from './plugin';
export { isPaletteEntity } from './components/EntityPaletteContent';
export { paletteApiRef } from './api/PaletteApi';
export type { PaletteApi } from './api/PaletteApi';
export { PaletteClient } from './api/PaletteClient';
