import { StatusError } from '../../server/StatusError';
import { KubeObject } from '../types';
import { FieldSet, formatPath } from './fieldSet';
import { compareStrings, deepEqual } from './json';
import {
  decodeManagedFields,
  describeManager,
  ManagerRecord,
  managerKey,
  Managers,
  sameOwnership,
  withManagedFields,
  withoutManagedFields,
} from './managedFields';
import { identityOf, trackedView } from './scope';
import {
  compareValues,
  ListTypeLookup,
  mergeValues,
  removeFields,
  toFieldSet,
} from './values';

/** Options of {@link serverSideApply}. @public */
export interface ServerSideApplyOptions {
  /** The stored object; `undefined` when the apply creates it. */
  live: KubeObject | undefined;
  /** The applied configuration (the body of an `application/apply-patch+yaml` PATCH). */
  applied: KubeObject;
  /** The `fieldManager` of the request. */
  manager: string;
  /** The `force` parameter of the request: take over conflicting fields. */
  force: boolean;
  /** The time recorded in the manager's entry (RFC 3339). */
  now: string;
  /** `'status'` for an apply to the status subresource. */
  subresource?: 'status';
  /** How lists merge; without it every list is atomic. */
  listType?: ListTypeLookup;
}

/**
 * Server-side apply of `applied` by `manager` onto `live` (undefined = create).
 * Returns the new object with metadata.managedFields updated. Throws
 * StatusError 409 on conflicts unless force.
 *
 * @public
 */
export function serverSideApply(options: ServerSideApplyOptions): KubeObject {
  const { live, applied, manager, force, now, subresource, listType } = options;
  if (
    applied.metadata?.managedFields !== undefined &&
    applied.metadata.managedFields !== null
  ) {
    throw StatusError.badRequest('metadata.managedFields must be nil');
  }
  if (!live && subresource) {
    throw new StatusError(
      404,
      'NotFound',
      `${applied.kind} "${applied.metadata?.name}" not found`,
    );
  }

  const base = live ?? identityOf(applied);
  const config = trackedView(applied, subresource);
  const managers = decodeManagedFields(base.metadata.managedFields);
  const key = managerKey({ manager, operation: 'Apply', subresource });
  const previous = managers.get(key);
  const others = [...managers].filter(([k]) => k !== key);
  const newSet = toFieldSet(config, listType);

  const result = structuredClone(
    mergeValues(base, config, listType),
  ) as KubeObject;

  // Fields the manager applied last time but not now go, unless someone else
  // (or the new configuration) still owns them or something below them.
  if (previous) {
    const stillOwned = others.reduce(
      (owned, [, record]) => owned.union(record.set),
      newSet,
    );
    removeFields(
      result,
      previous.set.withInnerNodes().difference(stillOwned.withInnerNodes()),
      listType,
    );
  }

  const diff = compareValues(
    trackedView(base, subresource),
    trackedView(result, subresource),
    listType,
  );
  const changed = diff.modified.union(diff.added);
  const conflicts = others
    .map(([, record]) => ({ record, set: record.set.intersection(changed) }))
    .filter(c => !c.set.isEmpty());
  if (conflicts.length && !force) throw conflictError(conflicts);

  const next: Managers = new Map();
  for (const [k, record] of others) {
    next.set(k, {
      ...record,
      set: record.set.difference(changed).difference(diff.removed),
    });
  }
  next.set(key, {
    manager,
    operation: 'Apply',
    subresource,
    apiVersion: applied.apiVersion,
    time: now,
    set: newSet,
  });

  if (
    live &&
    sameOwnership(next, managers) &&
    deepEqual(withoutManagedFields(result), withoutManagedFields(live))
  ) {
    // Nothing changed: the object stays as it is, timestamps included.
    return structuredClone(live);
  }
  return withManagedFields(result, next);
}

function conflictError(
  conflicts: Array<{ record: ManagerRecord; set: FieldSet }>,
): StatusError {
  const sorted = [...conflicts].sort((a, b) =>
    compareStrings(managerKey(a.record), managerKey(b.record)),
  );
  const groups = sorted.map(({ record, set }) => ({
    who: describeManager(record),
    fields: set.paths().map(formatPath),
  }));
  const all = groups.flatMap(({ who, fields }) =>
    fields.map(field => ({ who, field })),
  );
  const message =
    all.length === 1
      ? `Apply failed with 1 conflict: conflict with ${all[0].who}: ${all[0].field}`
      : `Apply failed with ${all.length} conflicts: ${groups
          .flatMap(({ who, fields }) => [
            `conflicts with ${who}:`,
            ...fields.map(field => `- ${field}`),
          ])
          .join('\n')}`;
  return new StatusError(409, 'Conflict', message, {
    causes: all.map(({ who, field }) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with ${who}`,
      field,
    })),
  });
}
