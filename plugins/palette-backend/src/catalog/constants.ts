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

/**
 * The payload of the events palette-backend publishes on {@link
 * PALETTE_PROFILES_EVENT_TOPIC} and {@link PALETTE_CLUSTERS_EVENT_TOPIC}: the
 * name of what changed, never its state, so that subscribers always read the
 * committed state back.
 *
 * @public
 */
export interface PaletteChangedEventPayload {
  /** The name of the profile or cluster that was created, changed or deleted. */
  name: string;
}

/** The payload of a {@link PALETTE_PROFILES_EVENT_TOPIC} event. @public */
export type ProfileChangedEventPayload = PaletteChangedEventPayload;

/**
 * Annotation keys of the `Resource` entities that stand for clusters. All
 * but `addOnProfiles` come from palette-common's `PALETTE_ANNOTATIONS`.
 *
 * @public
 */
export const PALETTE_CLUSTER_ANNOTATIONS = {
  /** The name of the cluster in palette-backend. */
  cluster: PALETTE_ANNOTATIONS.cluster,
  /** The lifecycle phase when the catalog last synced, e.g. `Running`. */
  phase: PALETTE_ANNOTATIONS.phase,
  /** The profile the cluster runs, as `name@version`. */
  profile: PALETTE_ANNOTATIONS.profile,
  /** The add-on profiles, as `name@version`, comma-separated. */
  addOnProfiles: 'palette.io/add-on-profiles',
  /** The infrastructure provider, e.g. `aws` or `eks`. */
  cloudType: PALETTE_ANNOTATIONS.cloudType,
  region: PALETTE_ANNOTATIONS.region,
  environment: PALETTE_ANNOTATIONS.environment,
  kubernetesVersion: PALETTE_ANNOTATIONS.kubernetesVersion,
  managementCluster: PALETTE_ANNOTATIONS.managementCluster,
  /** On imported clusters: `read-only` or `managed`. */
  imported: 'palette.io/imported',
} as const;

/**
 * The annotations the Backstage Kubernetes plugin's `catalog` cluster locator
 * reads from `Resource` entities of type `kubernetes-cluster`; the same
 * strings as the `ANNOTATION_KUBERNETES_*` constants of
 * `@backstage/plugin-kubernetes-common`, which this package does not depend
 * on. The locator only picks up entities that have the API server, its
 * certificate authority and an auth provider, and it hands every
 * `kubernetes.io/*` annotation to the auth provider: none may hold a secret.
 *
 * @public
 */
export const KUBERNETES_CLUSTER_ANNOTATIONS = {
  apiServer: 'kubernetes.io/api-server',
  /** The base64-encoded PEM CA bundle of the API server; public data. */
  apiServerCertificateAuthority:
    'kubernetes.io/api-server-certificate-authority',
  /** e.g. `aws`, `azure`, `google`, `oidc`. */
  authProvider: 'kubernetes.io/auth-provider',
  /** `true` when the cluster has no metrics server to ask. */
  skipMetricsLookup: 'kubernetes.io/skip-metrics-lookup',
} as const;

/** `spec.type` of the `Resource` entity of a cluster. @public */
export const KUBERNETES_CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/** The location that cluster entities are managed by. @public */
export const PALETTE_CLUSTERS_LOCATION = 'palette:clusters';

/** The name of the catalog entity provider of clusters. @public */
export const PALETTE_CLUSTERS_PROVIDER_NAME = 'palette-clusters';

/**
 * The events topic palette-backend publishes on after each committed cluster
 * change (created, phase changed, upgraded, scaled, deleted...); the payload
 * is {@link ClusterChangedEventPayload}.
 *
 * @public
 */
export const PALETTE_CLUSTERS_EVENT_TOPIC = 'palette.clusters';

/** The payload of a {@link PALETTE_CLUSTERS_EVENT_TOPIC} event. @public */
export type ClusterChangedEventPayload = PaletteChangedEventPayload;
