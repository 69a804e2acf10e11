/**
 * Scaffolder actions that request Palette clusters on behalf of the
 * template's initiator.
 *
 * @packageDocumentation
 */
export { paletteScaffolderModule as default } from './module';
export * from './actions';
export {
  PaletteClusterClient,
  type PaletteCallOptions,
  type PaletteClusterClientOptions,
} from './client/PaletteClusterClient';
