import { FieldSet, PathElement } from './fieldSet';
import { canonicalJson, deepEqual, isPlainObject, JsonObject } from './json';

/**
 * Tells how the list at a path (object field names from the root, list items
 * skipped: `['spec', 'template', 'spec', 'containers']`) merges:
 * `x-kubernetes-list-type` and `x-kubernetes-list-map-keys` of a schema.
 * `undefined` means atomic, as for a CRD without list-type annotations.
 *
 * @public
 */
export type ListTypeLookup = (
  path: string[],
) => { type: 'atomic' | 'set' | 'map'; keys?: string[] } | undefined;

type ListKind =
  | { kind: 'atomic' }
  | { kind: 'set' }
  | { kind: 'map'; keys: string[] };

function listKind(
  listType: ListTypeLookup | undefined,
  path: string[],
): ListKind {
  const info = listType?.(path);
  if (info?.type === 'map' && info.keys?.length) {
    return { kind: 'map', keys: info.keys };
  }
  if (info?.type === 'set') return { kind: 'set' };
  return { kind: 'atomic' };
}

/** The path element of an item of a `map` or `set` list. */
function itemElement(
  list: Exclude<ListKind, { kind: 'atomic' }>,
  item: unknown,
): PathElement {
  if (list.kind === 'set') return `v:${canonicalJson(item)}`;
  const key: JsonObject = {};
  for (const name of list.keys) {
    if (isPlainObject(item) && item[name] !== undefined) key[name] = item[name];
  }
  return `k:${canonicalJson(key)}`;
}

const isEmptyMap = (v: unknown) =>
  v === undefined || (isPlainObject(v) && Object.keys(v).length === 0);
const isEmptyList = (v: unknown) =>
  v === undefined || (Array.isArray(v) && v.length === 0);

/** What changed between two values, as leaf (and list item) paths. */
export interface Comparison {
  modified: FieldSet;
  added: FieldSet;
  removed: FieldSet;
}

/**
 * Compares two object values field by field, as structured-merge-diff's
 * Compare: scalars, atomic lists, `null` and empty objects are leaves; objects
 * are descended into; items of `map`/`set` lists are matched by key (added and
 * removed items count as paths of their own).
 */
export function compareValues(
  lhs: JsonObject,
  rhs: JsonObject,
  listType?: ListTypeLookup,
): Comparison {
  const result: Comparison = {
    modified: new FieldSet(),
    added: new FieldSet(),
    removed: new FieldSet(),
  };
  walkCompare(lhs, rhs, [], [], listType, result);
  return result;
}

function walkCompare(
  lhs: unknown,
  rhs: unknown,
  path: PathElement[],
  names: string[],
  listType: ListTypeLookup | undefined,
  out: Comparison,
): void {
  if (lhs === undefined && rhs === undefined) return;
  const leaf = () => {
    if (path.length === 0) return;
    if (lhs === undefined) out.added.insert(path);
    else if (rhs === undefined) out.removed.insert(path);
    else if (!deepEqual(lhs, rhs)) out.modified.insert(path);
  };

  const lKind = kindOf(lhs);
  const rKind = kindOf(rhs);
  const either = (kind: ValueKind) =>
    (lKind === kind || lKind === 'none') &&
    (rKind === kind || rKind === 'none');

  if (either('map')) {
    if (isEmptyMap(lhs) && isEmptyMap(rhs)) {
      leaf();
      return;
    }
    const l = (lhs ?? {}) as JsonObject;
    const r = (rhs ?? {}) as JsonObject;
    for (const key of new Set([...Object.keys(l), ...Object.keys(r)])) {
      walkCompare(
        l[key],
        r[key],
        [...path, `f:${key}`],
        [...names, key],
        listType,
        out,
      );
    }
    return;
  }

  if (either('list')) {
    const list = listKind(listType, names);
    if (list.kind === 'atomic' || (isEmptyList(lhs) && isEmptyList(rhs))) {
      leaf();
      return;
    }
    const l = indexItems(list, (lhs ?? []) as unknown[]);
    const r = indexItems(list, (rhs ?? []) as unknown[]);
    for (const pe of new Set([...l.keys(), ...r.keys()])) {
      const lItem = l.get(pe);
      const rItem = r.get(pe);
      const itemPath = [...path, pe];
      if (lItem === undefined) out.added.insert(itemPath);
      else if (rItem === undefined) out.removed.insert(itemPath);
      if (list.kind === 'map') {
        walkCompare(lItem, rItem, itemPath, names, listType, out);
      }
    }
    return;
  }

  if (either('scalar')) {
    leaf();
    return;
  }

  // The kind of value changed (e.g. object to string): the path itself is
  // modified, what was below the old value is removed and what is below the
  // new one is added.
  if (path.length) out.modified.insert(path);
  if (lKind !== 'scalar')
    walkCompare(lhs, undefined, path, names, listType, out);
  if (rKind !== 'scalar')
    walkCompare(undefined, rhs, path, names, listType, out);
}

type ValueKind = 'none' | 'map' | 'list' | 'scalar';

function kindOf(value: unknown): ValueKind {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return 'list';
  return isPlainObject(value) ? 'map' : 'scalar';
}

