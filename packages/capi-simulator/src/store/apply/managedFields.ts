import { KubeObject } from '../types';
import { FieldSet } from './fieldSet';
import { compareStrings, isPlainObject } from './json';

/**
 * An entry of `metadata.managedFields`, as the API server writes it.
 *
 * @public
 */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** A decoded entry: who (manager, operation, subresource) owns which fields. */
export interface ManagerRecord {
  manager: string;
  operation: 'Apply' | 'Update';
  subresource?: string;
  apiVersion: string;
  time: string;
  set: FieldSet;
}

/** Identifies one entry: one per manager, operation and subresource. */
export function managerKey(record: {
  manager: string;
  operation: string;
  subresource?: string;
}): string {
  return JSON.stringify([
    record.manager,
    record.operation,
    record.subresource ?? '',
  ]);
}

export type Managers = Map<string, ManagerRecord>;

/** Reads `metadata.managedFields`; entries of the same key are united. */
export function decodeManagedFields(entries: unknown): Managers {
  const managers: Managers = new Map();
  if (!Array.isArray(entries)) return managers;
  for (const entry of entries) {
    if (!isPlainObject(entry) || typeof entry.manager !== 'string') continue;
    if (entry.fieldsType !== undefined && entry.fieldsType !== 'FieldsV1') {
      continue;
    }
    const operation = entry.operation === 'Apply' ? 'Apply' : 'Update';
    const subresource =
      typeof entry.subresource === 'string' && entry.subresource
        ? entry.subresource
        : undefined;
    const record: ManagerRecord = {
      manager: entry.manager,
      operation,
      subresource,
      apiVersion: typeof entry.apiVersion === 'string' ? entry.apiVersion : '',
      time: typeof entry.time === 'string' ? entry.time : '',
      set: FieldSet.fromFieldsV1(entry.fieldsV1),
    };
    const key = managerKey(record);
    const previous = managers.get(key);
    if (previous) {
      previous.set = previous.set.union(record.set);
      if (record.time > previous.time) {
        previous.time = record.time;
        previous.apiVersion = record.apiVersion;
      }
    } else {
      managers.set(key, record);
    }
  }
  return managers;
}

const operationRank = (r: ManagerRecord) => (r.operation === 'Apply' ? 0 : 1);

const seconds = (time: string) => {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
};

/**
 * Writes `metadata.managedFields` as the API server does: entries with empty
 * sets dropped, Apply entries first, then by time, manager, apiVersion and
 * subresource.
 */
export function encodeManagedFields(managers: Managers): ManagedFieldsEntry[] {
  const records = [...managers.values()].filter(r => !r.set.isEmpty());
  records.sort(
    (p, q) =>
      operationRank(p) - operationRank(q) ||
      seconds(p.time) - seconds(q.time) ||
      compareStrings(p.manager, q.manager) ||
      compareStrings(p.apiVersion, q.apiVersion) ||
      compareStrings(p.subresource ?? '', q.subresource ?? ''),
  );
  return records.map(r => ({
    manager: r.manager,
    operation: r.operation,
    apiVersion: r.apiVersion,
    time: r.time,
    fieldsType: 'FieldsV1',
    fieldsV1: r.set.toFieldsV1(),
    ...(r.subresource ? { subresource: r.subresource } : {}),
  }));
}

/** Same owners with the same fields and apiVersions; times are not compared. */
export function sameOwnership(a: Managers, b: Managers): boolean {
  const nonEmpty = (m: Managers) => [...m].filter(([, r]) => !r.set.isEmpty());
  const left = nonEmpty(a);
  const right = new Map(nonEmpty(b));
  return (
    left.length === right.size &&
    left.every(([key, record]) => {
      const other = right.get(key);
      return (
        other !== undefined &&
        other.apiVersion === record.apiVersion &&
        other.set.equals(record.set)
      );
    })
  );
}

/** How the API server names a manager in conflict messages. */
export function describeManager(record: ManagerRecord): string {
  let name = JSON.stringify(record.manager);
  if (record.subresource) {
    name = `${name} with subresource ${JSON.stringify(record.subresource)}`;
  }
  return record.operation === 'Update'
    ? `${name} using ${record.apiVersion}`
    : name;
}

/** The object without metadata.managedFields. */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** The object with metadata.managedFields encoded from `managers` (absent when none). */
export function withManagedFields(
  obj: KubeObject,
  managers: Managers,
): KubeObject {
  const entries = encodeManagedFields(managers);
  const { managedFields: _, ...metadata } = obj.metadata;
  return {
    ...obj,
    metadata: entries.length
      ? { ...metadata, managedFields: entries }
      : metadata,
  };
}
