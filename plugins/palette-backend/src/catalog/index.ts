export { catalogModulePaletteProfiles } from './module';
export {
  CLUSTER_PROFILE_ENTITY_TYPE,
  PALETTE_PROFILE_ANNOTATIONS,
  PALETTE_PROFILES_EVENT_TOPIC,
  PALETTE_PROFILES_LOCATION,
  PALETTE_PROFILES_PROVIDER_NAME,
} from './constants';
export type { ProfileChangedEventPayload } from './constants';
export { profileToEntity } from './profileToEntity';
export type { ProfileToEntityOptions } from './profileToEntity';
export type { ProfileCatalogSource } from './ProfileCatalogSource';
export {
  DEFAULT_PROFILE_SYNC_SCHEDULE,
  PaletteProfileEntityProvider,
} from './PaletteProfileEntityProvider';
export type { PaletteProfileEntityProviderOptions } from './PaletteProfileEntityProvider';
export { HttpProfileCatalogSource } from './HttpProfileCatalogSource';
export type { HttpProfileCatalogSourceOptions } from './HttpProfileCatalogSource';
export {
  PALETTE_PROFILES_SUBSCRIBER_ID,
  subscribeToProfileEvents,
} from './subscribeToProfileEvents';
