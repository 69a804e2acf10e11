export { EntityPaletteContent, isPaletteEntity } from './EntityPaletteContent';