function indexItems(
  list: Exclude<ListKind, { kind: 'atomic' }>,
  items: unknown[],
): Map<PathElement, unknown> {
  const index = new Map<PathElement, unknown>();
  for (const item of items) index.set(itemElement(list, item), item);
  return index;
}

/**
 * The fields a value sets, as structured-merge-diff's ToFieldSet: every leaf
 * (scalar, `null`, empty object, atomic list) and every `map`/`set` list item.
 */
export function toFieldSet(
  value: JsonObject,
  listType?: ListTypeLookup,
): FieldSet {
  return compareValues({}, value, listType).added;
}

/**
 * Merges an applied configuration into a value: objects merge field by field,
 * `map`/`set` lists merge item by item (applied items in applied order, the
 * other items kept where they were), everything else is replaced.
 * Returns a new value; may share unchanged parts with the inputs.
 */
export function mergeValues(
  lhs: unknown,
  rhs: unknown,
  listType?: ListTypeLookup,
  names: string[] = [],
): unknown {
  if (rhs === undefined) return lhs;
  if (isPlainObject(lhs) && isPlainObject(rhs)) {
    const out: JsonObject = { ...lhs };
    for (const [key, value] of Object.entries(rhs)) {
      out[key] = mergeValues(lhs[key], value, listType, [...names, key]);
    }
    return out;
  }
  if (Array.isArray(lhs) && Array.isArray(rhs)) {
    const list = listKind(listType, names);
    if (list.kind !== 'atomic') {
      return mergeLists(lhs, rhs, list, (l, r) =>
        list.kind === 'map' ? mergeValues(l, r, listType, names) : r,
      );
    }
  }
  return rhs;
}

/** structured-merge-diff's ordering of merged associative lists (without duplicates). */
function mergeLists(
  lhs: unknown[],
  rhs: unknown[],
  list: Exclude<ListKind, { kind: 'atomic' }>,
  mergeItem: (l: unknown, r: unknown) => unknown,
): unknown[] {
  const lPEs = lhs.map(item => itemElement(list, item));
  const rPEs = rhs.map(item => itemElement(list, item));
  const lItems = new Map(lPEs.map((pe, i) => [pe, lhs[i]]));
  const rItems = new Map(rPEs.map((pe, i) => [pe, rhs[i]]));
  const sharedOrder = rPEs.filter(pe => lItems.has(pe));
  let sharedIndex = 0;
  const merged = new Set<PathElement>();
  const out: unknown[] = [];
  const take = (pe: PathElement) => {
    merged.add(pe);
    out.push(mergeItem(lItems.get(pe), rItems.get(pe)));
  };

  let lI = 0;
  let rI = 0;
  while (lI < lPEs.length || rI < rPEs.length) {
    if (lI < lPEs.length && rI < rPEs.length) {
      const pe = lPEs[lI];
      if (pe === rPEs[rI]) {
        take(pe);
        lI++;
        rI++;
        sharedIndex++;
        continue;
      }
      const nextShared = sharedOrder[sharedIndex];
      if (rItems.has(pe) && nextShared !== undefined && nextShared !== pe) {
        // A shared item, but not the one to place next: it comes with the applied order.
        lI++;
        continue;
      }
    }
    if (lI < lPEs.length) {
      const pe = lPEs[lI];
      if (!rItems.has(pe)) {
        out.push(lhs[lI]);
        lI++;
        continue;
      }
      if (merged.has(pe)) {
        lI++;
        continue;
      }
    }
    if (rI < rPEs.length) {
      const pe = rPEs[rI];
      take(pe);
      rI++;
      if (sharedOrder[sharedIndex] === pe) sharedIndex++;
    }
  }
  return out;
}

/**
 * Removes the paths of `set` from `value`, in place. A member path is removed
 * with everything below it, except an object field that also has paths listed
 * below it: then only those are removed, and the object too when that leaves
 * it empty (so fields nobody ever owned survive).
 */
export function removeFields(
  value: unknown,
  set: FieldSet,
  listType?: ListTypeLookup,
  names: string[] = [],
): void {
  if (isPlainObject(value)) {
    for (const [pe, child] of set.entries()) {
      if (!pe.startsWith('f:')) continue;
      const name = pe.slice(2);
      if (!(name in value)) continue;
      const fieldValue = value[name];
      const container = isPlainObject(fieldValue) || Array.isArray(fieldValue);
      if (!child.isMember() || (child.hasChildren() && container)) {
        removeFields(fieldValue, child, listType, [...names, name]);
        if (
          child.isMember() &&
          (isEmptyMap(fieldValue) || isEmptyList(fieldValue))
        ) {
          delete value[name];
        }
      } else {
        delete value[name];
      }
    }
    return;
  }
  if (Array.isArray(value)) {
    const list = listKind(listType, names);
    if (list.kind === 'atomic') return;
    for (let i = value.length - 1; i >= 0; i--) {
      const child = set.child(itemElement(list, value[i]));
      if (!child) continue;
      if (child.isMember()) value.splice(i, 1);
      else if (list.kind === 'map') {
        removeFields(value[i], child, listType, names);
      }
    }
  }
}
