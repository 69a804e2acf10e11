export { catalogModulePalette, catalogModulePaletteProfiles } from './module';
export {
  CLUSTER_PROFILE_ENTITY_TYPE,
  KUBERNETES_CLUSTER_ANNOTATIONS,
  KUBERNETES_CLUSTER_ENTITY_TYPE,
  PALETTE_CLUSTER_ANNOTATIONS,
  PALETTE_CLUSTERS_EVENT_TOPIC,
  PALETTE_CLUSTERS_LOCATION,
  PALETTE_CLUSTERS_PROVIDER_NAME,
  PALETTE_PROFILE_ANNOTATIONS,
  PALETTE_PROFILES_EVENT_TOPIC,
  PALETTE_PROFILES_LOCATION,
  PALETTE_PROFILES_PROVIDER_NAME,
} from './constants';
export type {
  ClusterChangedEventPayload,
  PaletteChangedEventPayload,
  ProfileChangedEventPayload,
} from './constants';
export { profileToEntity } from './profileToEntity';
export type { ProfileToEntityOptions } from './profileToEntity';
export { clusterToEntity } from './clusterToEntity';
export type {
  ClusterKubernetesOptions,
  ClusterToEntityOptions,
} from './clusterToEntity';
export type { PaletteCatalogSource } from './PaletteCatalogSource';
export type { ProfileCatalogSource } from './ProfileCatalogSource';
export type {
  ClusterCatalogRecord,
  ClusterCatalogSource,
} from './ClusterCatalogSource';
export {
  DEFAULT_PALETTE_SYNC_SCHEDULE,
  PaletteEntityProvider,
} from './PaletteEntityProvider';
export type {
  PaletteEntityKind,
  PaletteEntityProviderCreateOptions,
  PaletteEntityProviderOptions,
} from './PaletteEntityProvider';
export {
  DEFAULT_PROFILE_SYNC_SCHEDULE,
  PaletteProfileEntityProvider,
} from './PaletteProfileEntityProvider';
export type { PaletteProfileEntityProviderOptions } from './PaletteProfileEntityProvider';
export { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
export type { PaletteClusterEntityProviderOptions } from './PaletteClusterEntityProvider';
export type { PaletteApiReaderOptions } from './PaletteApiReader';
export { HttpProfileCatalogSource } from './HttpProfileCatalogSource';
export type { HttpProfileCatalogSourceOptions } from './HttpProfileCatalogSource';
export { HttpClusterCatalogSource } from './HttpClusterCatalogSource';
export type { HttpClusterCatalogSourceOptions } from './HttpClusterCatalogSource';
export {
  PALETTE_PROFILES_SUBSCRIBER_ID,
  subscribeToProfileEvents,
} from './subscribeToProfileEvents';
export {
  PALETTE_CLUSTERS_SUBSCRIBER_ID,
  subscribeToClusterEvents,
} from './subscribeToClusterEvents';
