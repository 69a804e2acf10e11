/** A field whose value differs between two versions of an object. */
export interface FieldDifference {
  /** e.g. `spec.topology.workers.machineDeployments[0].replicas`. */
  path: string;
  desired: unknown;
  live: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/**
 * The fields set in `desired` whose value differs in `live`. Only what the
 * desired object sets is compared: fields that API server defaults or other
 * controllers add to the live object are not differences. Arrays of the
 * same length are compared element by element (by the same rule), so a
 * defaulted field inside a list element is no difference either.
 */
export function differingFields(
  desired: unknown,
  live: unknown,
  path = '',
): FieldDifference[] {
  if (isObject(desired)) {
    if (!isObject(live)) return [{ path, desired, live }];
    return Object.keys(desired).flatMap(key =>
      differingFields(desired[key], live[key], join(path, key)),
    );
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live) || live.length !== desired.length) {
      return [{ path, desired, live }];
    }
    return desired.flatMap((item, i) =>
      differingFields(item, live[i], `${path}[${i}]`),
    );
  }
  return Object.is(desired, live) ? [] : [{ path, desired, live }];
}

/** The paths that differ between two renders of an object, in either direction. */
export function changedPaths(before: unknown, after: unknown): string[] {
  const paths = new Set([
    ...differingFields(after, before).map(d => d.path),
    ...differingFields(before, after).map(d => d.path),
  ]);
  return [...paths].sort();
}
