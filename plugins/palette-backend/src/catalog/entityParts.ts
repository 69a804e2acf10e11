import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  EntityLink,
  makeValidator,
} from '@backstage/catalog-model';

/**
 * Pieces shared by the mappings of profiles and clusters to catalog
 * entities.
 */

const { isValidTag } = makeValidator();

/**
 * Turns a free-form word into a catalog tag. The catalog rejects dots,
 * capitals and stray dashes, e.g. `k8s.io` becomes `k8s-io`; `undefined`
 * when nothing valid is left.
 */
export function toCatalogTag(tag: string): string | undefined {
  const normalized = tag
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return isValidTag(normalized) ? normalized : undefined;
}

/** Valid, distinct catalog tags, in first-seen order. */
export function toCatalogTags(tags: readonly string[]): string[] {
  return [
    ...new Set(
      tags.map(toCatalogTag).filter((tag): tag is string => tag !== undefined),
    ),
  ];
}

/**
 * Both `managed-by` annotations: the catalog shows the location as the
 * entity's source and keys the provider's mutations by it.
 */
export function managedByAnnotations(
  locationKey: string,
): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: locationKey,
    [ANNOTATION_ORIGIN_LOCATION]: locationKey,
  };
}

/**
 * A link to a Palette page of the portal, or none without the app's base
 * URL: the catalog accepts absolute URLs only.
 */
export function palettePageLinks(
  appBaseUrl: string | undefined,
  path: string,
  link: Omit<EntityLink, 'url'>,
): EntityLink[] {
  if (!appBaseUrl) {
    return [];
  }
  return [
    { url: `${appBaseUrl.replace(/\/+$/, '')}/palette/${path}`, ...link },
  ];
}
