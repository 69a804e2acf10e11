import { ConflictError, InputError } from '@backstage/errors';
import {
  CloudType,
  compareSemver,
  CustomPackInput,
  customPackInputSchema,
  Pack,
  PACK_LAYER_ORDER,
  packKey,
  PackLayer,
  packSchema,
  PackSource,
} from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { BUILTIN_PACKS } from './builtinPacks';
import { parseValuesYaml, validateAgainstSchema } from './values';
import { describeZodIssues } from './zodIssues';

/**
 * Filters for {@link PackRegistry.list}; all optional and combined with AND.
 *
 * @public
 */
export interface PackListFilter {
  layer?: PackLayer;
  /**
   * Packs usable on this cloud type: those listing it or `all`. With `all`,
   * only packs that list `all` (fit for cloud-agnostic add-on profiles).
   */
  cloudType?: CloudType;
  name?: string;
  source?: PackSource;
  /** Include deprecated pack versions (default `true`). */
  includeDeprecated?: boolean;
  /** Only the latest version of each pack (see {@link PackRegistry.latest}). */
  latestOnly?: boolean;
}

/**
 * Whether a pack can be used in a profile of the given cloud type.
 *
 * @public
 */
export function packSupportsCloudType(
  pack: Pick<Pack, 'cloudTypes'>,
  cloudType: CloudType,
): boolean {
  if (cloudType === 'all') {
    return pack.cloudTypes.includes('all');
  }
  return pack.cloudTypes.includes('all') || pack.cloudTypes.includes(cloudType);
}

const DEFAULT_PRIORITY: Record<'cni' | 'csi' | 'addon', number> = {
  cni: 20,
  csi: 30,
  addon: 60,
};

function compareForListing(a: Pack, b: Pack): number {
  return (
    PACK_LAYER_ORDER.indexOf(a.layer) - PACK_LAYER_ORDER.indexOf(b.layer) ||
    a.installPriority - b.installPriority ||
    a.name.localeCompare(b.name) ||
    compareSemver(b.version, a.version)
  );
}

/**
 * The packs profiles can be built from: the curated built-in packs plus the
 * custom packs platform teams add. Pure and in memory; persisting custom
 * packs is the store's job (it re-adds them with {@link PackRegistry.addCustomPack}
 * or passes them to the constructor at start-up).
 *
 * @public
 */
export class PackRegistry {
  readonly #packs = new Map<string, Map<string, Pack>>();

  /** A registry holding the curated built-in packs. */
  static withBuiltinPacks(): PackRegistry {
    return new PackRegistry(BUILTIN_PACKS);
  }

  /**
   * @param packs - initial packs; each is validated with the pack schema and
   *   duplicates (same name and version) are rejected.
   */
  constructor(packs: Iterable<Pack> = []) {
    for (const pack of packs) {
      const parsed = packSchema.safeParse(pack);
      if (!parsed.success) {
        const details = describeZodIssues(parsed.error)
          .map(i => `${i.field}: ${i.message}`)
          .join('; ');
        throw new InputError(`Invalid pack ${packKey(pack)}: ${details}`);
      }
      this.#insert(parsed.data);
    }
  }

  /** The pack with this name at exactly this version. */
  get(name: string, version: string): Pack | undefined {
    return this.#packs.get(name)?.get(version);
  }

  /** Whether a pack of this name exists (at this version, when given). */
  has(name: string, version?: string): boolean {
    const versions = this.#packs.get(name);
    return version === undefined
      ? versions !== undefined
      : versions?.has(version) === true;
  }

