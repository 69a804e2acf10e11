import { DEFAULT_NAMESPACE, ResourceEntity } from '@backstage/catalog-model';
import {
  compareSemver,
  isValidSemver,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import {
  CLUSTER_PROFILE_ENTITY_TYPE,
  PALETTE_PROFILE_ANNOTATIONS,
  PALETTE_PROFILES_LOCATION,
} from './constants';
import {
  managedByAnnotations,
  palettePageLinks,
  toCatalogTags,
} from './entityParts';

/** @public */
export interface ProfileToEntityOptions {
  /** The catalog namespace of the entity; `default` when absent. */
  namespace?: string;
  /**
   * The location the entity is managed by (both `managed-by` annotations);
   * `palette:profiles` when absent.
   */
  locationKey?: string;
  /**
   * The app's base URL (`app.baseUrl`), for the link to the profile page.
   * Without it the entity has no link: the catalog accepts absolute URLs only.
   */
  appBaseUrl?: string;
}

/** Highest first; versions that are not semver keep their order, last. */
function sortVersionsDescending(versions: readonly string[]): string[] {
  const valid = versions.filter(isValidSemver);
  const invalid = versions.filter(version => !isValidSemver(version));
  return [...valid.sort((a, b) => compareSemver(b, a)), ...invalid];
}

/** `ubuntu@24.4.4, kubeadm@1.34.2, cilium@1.18.2, aws-ebs-csi@1.48.0`. */
export function formatLayerSummary(
  layers: ProfileSummary['layerSummary'],
): string {
  return layers
    .map(layer => `${layer.packName}@${layer.packVersion}`)
    .join(', ');
}

/**
 * The catalog `Resource` entity (`spec.type: cluster-profile`) of a cluster
 * profile.
 *
 * @public
 */
export function profileToEntity(
  summary: ProfileSummary,
  options: ProfileToEntityOptions = {},
): ResourceEntity {
  const locationKey = options.locationKey ?? PALETTE_PROFILES_LOCATION;
  const annotations: Record<string, string> = {
    ...managedByAnnotations(locationKey),
    [PALETTE_PROFILE_ANNOTATIONS.cloudType]: summary.cloudType,
    [PALETTE_PROFILE_ANNOTATIONS.profileType]: summary.type,
  };
  if (summary.latestVersion) {
    annotations[PALETTE_PROFILE_ANNOTATIONS.latestVersion] =
      summary.latestVersion;
  }
  const versions = sortVersionsDescending(
    summary.versions.map(version => version.version),
  );
  if (versions.length > 0) {
    annotations[PALETTE_PROFILE_ANNOTATIONS.versions] = versions.join(',');
  }
  const deprecated = sortVersionsDescending(
    summary.versions
      .filter(version => version.deprecated)
      .map(version => version.version),
  );
  if (deprecated.length > 0) {
    annotations[PALETTE_PROFILE_ANNOTATIONS.deprecatedVersions] =
      deprecated.join(',');
  }
  if (summary.layerSummary.length > 0) {
    annotations[PALETTE_PROFILE_ANNOTATIONS.layers] = formatLayerSummary(
      summary.layerSummary,
    );
  }

  const links = palettePageLinks(
    options.appBaseUrl,
    `profiles/${encodeURIComponent(summary.name)}`,
    { title: 'Open in Palette', icon: 'dashboard', type: 'palette-profile' },
  );

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: summary.name,
      namespace: options.namespace ?? DEFAULT_NAMESPACE,
      ...(summary.displayName ? { title: summary.displayName } : {}),
      ...(summary.description ? { description: summary.description } : {}),
      tags: toCatalogTags(summary.tags),
      annotations,
      ...(links.length > 0 ? { links } : {}),
    },
    spec: {
      type: CLUSTER_PROFILE_ENTITY_TYPE,
      owner: summary.owner,
    },
  };
}
