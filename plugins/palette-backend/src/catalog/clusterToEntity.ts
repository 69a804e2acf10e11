import {
  DEFAULT_NAMESPACE,
  ResourceEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ProfileRef } from '@palette-backstage/plugin-palette-common';
import { ClusterCatalogRecord } from './ClusterCatalogSource';
import {
  KUBERNETES_CLUSTER_ANNOTATIONS,
  KUBERNETES_CLUSTER_ENTITY_TYPE,
  PALETTE_CLUSTER_ANNOTATIONS,
  PALETTE_CLUSTERS_LOCATION,
} from './constants';
import {
  managedByAnnotations,
  palettePageLinks,
  toCatalogTags,
} from './entityParts';

/**
 * How cluster entities tell the Backstage Kubernetes plugin's `catalog`
 * cluster locator to reach the clusters. Nothing is set by default: how the
 * portal authenticates to workload clusters depends on the organisation.
 *
 * @public
 */
export interface ClusterKubernetesOptions {
  /**
   * `kubernetes.io/auth-provider` by cloud type, e.g.
   * `{ eks: 'aws', aks: 'azure', gke: 'google' }`.
   */
  authProviders?: Partial<Record<ClusterCatalogRecord['provider'], string>>;
  /** Sets `kubernetes.io/skip-metrics-lookup` for clusters without metrics-server. */
  skipMetricsLookup?: boolean;
}

/** @public */
export interface ClusterToEntityOptions {
  /** The catalog namespace of the entity; `default` when absent. */
  namespace?: string;
  /** The namespace of the profile entities; the cluster's when absent. */
  profileNamespace?: string;
  /** The location the entity is managed by; `palette:clusters` when absent. */
  locationKey?: string;
  /** The app's base URL (`app.baseUrl`), for the links to Palette's pages. */
  appBaseUrl?: string;
  kubernetes?: ClusterKubernetesOptions;
}

/** `aws-infra@1.10.0`. */
function formatProfileRef(ref: ProfileRef): string {
  return `${ref.name}@${ref.version}`;
}

/**
 * The API server URL when it is one the Kubernetes plugin may call: HTTP(S)
 * and without credentials, which must never reach the catalog.
 */
function safeApiServerUrl(apiServer: string | undefined): string | undefined {
  if (!apiServer) {
    return undefined;
  }
  try {
    const url = new URL(apiServer);
    const isHttp = url.protocol === 'https:' || url.protocol === 'http:';
    return isHttp && !url.username && !url.password ? apiServer : undefined;
  } catch {
    return undefined;
  }
}

/** The `kubernetes.io/*` annotations, only when the API server is known. */
function kubernetesAnnotations(
  cluster: ClusterCatalogRecord,
  options: ClusterKubernetesOptions,
): Record<string, string> {
  const apiServer = safeApiServerUrl(cluster.apiServer);
  if (!apiServer) {
    return {};
  }
  const annotations: Record<string, string> = {
    [KUBERNETES_CLUSTER_ANNOTATIONS.apiServer]: apiServer,
  };
  if (cluster.apiServerCertificateAuthority) {
    annotations[KUBERNETES_CLUSTER_ANNOTATIONS.apiServerCertificateAuthority] =
      cluster.apiServerCertificateAuthority;
  }
  const authProvider = options.authProviders?.[cluster.provider];
  if (authProvider) {
    annotations[KUBERNETES_CLUSTER_ANNOTATIONS.authProvider] = authProvider;
  }
  if (options.skipMetricsLookup) {
    annotations[KUBERNETES_CLUSTER_ANNOTATIONS.skipMetricsLookup] = 'true';
  }
  return annotations;
}

/**
 * e.g. `Kubernetes 1.34.2 cluster on aws in us-east-1 for production, from
 * profile aws-infra@1.10.0.` or `…, imported read-only.`
 */
function describeCluster(cluster: ClusterCatalogRecord): string {
  const version = cluster.kubernetesVersion
    ? ` ${cluster.kubernetesVersion}`
    : '';
  const origin = cluster.profile
    ? `from profile ${formatProfileRef(cluster.profile)}`
    : `imported ${cluster.imported?.mode ?? 'read-only'}`;
  return (
    `Kubernetes${version} cluster on ${cluster.provider} in ${cluster.region}` +
    ` for ${cluster.environment}, ${origin}.`
  );
}

/**
 * The catalog `Resource` entity (`spec.type: kubernetes-cluster`) of a
 * cluster: owned by the requesting team, part of the project's System, and
 * depending on the entities of the profiles it runs. Resources have no
 * lifecycle field, so the environment is an annotation and a tag.
 *
 * @public
 */
export function clusterToEntity(
  cluster: ClusterCatalogRecord,
  options: ClusterToEntityOptions = {},
): ResourceEntity {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const profileNamespace = options.profileNamespace ?? namespace;
  const annotations: Record<string, string> = {
    ...managedByAnnotations(options.locationKey ?? PALETTE_CLUSTERS_LOCATION),
    [PALETTE_CLUSTER_ANNOTATIONS.cluster]: cluster.name,
    [PALETTE_CLUSTER_ANNOTATIONS.phase]: cluster.phase,
    [PALETTE_CLUSTER_ANNOTATIONS.cloudType]: cluster.provider,
    [PALETTE_CLUSTER_ANNOTATIONS.region]: cluster.region,
    [PALETTE_CLUSTER_ANNOTATIONS.environment]: cluster.environment,
    [PALETTE_CLUSTER_ANNOTATIONS.managementCluster]: cluster.managementCluster,
    ...kubernetesAnnotations(cluster, options.kubernetes ?? {}),
  };
  if (cluster.profile) {
    annotations[PALETTE_CLUSTER_ANNOTATIONS.profile] = formatProfileRef(
      cluster.profile,
    );
  }
  if (cluster.imported) {
    annotations[PALETTE_CLUSTER_ANNOTATIONS.imported] = cluster.imported.mode;
  }
  if (cluster.addOnProfiles.length > 0) {
    annotations[PALETTE_CLUSTER_ANNOTATIONS.addOnProfiles] =
      cluster.addOnProfiles.map(formatProfileRef).join(', ');
  }
  if (cluster.kubernetesVersion) {
    annotations[PALETTE_CLUSTER_ANNOTATIONS.kubernetesVersion] =
      cluster.kubernetesVersion;
  }

  // Profile entities are named after the profile, not the version: the
  // version is in the annotations.
  const dependsOn = [
    ...new Set(
      [
        ...(cluster.profile ? [cluster.profile] : []),
        ...cluster.addOnProfiles,
      ].map(ref =>
        stringifyEntityRef({
          kind: 'resource',
          namespace: profileNamespace,
          name: ref.name,
        }),
      ),
    ),
  ];

  // The cluster's live lifecycle in Palette, and the fleet it is part of.
  const links = [
    ...palettePageLinks(
      options.appBaseUrl,
      `clusters/${encodeURIComponent(cluster.name)}`,
      { title: 'Open in Palette', icon: 'dashboard', type: 'palette-cluster' },
    ),
    ...palettePageLinks(options.appBaseUrl, 'clusters', {
      title: 'Palette fleet',
      icon: 'dashboard',
      type: 'palette-fleet',
    }),
  ];

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: cluster.name,
      namespace,
      description: cluster.description || describeCluster(cluster),
      tags: toCatalogTags([cluster.provider, cluster.environment]),
      annotations,
      ...(links.length > 0 ? { links } : {}),
    },
    spec: {
      type: KUBERNETES_CLUSTER_ENTITY_TYPE,
      owner: cluster.owner,
      system: cluster.project,
      dependsOn,
    },
  };
}
