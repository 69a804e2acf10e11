export { RolloutsRouter } from './RolloutsRouter';
export { CreateRolloutDialog } from './create/CreateRolloutDialog';
export type { RolloutPreset } from './create/rolloutForm';
