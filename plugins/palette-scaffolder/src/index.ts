/**
 * Scaffolder actions that request Palette clusters on behalf of the
 * template's initiator.
 *
 * @packageDocumentation
 */
export { paletteScaffolderModule as default } from './module';
