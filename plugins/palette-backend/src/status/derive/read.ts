import { LiveObject } from '../types';

/**
 * Defensive readers for plain JSON objects: live objects come from many
 * providers and may be half reconciled, so nothing is assumed present or of
 * the right type.
 */

type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** The value at a dotted path, e.g. `status.controlPlane.readyReplicas`. */
export function at(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const key of path.split('.')) {
    const record = asRecord(current);
    if (!record) return undefined;
    current = record[key];
  }
  return current;
}

export function numberAt(obj: unknown, path: string): number | undefined {
  const value = at(obj, path);
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

export function stringAt(obj: unknown, path: string): string | undefined {
  const value = at(obj, path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function arrayAt(obj: unknown, path: string): unknown[] {
  const value = at(obj, path);
  return Array.isArray(value) ? value : [];
}

export const nameOf = (obj: LiveObject | undefined) =>
  stringAt(obj, 'metadata.name') ?? '';

export const kindOf = (obj: LiveObject | undefined) =>
  stringAt(obj, 'kind') ?? '';

/** A label's value, read by exact key (label keys contain dots and slashes). */
export function labelOf(
  obj: LiveObject | undefined,
  key: string,
): string | undefined {
  const value = asRecord(at(obj, 'metadata.labels'))?.[key];
  return typeof value === 'string' ? value : undefined;
}

export const isBeingDeleted = (obj: LiveObject | undefined) =>
  stringAt(obj, 'metadata.deletionTimestamp') !== undefined;

/**
 * The object's controller has seen its latest spec: `status.observedGeneration`
 * equals `metadata.generation`. Objects without a generation (as tests build
 * them) count as observed; objects without an observedGeneration count as
 * `unreported` says: Cluster API's own kinds always report it once
 * reconciled, some providers' kinds (AWSManagedControlPlane) never do.
 */
export function observedCurrentGeneration(
  obj: LiveObject | undefined,
  unreported = false,
): boolean {
  const generation = numberAt(obj, 'metadata.generation');
  const observed = numberAt(obj, 'status.observedGeneration');
  if (generation === undefined) return true;
  if (observed === undefined) return unreported;
  return observed === generation;
}

/** The first line of a condition message, without Cluster API's `* ` bullet. */
export function firstLine(text: string | undefined): string {
  return (
    (text ?? '')
      .split('\n')
      .map(line => line.trim().replace(/^\*\s*/, ''))
      .find(Boolean)
      ?.trim()
      .replace(/:$/, '') ?? ''
  );
}
