import { useApi } from '@backstage/core-plugin-api';
import {
  CloudType,
  compareSemver,
  isValidSemver,
  Pack,
  PackLayer,
} from '@palette-backstage/plugin-palette-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../api/PaletteApi';

/** One pack with all its versions, highest first. */
export interface CatalogPack {
  name: string;
  displayName: string;
  description: string;
  layer: PackLayer;
  /** The pack's versions, highest first. */
  versions: Pack[];
}

/** The packs a profile may use, by layer and by name. */
export interface PackCatalog {
  loading: boolean;
  error?: Error;
  byLayer: Partial<Record<PackLayer, CatalogPack[]>>;
  byName: ReadonlyMap<string, CatalogPack>;
}

function byVersionDescending(a: Pack, b: Pack): number {
  if (isValidSemver(a.version) && isValidSemver(b.version))
    return compareSemver(b.version, a.version);
  return b.version.localeCompare(a.version);
}

/** Groups pack versions into packs. */
export function groupPacks(items: Pack[]): CatalogPack[] {
  const packs = new Map<string, CatalogPack>();
  for (const item of items) {
    const pack = packs.get(item.name) ?? {
      name: item.name,
      displayName: item.displayName,
      description: item.description,
      layer: item.layer,
      versions: [],
    };
    pack.versions.push(item);
    packs.set(item.name, pack);
  }
  const result = [...packs.values()];
  for (const pack of result) {
    pack.versions.sort(byVersionDescending);
    // The newest version names the pack.
    pack.displayName = pack.versions[0].displayName;
    pack.description = pack.versions[0].description;
  }
  return result.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The packs of the given layers that support a cloud type, fetched per
 * layer from the registry.
 */
export function usePackCatalog(
  cloudType: CloudType,
  layers: readonly PackLayer[],
): PackCatalog {
  const paletteApi = useApi(paletteApiRef);
  const layerKey = layers.join(',');
  const { value, loading, error } = useAsync(async () => {
    const lists = await Promise.all(
      layerKey
        .split(',')
        .filter(Boolean)
        .map(async layer => {
          const { items } = await paletteApi.listPacks({
            layer: layer as PackLayer,
            cloudType,
          });
          return [layer as PackLayer, groupPacks(items)] as const;
        }),
    );
    return Object.fromEntries(lists) as Partial<
      Record<PackLayer, CatalogPack[]>
    >;
  }, [paletteApi, cloudType, layerKey]);

  return useMemo(() => {
    const byLayer = value ?? {};
    const byName = new Map<string, CatalogPack>();
    for (const packs of Object.values(byLayer))
      for (const pack of packs ?? []) byName.set(pack.name, pack);
    return { loading, error, byLayer, byName };
  }, [value, loading, error]);
}
