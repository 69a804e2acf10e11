/**
 * Drops `undefined` entries, and those that are empty objects or empty
 * lists: Cluster API's v1beta2 CRDs reject empty objects and lists almost
 * everywhere (`minProperties: 1`, `minItems: 1`), and an absent field means
 * the same as an empty one. Shallow: nested values are built compact.
 */
export function compact<T extends Record<string, unknown>>(
  object: T,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => !isEmpty(value)),
  ) as Partial<T>;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** `compact(object)`, or undefined when nothing is left. */
export function compactOrUndefined<T extends Record<string, unknown>>(
  object: T,
): Partial<T> | undefined {
  const result = compact(object);
  return Object.keys(result).length > 0 ? result : undefined;
}
