export { PaletteProfilePicker } from './PaletteProfilePicker';
export { PaletteNodePoolEditor } from './PaletteNodePoolEditor';
export { PaletteCostEstimate } from './PaletteCostEstimate';
export {
  costEstimateUiOptionsProperties,
  type CostEstimateUiOptions,
} from './costEstimate';
export {
  validatePaletteNodePools,
  validatePaletteProfilePick,
} from './validation';
export {
  policyScopeOf,
  offeredProfiles,
  type ProfilePickerUiOptions,
  type ProfilePickerValue,
} from './profilePicker';
export { workerPoolProblems, type NodePoolEditorUiOptions } from './nodePools';
