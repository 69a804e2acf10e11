/**
 * The Palette backend plugin: cluster profiles, governance and Cluster API
 * orchestration for Backstage.
 *
 * @packageDocumentation
 */
export { palettePlugin as default } from './plugin';
export { catalogModulePalette, catalogModulePaletteProfiles } from './catalog';
export {
  paletteProfileConditions,
  createPaletteProfileConditionalDecision,
  paletteProfilePermissionRules,
  paletteProfileResourceRef,
} from './permissions/profilePermissionRules';
export {
  paletteClusterConditions,
  createPaletteClusterConditionalDecision,
  paletteClusterPermissionRules,
  paletteClusterResourceRef,
} from './permissions/clusterPermissionRules';
