import {
  ClusterInventory,
  DiscoveredHelmRelease,
  HelmPackKind,
} from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { PackRegistry } from '../../packs';
import { REDACTED } from '../discovery/helmReleases';
import { customLayer } from './customPacks';
import { deprecatedNote, nearestNotAbove, preferCurrent } from './packChoice';
import { MappedLayer } from './types';

/** The values without the redacted ones: a secret is not a value to keep. */
function withoutRedacted(value: unknown): unknown {
  if (Array.isArray(value))
    return value.filter(v => v !== REDACTED).map(withoutRedacted);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== REDACTED)
      .map(([k, v]) => [k, withoutRedacted(v)] as const)
      .filter(
        ([, v]) => !(v && typeof v === 'object' && Object.keys(v).length === 0),
      );
    return Object.fromEntries(entries);
  }
  return value;
}

function valuesYaml(release: DiscoveredHelmRelease): string | undefined {
  const values = withoutRedacted(release.values) as Record<string, unknown>;
  return Object.keys(values).length
    ? yaml.dump(values, { lineWidth: -1, noRefs: true })
    : undefined;
}

const hasRedacted = (value: unknown): boolean =>
  value === REDACTED ||
  (value !== null &&
    typeof value === 'object' &&
    Object.values(value).some(hasRedacted));

/**
 * One add-on layer per Helm release: the registry's pack of the same chart
 * at the nearest version not above the release's, else a custom pack of the
 * chart. The release's values become the layer's (sensitive ones left out,
 * noted). Charts already mapped as the CNI or CSI layer are skipped.
 */
export function mapHelmReleases(
  inventory: ClusterInventory,
  packs: PackRegistry,
  mappedPacks: Set<string>,
): MappedLayer[] {
  const helmPacks = packs.list().filter(p => p.kind.type === 'helm');
  const layers: MappedLayer[] = [];
  for (const release of inventory.helmReleases) {
    const candidates = preferCurrent(
      helmPacks.filter(p => (p.kind as HelmPackKind).chart === release.chart),
    );
    if (candidates.some(p => mappedPacks.has(p.name))) continue;
    const discovered = `${release.namespace}/${release.name} (${release.chart} ${release.chartVersion})`;
    const values = valuesYaml(release);
    const notes = [
      hasRedacted(release.values)
        ? 'sensitive values were left out; set them through variables'
        : undefined,
    ];
    const choice = nearestNotAbove(
      candidates,
      release.chartVersion,
      p => (p.kind as HelmPackKind).chartVersion,
    );
    const layer: MappedLayer = choice
      ? {
          layer: 'addon',
          discovered,
          mappedTo: 'registry',
          pack: { name: choice.pack.name, version: choice.pack.version },
          ...(values ? { values } : {}),
          ...(choice.exact
            ? {}
            : {
                note: `nearest chart version of ${choice.pack.name} in the registry`,
              }),
        }
      : customLayer(packs, {
          layer: 'addon',
          discovered,
          chart: release.chart,
          version: release.chartVersion,
          namespace: release.namespace,
          releaseName: release.name,
          values,
        });
    if (choice) notes.push(deprecatedNote(choice.pack));
    layer.note = [layer.note, ...notes].filter(Boolean).join('; ') || undefined;
    if (!layer.note) delete layer.note;
    if (mappedPacks.has(layer.pack.name)) continue;
    mappedPacks.add(layer.pack.name);
    layers.push(layer);
  }
  return layers;
}
