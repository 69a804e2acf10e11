import { isValidSemver } from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../../packs';
import { CustomHelmPack, MappedLayer } from './types';

/** A version a pack can carry: the discovered one when it is semver, else 0.0.0. */
export const packVersionOf = (version?: string) => {
  const plain = version?.replace(/^v/, '');
  return plain && isValidSemver(plain) ? plain : '0.0.0';
};

/** Custom pack names: the chart's, as a lowercase DNS label. */
export const customPackName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63) || 'imported';

/** A custom pack name that is not a curated pack's (those names are reserved). */
function freeCustomName(packs: PackRegistry, name: string): string {
  const curated = packs
    .versions(name)
    .some(v => packs.get(name, v)!.source === 'builtin');
  return curated ? `${name.slice(0, 56)}-custom` : name;
}

/**
 * A layer for a part the registry has no pack for: a custom Helm pack named
 * after it, at its discovered version. Where the chart comes from is not
 * discoverable, so the note says to set the repository before publishing.
 */
export function customLayer(
  packs: PackRegistry,
  input: {
    layer: 'cni' | 'csi' | 'addon';
    discovered: string;
    chart: string;
    version?: string;
    namespace: string;
    releaseName?: string;
    values?: string;
  },
): MappedLayer {
  const version = packVersionOf(input.version);
  const customPack: CustomHelmPack = {
    name: freeCustomName(packs, customPackName(input.chart)),
    version,
    layer: input.layer,
    chart: input.chart,
    chartVersion: version,
    namespace: input.namespace,
    ...(input.releaseName ? { releaseName: input.releaseName } : {}),
    description: `Created from an imported cluster: ${input.discovered}`,
  };
  return {
    layer: input.layer,
    discovered: input.discovered,
    mappedTo: 'custom',
    pack: { name: customPack.name, version },
    note: `no registry pack for ${input.chart}: custom pack ${customPack.name}@${version} created; its chart repository is unknown, set it before publishing`,
    ...(input.values ? { values: input.values } : {}),
    customPack,
  };
}
