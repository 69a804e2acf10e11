import { KubeObject } from '../types';
import { isPlainObject } from './json';
import {
  decodeManagedFields,
  managerKey,
  Managers,
  sameOwnership,
  withManagedFields,
} from './managedFields';
import { trackedView } from './scope';
import { compareValues, ListTypeLookup } from './values';

/** Options of {@link trackUpdate}. @public */
export interface TrackUpdateOptions {
  /** The stored object before the write; `undefined` for a create. */
  before: KubeObject | undefined;
  /** The object the write produces. */
  after: KubeObject;
  /** The `fieldManager` of the request (or the default the server derives). */
  manager: string;
  /** The time recorded in the manager's entry (RFC 3339). */
  now: string;
  /** `'status'` for a write to the status subresource. */
  subresource?: 'status';
  /** How lists merge; without it every list is atomic. */
  listType?: ListTypeLookup;
}

/** `managedFields: [{}]` in a write clears managed fields altogether. */
function isReset(entries: unknown): boolean {
  return (
    Array.isArray(entries) &&
    entries.length === 1 &&
    isPlainObject(entries[0]) &&
    Object.keys(entries[0]).length === 0
  );
}

/**
 * Records ownership for a non-apply write (create, PUT, merge/JSON patch) by
 * `manager` (operation Update): fields it changed or added become its own and
 * are taken from other managers.
 *
 * @public
 */
export function trackUpdate(options: TrackUpdateOptions): KubeObject {
  const { before, after, manager, now, subresource, listType } = options;
  const sent = after.metadata?.managedFields;
  if (!subresource && isReset(sent)) {
    const { managedFields: _, ...metadata } = after.metadata;
    return structuredClone({ ...after, metadata });
  }
  const live = before?.metadata?.managedFields;
  // As kube-apiserver: a write to the main resource may set managedFields
  // itself; an absent or empty list keeps the stored ones.
  const useSent = !subresource && Array.isArray(sent) && sent.length > 0;
  const original = decodeManagedFields(live);
  const managers = useSent ? decodeManagedFields(sent) : original;

  const diff = compareValues(
    trackedView(before, subresource),
    trackedView(after, subresource),
    listType,
  );
  const changed = diff.modified.union(diff.added);
  const key = managerKey({ manager, operation: 'Update', subresource });

  const next: Managers = new Map();
  for (const [k, record] of managers) {
    if (k === key) continue;
    next.set(k, {
      ...record,
      set: record.set.difference(changed).difference(diff.removed),
    });
  }
  const mine = managers.get(key);
  const anyChange = !changed.isEmpty() || !diff.removed.isEmpty();
  if (anyChange) {
    next.set(key, {
      manager,
      operation: 'Update',
      subresource,
      apiVersion: after.apiVersion,
      time: now,
      set: (mine?.set.difference(diff.removed) ?? changed).union(changed),
    });
  } else if (mine) {
    next.set(key, mine);
  }

  const result = structuredClone(after);
  if (sameOwnership(next, original)) {
    // Ownership unchanged: keep the stored entries as they are.
    const { managedFields: _, ...metadata } = result.metadata;
    result.metadata =
      live === undefined
        ? metadata
        : { ...metadata, managedFields: structuredClone(live) };
    return result;
  }
  return withManagedFields(result, next);
}
