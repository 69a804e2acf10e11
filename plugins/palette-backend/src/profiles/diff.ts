import {
  compareSemver,
  isValidSemver,
  LayerChange,
  LineDiffEntry,
  PackLayer,
  ProfileDiff,
  ProfileDraft,
  ProfileLayer,
  ProfileVariable,
} from '@palette-backstage/plugin-palette-common';

/** Above this many cells the LCS table is skipped for a plain replace. */
const MAX_LCS_CELLS = 4_000_000;

function splitLines(text: string | undefined): string[] {
  if (!text) {
    return [];
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') {
    lines.pop(); // a final newline is not an extra empty line
  }
  return lines;
}

/**
 * A line diff of two texts by longest common subsequence: every line of
 * both, in order, marked `equal`, `remove` (old only) or `add` (new only),
 * with 1-based line numbers. Within a changed stretch, removals come first.
 * A final newline does not count as a line.
 *
 * @public
 */
export function diffLines(
  oldText: string | undefined,
  newText: string | undefined,
): LineDiffEntry[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);

  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }

  const result: LineDiffEntry[] = [];
  for (let i = 0; i < prefix; i++) {
    result.push({ op: 'equal', line: a[i], oldLine: i + 1, newLine: i + 1 });
  }

  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const n = midA.length;
  const m = midB.length;

  if (n * m > MAX_LCS_CELLS) {
    midA.forEach((line, i) =>
      result.push({ op: 'remove', line, oldLine: prefix + i + 1 }),
    );
    midB.forEach((line, j) =>
      result.push({ op: 'add', line, newLine: prefix + j + 1 }),
    );
  } else {
    // lengths[i][j]: LCS length of midA[i..] and midB[j..]
    const lengths: Uint32Array[] = Array.from(
      { length: n + 1 },
      () => new Uint32Array(m + 1),
    );
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i][j] =
          midA[i] === midB[j]
            ? lengths[i + 1][j + 1] + 1
            : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        result.push({
          op: 'equal',
          line: midA[i],
          oldLine: prefix + i + 1,
          newLine: prefix + j + 1,
        });
        i++;
        j++;
      } else if (i < n && (j === m || lengths[i + 1][j] >= lengths[i][j + 1])) {
        result.push({ op: 'remove', line: midA[i], oldLine: prefix + i + 1 });
        i++;
      } else {
        result.push({ op: 'add', line: midB[j], newLine: prefix + j + 1 });
        j++;
      }
    }
  }

  for (let k = 0; k < suffix; k++) {
    const oldIndex = a.length - suffix + k;
    const newIndex = b.length - suffix + k;
    result.push({
      op: 'equal',
      line: a[oldIndex],
      oldLine: oldIndex + 1,
      newLine: newIndex + 1,
    });
  }
  return result;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter(k => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map(
        k =>
          `${JSON.stringify(k)}:${canonical(
            (value as Record<string, unknown>)[k],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function firstByName<T>(
  items: readonly T[],
  key: (item: T) => string,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (!map.has(key(item))) {
      map.set(key(item), item);
    }
  }
  return map;
}

/**
 * What a diff needs of a profile: its content and, for versions, the version.
 *
 * @public
 */
export type DiffableProfile = Pick<
  ProfileDraft,
  'name' | 'layers' | 'variables'
> & {
  version?: string;
};

/**
 * Compares two versions of a profile (or a version and a draft): layers
 * added, removed and changed (pack version moves with their direction, and a
 * line diff of the values overrides), whether the common layers were
 * reordered, and which variables were added, removed or redefined. Layers are
 * matched by pack name, so swapping Calico for Cilium is a removal and an
 * addition. `layerOf` lets callers name each changed layer's layer (e.g.
 * from the pack registry).
 *
 * @public
 */
export function diffProfileVersions(
  from: DiffableProfile,
  to: DiffableProfile,
  options: {
    layerOf?: (packName: string, packVersion: string) => PackLayer | undefined;
  } = {},
): ProfileDiff {
  const fromLayers = firstByName(from.layers, l => l.packName);
  const toLayers = firstByName(to.layers, l => l.packName);

  const layersAdded: ProfileLayer[] = to.layers.filter(
    l => !fromLayers.has(l.packName),
  );
  const layersRemoved: ProfileLayer[] = from.layers.filter(
    l => !toLayers.has(l.packName),
  );
  const layersChanged: LayerChange[] = [];
  const layersUnchanged: string[] = [];

  for (const [name, before] of fromLayers) {
    const after = toLayers.get(name);
    if (!after) {
      continue;
    }
    const valuesDiff = diffLines(before.values, after.values);
    const valuesChanged = valuesDiff.some(entry => entry.op !== 'equal');
    const versionChanged = before.packVersion !== after.packVersion;
    if (!valuesChanged && !versionChanged) {
      layersUnchanged.push(name);
      continue;
    }
    let versionChange: LayerChange['versionChange'];
    if (
      versionChanged &&
      isValidSemver(before.packVersion) &&
      isValidSemver(after.packVersion)
    ) {
      versionChange =
        compareSemver(after.packVersion, before.packVersion) > 0
          ? 'upgrade'
          : 'downgrade';
    }
    const layer = options.layerOf?.(name, after.packVersion);
    layersChanged.push({
      packName: name,
      ...(layer ? { layer } : {}),
      fromVersion: before.packVersion,
      toVersion: after.packVersion,
      ...(versionChange ? { versionChange } : {}),
      valuesChanged,
      valuesDiff: valuesChanged ? valuesDiff : [],
    });
  }

  const commonFrom = from.layers
    .map(l => l.packName)
    .filter(n => toLayers.has(n));
  const commonTo = to.layers
    .map(l => l.packName)
    .filter(n => fromLayers.has(n));
  const orderChanged = commonFrom.some((name, i) => commonTo[i] !== name);

  const fromVariables = firstByName<ProfileVariable>(
    from.variables ?? [],
    v => v.name,
  );
  const toVariables = firstByName<ProfileVariable>(
    to.variables ?? [],
    v => v.name,
  );
  const variablesAdded = [...toVariables.keys()].filter(
    n => !fromVariables.has(n),
  );
  const variablesRemoved = [...fromVariables.keys()].filter(
    n => !toVariables.has(n),
  );
  const variablesChanged = [...fromVariables.keys()].filter(
    n =>
      toVariables.has(n) &&
      canonical(fromVariables.get(n)) !== canonical(toVariables.get(n)),
  );

  return {
    from: {
      name: from.name,
      ...(from.version ? { version: from.version } : {}),
    },
    to: { name: to.name, ...(to.version ? { version: to.version } : {}) },
    layersAdded,
    layersRemoved,
    layersChanged,
    layersUnchanged,
    orderChanged,
    variablesAdded,
    variablesRemoved,
    variablesChanged,
    hasChanges:
      layersAdded.length > 0 ||
      layersRemoved.length > 0 ||
      layersChanged.length > 0 ||
      orderChanged ||
      variablesAdded.length > 0 ||
      variablesRemoved.length > 0 ||
      variablesChanged.length > 0,
  };
}
