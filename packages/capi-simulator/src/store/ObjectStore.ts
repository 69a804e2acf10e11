import { randomUUID } from 'node:crypto';
import { ResourceType } from '../api/resourceTypes';
import { StatusError } from '../server/StatusError';
import { parseFieldSelector, parseLabelSelector } from './labelSelector';
import { KubeObject, WatchEvent } from './types';

/** Options of a list call, as the query string carries them. @public */
export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
}

/** One page of a list. @public */
export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

type Listener = (event: WatchEvent) => void;

const typeKeyOf = (t: ResourceType) => `${t.group}/${t.plural}`;
const objectKey = (namespace: string | undefined, name: string) =>
  `${namespace ?? ''}/${name}`;

/**
 * All objects of the simulated API server, in memory, with one global
 * resourceVersion counter as etcd's revision. Keeps a window of recent
 * events so watches can resume from a resourceVersion; older ones get 410.
 *
 * @public
 */
export class ObjectStore {
  private revision = 1;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly history: WatchEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly historySize = 50_000) {}

  get currentRevision(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still start from. */
  get oldestWatchableRevision(): number {
    return this.history.length
      ? this.history[0].resourceVersion - 1
      : this.revision;
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const obj = this.bucket(type).get(objectKey(namespace, name));
    if (!obj) throw StatusError.notFound(type.plural, name, type.group);
    return structuredClone(obj);
  }

  tryGet(type: ResourceType, namespace: string | undefined, name: string) {
    const obj = this.bucket(type).get(objectKey(namespace, name));
    return obj ? structuredClone(obj) : undefined;
  }

  list(type: ResourceType, options: ListOptions = {}): ListResult {
    const matchLabels = parseLabelSelector(options.labelSelector);
    const matchFields = parseFieldSelector(options.fieldSelector);
    const prefix =
      options.namespace !== undefined ? `${options.namespace}/` : '';
    let after = '';
    let listRevision = this.revision;
    if (options.continueToken) {
      const token = decodeContinue(options.continueToken);
      after = token.after;
      listRevision = token.revision;
    }
    const keys = [...this.bucket(type).keys()]
      .filter(k => k.startsWith(prefix) && k > after)
      .sort();
    const items: KubeObject[] = [];
    let index = 0;
    for (; index < keys.length; index++) {
      const obj = this.bucket(type).get(keys[index])!;
      if (!matchLabels(obj.metadata.labels) || !matchFields(obj)) continue;
      if (options.limit && items.length >= options.limit) break;
      items.push(structuredClone(obj));
    }
    const more = index < keys.length;
    return {
      items,
      resourceVersion: String(listRevision),
      continueToken: more
        ? encodeContinue({ after: keys[index - 1], revision: listRevision })
        : undefined,
      remainingItemCount: more ? keys.length - index : undefined,
    };
  }

  create(type: ResourceType, obj: KubeObject): KubeObject {
    const bucket = this.bucket(type);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    if (bucket.has(key)) {
      throw StatusError.alreadyExists(
        type.plural,
        obj.metadata.name,
        type.group,
      );
    }
    const stored = structuredClone(obj);
    stored.metadata.uid = randomUUID();
    stored.metadata.generation = 1;
    stored.metadata.creationTimestamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    delete stored.metadata.deletionTimestamp;
    return this.write(type, stored, 'ADDED');
  }

  /**
   * Replaces an object. `resourceVersion` on the new object, when given, must
   * match the stored one (optimistic concurrency, 409 otherwise).
   */
  update(
    type: ResourceType,
    obj: KubeObject,
    options: { subresource?: 'status' } = {},
  ): KubeObject {
    const current = this.get(type, obj.metadata.namespace, obj.metadata.name);
    const sent = obj.metadata.resourceVersion;
    if (sent && sent !== current.metadata.resourceVersion) {
      throw StatusError.conflict(
        type.plural,
        obj.metadata.name,
        type.group,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      // The status subresource changes status only (and its managed fields).
      next = {
        ...current,
        status: obj.status,
        metadata: {
          ...current.metadata,
          managedFields:
            obj.metadata.managedFields ?? current.metadata.managedFields,
        },
      };
    } else {
      next = structuredClone(obj);
      next.metadata = {
        ...obj.metadata,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        deletionTimestamp: current.metadata.deletionTimestamp,
        generation: current.metadata.generation,
      };
      // With the status subresource enabled, the main resource ignores status.
      if (type.hasStatus) next.status = current.status;
      if (specChanged(current, next)) {
        next.metadata.generation = (current.metadata.generation ?? 1) + 1;
      }
    }
    if (isUnchanged(current, next)) return current;
    const written = this.write(type, next, 'MODIFIED');
    return this.finishDeletionIfReleased(type, written);
  }

  /**
   * Deletes an object: with finalizers it is only marked (deletionTimestamp)
   * and goes away when the last finalizer is removed; objects that name it as
   * owner are deleted after it (background cascading).
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const current = this.get(type, namespace, name);
    if (current.metadata.finalizers?.length) {
      if (current.metadata.deletionTimestamp) return current;
      current.metadata.deletionTimestamp = new Date()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      return this.write(type, current, 'MODIFIED');
    }
    this.remove(type, current);
    return current;
  }

  /** Calls back for every change from `fromRevision` on; returns the unsubscribe. */
  watch(fromRevision: number, listener: Listener): () => void {
    if (fromRevision < this.oldestWatchableRevision) {
      throw StatusError.gone(
        `too old resource version: ${fromRevision} (${this.oldestWatchableRevision})`,
      );
    }
    for (const event of this.history) {
      if (event.resourceVersion > fromRevision) listener(event);
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every stored object of a type (no copies: callers must not mutate). */
  *scan(type: ResourceType): Iterable<KubeObject> {
    yield* this.bucket(type).values();
  }

  /** Number of stored objects, for benchmarks and health. */
  get size(): number {
    let n = 0;
    for (const b of this.objects.values()) n += b.size;
    return n;
  }

  /** Resolves types by their typeKey, for cascading deletion. */
  typeResolver: (typeKey: string) => ResourceType | undefined = () => undefined;

  private finishDeletionIfReleased(type: ResourceType, obj: KubeObject) {
    if (obj.metadata.deletionTimestamp && !obj.metadata.finalizers?.length) {
      this.remove(type, obj);
    }
    return obj;
  }

  private remove(type: ResourceType, obj: KubeObject) {
    this.bucket(type).delete(
      objectKey(obj.metadata.namespace, obj.metadata.name),
    );
    this.revision++;
    const deleted = structuredClone(obj);
    deleted.metadata.resourceVersion = String(this.revision);
    this.emit({
      type: 'DELETED',
      object: deleted,
      resourceVersion: this.revision,
      typeKey: typeKeyOf(type),
    });
    this.cascade(obj.metadata.uid);
  }

  private cascade(ownerUid: string | undefined) {
    if (!ownerUid) return;
    for (const [typeKey, bucket] of this.objects) {
      const childType = this.typeResolver(typeKey);
      if (!childType) continue;
      for (const child of [...bucket.values()]) {
        if (child.metadata.ownerReferences?.some(r => r.uid === ownerUid)) {
          this.delete(childType, child.metadata.namespace, child.metadata.name);
        }
      }
    }
  }

  private write(
    type: ResourceType,
    obj: KubeObject,
    kind: 'ADDED' | 'MODIFIED',
  ) {
    this.revision++;
    obj.metadata.resourceVersion = String(this.revision);
    this.bucket(type).set(
      objectKey(obj.metadata.namespace, obj.metadata.name),
      obj,
    );
    const copy = structuredClone(obj);
    this.emit({
      type: kind,
      object: copy,
      resourceVersion: this.revision,
      typeKey: typeKeyOf(type),
    });
    return structuredClone(obj);
  }

  private emit(event: WatchEvent) {
    this.history.push(event);
    // Trim in chunks: splicing one event per write costs O(history) each time.
    if (this.history.length > this.historySize * 1.25) {
      this.history.splice(0, this.history.length - this.historySize);
    }
    for (const listener of this.listeners) listener(event);
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    const key = typeKeyOf(type);
    let bucket = this.objects.get(key);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    return bucket;
  }
}

/** Everything but metadata and status counts as spec for `generation`. */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = ({ metadata, status, ...rest }: KubeObject) => rest;
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}

function isUnchanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({
    ...o,
    metadata: {
      ...o.metadata,
      resourceVersion: undefined,
      managedFields: undefined,
    },
  });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

function encodeContinue(token: { after: string; revision: number }): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(raw: string): { after: string; revision: number } {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      typeof parsed.after === 'string' &&
      typeof parsed.revision === 'number'
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw StatusError.badRequest('continue key is not valid');
}
