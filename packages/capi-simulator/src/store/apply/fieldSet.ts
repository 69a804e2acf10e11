import { compareStrings, isPlainObject } from './json';

/**
 * One step of a field path, in the notation of the FieldsV1 format:
 * `f:<field>` (object field), `k:<json>` (associative list item by its keys),
 * `v:<json>` (set item by value), `i:<index>` (list index).
 */
export type PathElement = string;

/** A path from the object root, e.g. `['f:spec', 'f:replicas']`. */
export type FieldPath = readonly PathElement[];

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** Order of path elements as structured-merge-diff sorts them: fields, keys, values, indices. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const byKind = (KIND_ORDER[a[0]] ?? 9) - (KIND_ORDER[b[0]] ?? 9);
  return byKind || compareStrings(a, b);
}

/**
 * A set of field paths, stored as a tree. A node is a `member` when the path
 * leading to it is itself in the set (a leaf field, an owned list item, ...);
 * nodes without members below them are never kept.
 */
export class FieldSet {
  private member = false;
  private readonly children = new Map<PathElement, FieldSet>();

  static fromPaths(paths: Iterable<FieldPath>): FieldSet {
    const set = new FieldSet();
    for (const path of paths) set.insert(path);
    return set;
  }

  /** Reads the FieldsV1 format, e.g. `{"f:spec":{"f:replicas":{}}}`. */
  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet();
    set.readFieldsV1(fields);
    set.member = false;
    return set;
  }

  private readFieldsV1(fields: unknown) {
    if (!isPlainObject(fields)) return;
    for (const [key, value] of Object.entries(fields)) {
      if (key === '.') {
        this.member = true;
        continue;
      }
      const child = this.childOrCreate(key);
      if (isPlainObject(value) && Object.keys(value).length > 0) {
        child.readFieldsV1(value);
      } else {
        child.member = true;
      }
      if (child.isEmpty()) this.children.delete(key);
    }
  }

  /** Writes the FieldsV1 format, children sorted and `"."` first. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.member && this.children.size > 0) out['.'] = {};
    for (const [pe, child] of this.sortedChildren()) {
      out[pe] = child.toFieldsV1();
    }
    return out;
  }

  insert(path: FieldPath): void {
    if (path.length === 0) return;
    const [first, ...rest] = path;
    const child = this.childOrCreate(first);
    if (rest.length) child.insert(rest);
    else child.member = true;
  }

  has(path: FieldPath): boolean {
    if (path.length === 0) return false;
    const [first, ...rest] = path;
    const child = this.children.get(first);
    if (!child) return false;
    return rest.length ? child.has(rest) : child.member;
  }

  /** The subtree below one path element (paths relative to it). */
  child(pe: PathElement): FieldSet | undefined {
    return this.children.get(pe);
  }

  /** Whether the path leading to this node is in the set. */
  isMember(): boolean {
    return this.member;
  }

  hasChildren(): boolean {
    return this.children.size > 0;
  }

  entries(): Array<[PathElement, FieldSet]> {
    return this.sortedChildren();
  }

  isEmpty(): boolean {
    return !this.member && this.children.size === 0;
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member || other.member;
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      out.children.set(pe, theirs ? child.union(theirs) : child.clone());
    }
    for (const [pe, child] of other.children) {
      if (!this.children.has(pe)) out.children.set(pe, child.clone());
    }
    return out;
  }

  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && !other.member;
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      const rest = theirs ? child.difference(theirs) : child.clone();
      if (!rest.isEmpty()) out.children.set(pe, rest);
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && other.member;
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      if (!theirs) continue;
      const both = child.intersection(theirs);
      if (!both.isEmpty()) out.children.set(pe, both);
    }
    return out;
  }

  /**
   * The set with every path that leads to a member made a member too (as
   * structured-merge-diff's EnsureNamedFieldsAreMembers does for struct
   * fields, here for every inner node): "someone owns something below".
   */
  withInnerNodes(): FieldSet {
    const out = new FieldSet();
    for (const [pe, child] of this.children) {
      const inner = child.withInnerNodes();
      inner.member = true;
      out.children.set(pe, inner);
    }
    out.member = this.member;
    return out;
  }

  equals(other: FieldSet): boolean {
    if (this.member !== other.member) return false;
    if (this.children.size !== other.children.size) return false;
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      if (!theirs || !child.equals(theirs)) return false;
    }
    return true;
  }

  /** Every member path, depth first in sorted order. */
  paths(): PathElement[][] {
    const out: PathElement[][] = [];
    const visit = (node: FieldSet, prefix: PathElement[]) => {
      if (node.member && prefix.length) out.push(prefix);
      for (const [pe, child] of node.sortedChildren()) {
        visit(child, [...prefix, pe]);
      }
    };
    visit(this, []);
    return out;
  }

  clone(): FieldSet {
    const out = new FieldSet();
    out.member = this.member;
    for (const [pe, child] of this.children)
      out.children.set(pe, child.clone());
    return out;
  }

  private childOrCreate(pe: PathElement): FieldSet {
    let child = this.children.get(pe);
    if (!child) {
      child = new FieldSet();
      this.children.set(pe, child);
    }
    return child;
  }

  private sortedChildren(): Array<[PathElement, FieldSet]> {
    return [...this.children].sort(([a], [b]) => comparePathElements(a, b));
  }
}

/**
 * A path as the API server prints it in conflict messages:
 * `.spec.replicas`, `.spec.containers[name="app"].image`, `.spec.tags[="x"]`.
 */
export function formatPath(path: FieldPath): string {
  return path
    .map(pe => {
      const body = pe.slice(2);
      switch (pe[0]) {
        case 'f':
          return `.${body}`;
        case 'k': {
          const key = JSON.parse(body) as Record<string, unknown>;
          const parts = Object.keys(key)
            .sort()
            .map(name => `${name}=${JSON.stringify(key[name])}`);
          return `[${parts.join(',')}]`;
        }
        case 'v':
          return `[=${body}]`;
        case 'i':
          return `[${body}]`;
        default:
          return pe;
      }
    })
    .join('');
}
