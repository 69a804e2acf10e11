import {
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
} from '@palette-backstage/plugin-palette-common';

/**
 * A text as a Kubernetes label value: at most 63 characters of letters,
 * digits, `-`, `_` and `.`, starting and ending with a letter or digit.
 * Profile versions may carry semver build metadata (`1.0.0+build.5`), whose
 * `+` a label value cannot hold; it becomes `_`.
 */
export function toLabelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
}

/** What the labels of one rendered object say. */
export interface LabelSource {
  cluster: string;
  /** The profile whose layer or infrastructure the object renders. */
  profile: { name: string; version: string };
  /** On add-on objects: the pack they install. */
  pack?: string;
}

/**
 * The labels on every rendered object (see `PALETTE_LABELS`): they trace the
 * object to its cluster, profile and pack, and let the reconciler find (and
 * garbage-collect) what it applied by label selector.
 */
export function paletteLabels(source: LabelSource): Record<string, string> {
  return {
    [PALETTE_LABELS.managedBy]: PALETTE_MANAGED_BY,
    [PALETTE_LABELS.cluster]: source.cluster,
    [PALETTE_LABELS.profile]: source.profile.name,
    [PALETTE_LABELS.profileVersion]: toLabelValue(source.profile.version),
    ...(source.pack ? { [PALETTE_LABELS.pack]: source.pack } : {}),
  };
}

/** The selector that picks the Cluster of this name (HelmChartProxy, ClusterResourceSet). */
export function clusterSelector(cluster: string) {
  return { matchLabels: { [PALETTE_LABELS.cluster]: cluster } };
}
