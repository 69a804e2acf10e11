import { ConflictError, InputError } from '@backstage/errors';
import type {
  CloudType,
  ClusterInventory,
  GeneratedProfileResult,
} from '@palette-backstage/plugin-palette-common';
import type { ProfileStore } from '../../database/ProfileStore';
import { PackRegistry } from '../../packs';
import { addCustomPack } from '../../packs/addCustomPack';
import { mapCni, mapCsi } from './mapComponents';
import { mapKubernetes, mapOs } from './mapCore';
import { mapHelmReleases } from './mapHelmReleases';
import { CustomHelmPack, MappedLayer, toProfileLayers } from './types';

/** The version a generated draft is proposed to be published as. */
export const PROPOSED_VERSION = '1.0.0';

/** Where a custom pack's chart is said to come from until someone sets it. */
export const UNKNOWN_REPOSITORY = 'https://charts.unknown.invalid/';

/**
 * Maps an inventory to profile layers: OS and Kubernetes first, then the
 * CNI, the CSI drivers and one add-on per Helm release.
 */
export function mapInventory(
  inventory: ClusterInventory,
  packs: PackRegistry,
  cloudType: CloudType,
): MappedLayer[] {
  const core = [
    mapOs(inventory, packs, cloudType),
    mapKubernetes(inventory, packs),
  ].filter((l): l is MappedLayer => l !== undefined);
  const components = [
    mapCni(inventory, packs),
    ...mapCsi(inventory, packs),
  ].filter((l): l is MappedLayer => l !== undefined);
  const mapped = new Set(components.map(l => l.pack.name));
  return [...core, ...components, ...mapHelmReleases(inventory, packs, mapped)];
}

/**
 * The custom pack of a layer: reused when this name and version exist as a
 * custom pack already (an earlier generation made it), created otherwise.
 */
async function ensureCustomPack(
  deps: { packs: PackRegistry; store: ProfileStore },
  pack: CustomHelmPack,
  actor: string,
): Promise<void> {
  const existing = deps.packs.get(pack.name, pack.version);
  if (existing?.source === 'custom') return;
  if (existing)
    throw new ConflictError(
      `Pack ${pack.name}@${pack.version} is a curated pack of another chart; rename the release's chart or map it by hand`,
    );
  await addCustomPack(
    deps,
    {
      name: pack.name,
      version: pack.version,
      layer: pack.layer,
      description: pack.description,
      kind: {
        type: 'helm',
        repository: UNKNOWN_REPOSITORY,
        chart: pack.chart,
        chartVersion: pack.chartVersion,
        namespace: pack.namespace,
        ...(pack.releaseName ? { releaseName: pack.releaseName } : {}),
      },
    },
    actor,
  );
}

/**
 * Creates a draft profile equivalent to an imported cluster: its layers are
 * the discovered OS, Kubernetes, CNI, CSI and add-ons mapped to registry
 * packs, and custom packs (created first) for what the registry lacks. The
 * draft goes through the profile store like any other and is never
 * published here: the platform team reviews and publishes it. 409 when the
 * profile name is taken.
 */
export async function generateProfile(
  deps: { packs: PackRegistry; store: ProfileStore },
  input: {
    name: string;
    cluster: string;
    owner: string;
    cloudType: CloudType;
    inventory: ClusterInventory;
  },
  actor: string,
): Promise<GeneratedProfileResult> {
  if (await deps.store.getProfile(input.name))
    throw new ConflictError(`A profile named "${input.name}" already exists`);
  const layers = mapInventory(input.inventory, deps.packs, input.cloudType);
  if (!layers.some(l => l.layer === 'kubernetes'))
    throw new InputError(
      `The registry has no Kubernetes pack for ${input.inventory.kubernetes.distribution}; no profile can be generated`,
    );
  for (const layer of layers) {
    if (layer.customPack) await ensureCustomPack(deps, layer.customPack, actor);
  }
  const created = await deps.store.createProfile(
    {
      name: input.name,
      displayName: `${input.cluster} (imported)`,
      description: `Generated from the inventory of imported cluster ${input.cluster} (${input.inventory.kubernetes.distribution} ${input.inventory.kubernetes.gitVersion}, discovered ${input.inventory.discoveredAt}). Review before publishing.`,
      type: 'full',
      cloudType: input.cloudType,
      owner: input.owner,
      tags: ['imported'],
      layers: toProfileLayers(layers),
    },
    actor,
  );
  return {
    profile: {
      name: created.name,
      version: created.draft?.baseVersion ?? PROPOSED_VERSION,
    },
    layers: layers.map(({ values, customPack, ...layer }) => layer),
  };
}
