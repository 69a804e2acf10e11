import type {
  GeneratedProfileResult,
  ProfileLayer,
} from '@palette-backstage/plugin-palette-common';

/** One generated layer, with how it was mapped. */
export type MappedLayer = GeneratedProfileResult['layers'][number] & {
  /** The layer's values, as YAML, when discovery found any. */
  values?: string;
  /** A custom pack to create first, for parts the registry has no pack for. */
  customPack?: CustomHelmPack;
};

/** What a custom Helm pack is made of, before it is added to the registry. */
export interface CustomHelmPack {
  name: string;
  version: string;
  layer: 'cni' | 'csi' | 'addon';
  chart: string;
  chartVersion: string;
  namespace: string;
  releaseName?: string;
  description: string;
}

/** The layers as the profile store takes them. */
export const toProfileLayers = (layers: MappedLayer[]): ProfileLayer[] =>
  layers.map(l => ({
    packName: l.pack.name,
    packVersion: l.pack.version,
    ...(l.values ? { values: l.values } : {}),
  }));