  /** Pack names, sorted. */
  names(): string[] {
    return [...this.#packs.keys()].sort();
  }

  /** The versions of a pack, highest first; empty when unknown. */
  versions(name: string): string[] {
    return [...(this.#packs.get(name)?.keys() ?? [])].sort((a, b) =>
      compareSemver(b, a),
    );
  }

  /**
   * The latest version of a pack: the highest version that is not
   * deprecated, or the highest of all when every version is deprecated (or
   * `includeDeprecated` is set). With `cloudType`, only versions usable there.
   */
  latest(
    name: string,
    options: { cloudType?: CloudType; includeDeprecated?: boolean } = {},
  ): Pack | undefined {
    const candidates = this.versions(name)
      .map(version => this.get(name, version)!)
      .filter(
        p => !options.cloudType || packSupportsCloudType(p, options.cloudType),
      );
    if (options.includeDeprecated) {
      return candidates[0];
    }
    return candidates.find(p => !p.deprecated) ?? candidates[0];
  }

  /**
   * Pack versions matching the filter, in profile order: by layer, install
   * priority, name, then highest version first.
   */
  list(filter: PackListFilter = {}): Pack[] {
    const includeDeprecated = filter.includeDeprecated ?? true;
    const result: Pack[] = [];
    for (const [name, versions] of this.#packs) {
      if (filter.name !== undefined && name !== filter.name) {
        continue;
      }
      let packs = [...versions.values()].filter(
        p =>
          (filter.layer === undefined || p.layer === filter.layer) &&
          (filter.source === undefined || p.source === filter.source) &&
          (filter.cloudType === undefined ||
            packSupportsCloudType(p, filter.cloudType)) &&
          (includeDeprecated || !p.deprecated),
      );
      if (filter.latestOnly && packs.length > 0) {
        packs.sort((a, b) => compareSemver(b.version, a.version));
        packs = [packs.find(p => !p.deprecated) ?? packs[0]];
      }
      result.push(...packs);
    }
    return result.sort(compareForListing);
  }

  /**
   * Takes a custom pack back out (when storing it failed after it was
   * added). Curated packs cannot be removed.
   */
  removeCustomPack(name: string, version: string): void {
    const versions = this.#packs.get(name);
    if (versions?.get(version)?.source !== 'custom') return;
    versions.delete(version);
    if (!versions.size) this.#packs.delete(name);
  }

  /**
   * Registers a platform team's pack: a Helm chart (chart repository URL or
   * OCI reference, and chart version) or raw manifests, for the network,
   * storage or add-on layer. Defaults: layer `addon`, cloud types `all`, an
   * object values schema, and the layer's usual install priority.
   *
   * @throws InputError when the input is invalid: schema violations, default
   *   values that are not a YAML mapping or break the values schema, manifests
   *   that are not Kubernetes objects, or a name owned by a curated pack or by
   *   a pack of another layer.
   * @throws ConflictError when this name and version already exist.
   */
  addCustomPack(input: CustomPackInput): Pack {
    const parsed = customPackInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new InputError(
        `Invalid custom pack: ${describeZodIssues(parsed.error)
          .map(i => `${i.field}: ${i.message}`)
          .join('; ')}`,
      );
    }
    const spec = parsed.data;
    const layer = spec.layer ?? 'addon';
    const pack: Pack = {
      name: spec.name,
      displayName: spec.displayName ?? spec.name,
      description: spec.description ?? '',
      layer,
      version: spec.version,
      kind: spec.kind,
      cloudTypes: spec.cloudTypes ?? ['all'],
      defaultValues: spec.defaultValues ?? '',
      valuesSchema: spec.valuesSchema ?? { type: 'object' },
      installPriority: spec.installPriority ?? DEFAULT_PRIORITY[layer],
      source: 'custom',
      ...(spec.constraints ? { constraints: spec.constraints } : {}),
      ...(spec.homepage ? { homepage: spec.homepage } : {}),
    };

    const checked = packSchema.safeParse(pack);
    if (!checked.success) {
      throw new InputError(
        `Invalid custom pack: ${describeZodIssues(checked.error)
          .map(i => `${i.field}: ${i.message}`)
          .join('; ')}`,
      );
    }

    const existing = this.#packs.get(pack.name);
    if (existing) {
      const sample = existing.values().next().value!;
      if (sample.source === 'builtin') {
        throw new InputError(
          `The pack name "${pack.name}" belongs to a curated pack; choose another name`,
        );
      }
      if (sample.layer !== pack.layer) {
        throw new InputError(
          `The pack "${pack.name}" is a ${sample.layer} pack; a new version must be in the same layer, not ${pack.layer}`,
        );
      }
      if (existing.has(pack.version)) {
        throw new ConflictError(`The pack ${packKey(pack)} already exists`);
      }
    }

    const problems = [...checkDefaultValues(pack), ...checkManifests(pack)];
    if (problems.length > 0) {
      throw new InputError(
        `Invalid custom pack ${packKey(pack)}: ${problems.join('; ')}`,
      );
    }

    this.#insert(pack);
    return pack;
  }

  #insert(pack: Pack) {
    let versions = this.#packs.get(pack.name);
    if (!versions) {
      versions = new Map();
      this.#packs.set(pack.name, versions);
    }
    const sample = versions.values().next().value;
    if (sample && sample.layer !== pack.layer) {
      throw new InputError(
        `The pack "${pack.name}" is a ${sample.layer} pack; ${packKey(
          pack,
        )} cannot be ${pack.layer}`,
      );
    }
    if (versions.has(pack.version)) {
      throw new ConflictError(`The pack ${packKey(pack)} is listed twice`);
    }
    versions.set(pack.version, pack);
  }
}

function checkDefaultValues(pack: Pack): string[] {
  const parsed = parseValuesYaml(pack.defaultValues);
  if (!parsed.ok) {
    return [`defaultValues: ${parsed.message}`];
  }
  return validateAgainstSchema(parsed.values, pack.valuesSchema).map(
    v => `defaultValues${v.path ? `.${v.path}` : ''}: ${v.message}`,
  );
}

function checkManifests(pack: Pack): string[] {
  if (pack.kind.type !== 'manifests') {
    return [];
  }
  const problems: string[] = [];
  pack.kind.manifests.forEach((manifest, i) => {
    const field = `kind.manifests[${i}] (${manifest.name})`;
    let documents: unknown[];
    try {
      documents = yaml.loadAll(manifest.content, undefined, {
        schema: yaml.CORE_SCHEMA,
      });
    } catch (error) {
      problems.push(
        `${field}: invalid YAML: ${
          error instanceof yaml.YAMLException ? error.message : String(error)
        }`,
      );
      return;
    }
    const objects = documents.filter(d => d !== null && d !== undefined);
    if (objects.length === 0) {
      problems.push(`${field}: holds no Kubernetes object`);
    }
    objects.forEach((doc, j) => {
      const object = doc as Record<string, unknown>;
      if (
        typeof doc !== 'object' ||
        Array.isArray(doc) ||
        typeof object.apiVersion !== 'string' ||
        typeof object.kind !== 'string'
      ) {
        problems.push(
          `${field}: document ${
            j + 1
          } is not a Kubernetes object (apiVersion and kind)`,
        );
      }
    });
  });
  return problems;
}
