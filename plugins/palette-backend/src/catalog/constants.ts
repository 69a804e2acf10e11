import { PALETTE_ANNOTATIONS } from '@palette-backstage/plugin-palette-common';

/**
 * Annotation keys of the `Resource` entities that stand for cluster profiles.
 * `cloudType` and `latestVersion` come from palette-common; the others are
 * defined here until they move to `PALETTE_ANNOTATIONS`.
 *
 * @public
 */
export const PALETTE_PROFILE_ANNOTATIONS = {
  /** The cloud type of the profile, e.g. `aws`. */
  cloudType: PALETTE_ANNOTATIONS.cloudType,
  /** The highest published version that is not deprecated. */
  latestVersion: PALETTE_ANNOTATIONS.latestVersion,
  /** Every published version, comma-separated, highest first. */
  versions: 'palette.io/versions',
  /** The deprecated published versions, comma-separated, highest first. */
  deprecatedVersions: 'palette.io/deprecated-versions',
  /** `infra`, `add-on` or `full`. */
  profileType: 'palette.io/profile-type',
  /** The layers of the latest version, e.g. `ubuntu@24.4.4, kubeadm@1.34.2`. */
  layers: 'palette.io/layers',
} as const;

/** `spec.type` of the `Resource` entity of a cluster profile. @public */
export const CLUSTER_PROFILE_ENTITY_TYPE = 'cluster-profile';

/**
 * The location that profile entities are managed by, used both for the
 * `backstage.io/managed-by-location` annotations and as the location key of
 * the provider's mutations.
 *
 * @public
 */
export const PALETTE_PROFILES_LOCATION = 'palette:profiles';

/** The name of the catalog entity provider of cluster profiles. @public */
export const PALETTE_PROFILES_PROVIDER_NAME = 'palette-profiles';

/**
 * The events topic palette-backend publishes on whenever a profile is
 * created, changed or deleted; the payload is {@link ProfileChangedEventPayload}.
 *
 * @public
 */
export const PALETTE_PROFILES_EVENT_TOPIC = 'palette.profiles';

/** The payload of a {@link PALETTE_PROFILES_EVENT_TOPIC} event. @public */
export interface ProfileChangedEventPayload {
  /** The name of the profile that was created, changed or deleted. */
  name: string;
}
