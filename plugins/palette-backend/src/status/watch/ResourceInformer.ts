import * as k8s from '@kubernetes/client-node';
import { LiveObject } from '../types';
import { Backoff, BackoffOptions } from './backoff';
import { BookmarkWatch } from './BookmarkWatch';
import { describeKubeError } from './kubeErrors';
import { pagedLister } from './pagedList';
import { WatchedResource } from './watchedResources';

/** Where an informer delivers what it sees. */
export interface InformerSink {
  /** An object was added or changed (never called twice for the same resourceVersion). */
  upsert(resource: WatchedResource, obj: LiveObject): void;
  remove(resource: WatchedResource, obj: LiveObject): void;
  /** The informer synced, or lost its watch. */
  stateChanged(): void;
}

/** Options of {@link ResourceInformer}. */
export interface ResourceInformerOptions {
  kubeConfig: k8s.KubeConfig;
  namespace: string;
  resource: WatchedResource;
  sink: InformerSink;
  backoff: BackoffOptions;
  pageSize: number;
  listTimeoutMs: number;
}

/** The last failure of an informer. */
export interface InformerError {
  message: string;
  at: Date;
}

const nameOf = (obj: k8s.KubernetesObject) => obj.metadata?.name ?? '';

/**
 * One kind's list-and-watch (client-node's `ListWatch`), restarted after
 * errors. client-node's informer resumes a watch that closed cleanly and
 * re-lists after 410 Gone on its own, but stops for good on any other error
 * (connection refused, reset, HTTP errors): then this class starts a fresh
 * informer after a backoff, with a fresh list, and reconciles: objects the
 * new list lacks were deleted while the watch was down.
 */
export class ResourceInformer {
  readonly #o: ResourceInformerOptions;
  readonly #backoff: Backoff;
  readonly #objects = new Map<string, LiveObject>();
  #informer?: k8s.ListWatch<k8s.KubernetesObject>;
  #retry?: NodeJS.Timeout;
  #running = false;
  #synced = false;
  #lastError?: InformerError;
  #firstSync?: { resolve(): void; reject(error: Error): void };

  constructor(options: ResourceInformerOptions) {
    this.#o = options;
    this.#backoff = new Backoff(options.backoff);
  }

  get resource(): WatchedResource {
    return this.#o.resource;
  }

  /** The list is complete and the watch is live: the cached objects can be trusted. */
  get synced(): boolean {
    return this.#synced;
  }

  get lastError(): InformerError | undefined {
    return this.#lastError;
  }

  /**
   * Lists and starts watching. Resolves once the first list completed;
   * rejects if the first attempt fails, retrying in the background until
   * {@link ResourceInformer.stop}.
   */
  start(): Promise<void> {
    if (this.#running) return Promise.resolve();
    this.#running = true;
    const firstSync = new Promise<void>((resolve, reject) => {
      this.#firstSync = { resolve, reject };
    });
    void this.#connect();
    return firstSync;
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#synced = false;
    clearTimeout(this.#retry);
    const informer = this.#informer;
    this.#informer = undefined;
    await informer?.stop();
  }

  #makeInformer(): k8s.ListWatch<k8s.KubernetesObject> {
    const { kubeConfig, namespace, resource } = this.#o;
    const { group, version, plural, labelSelector } = resource;
    return new k8s.ListWatch(
      `/apis/${group}/${version}/namespaces/${encodeURIComponent(
        namespace,
      )}/${plural}`,
      new BookmarkWatch(kubeConfig),
      pagedLister(kubeConfig.makeApiClient(k8s.CustomObjectsApi), resource, {
        namespace,
        pageSize: this.#o.pageSize,
        timeoutMs: this.#o.listTimeoutMs,
      }),
      false,
      labelSelector,
    );
  }

  async #connect(): Promise<void> {
    const informer = this.#makeInformer();
    this.#informer = informer;
    const current = () => this.#running && this.#informer === informer;
    let starting = true;
    let startFailure: unknown;
    const upsert = (obj: k8s.KubernetesObject) => {
      if (current()) this.#upsert(obj);
    };
    informer.on(k8s.ADD, upsert);
    informer.on(k8s.UPDATE, upsert);
    informer.on(k8s.DELETE, obj => {
      if (current()) this.#remove(nameOf(obj));
    });
    informer.on(k8s.ERROR, error => {
      if (!current()) return;
      // During start() client-node reports failures here and still resolves.
      if (starting) startFailure ??= error;
      else this.#fail(informer, error);
    });
    try {
      await informer.start();
    } catch (error) {
      startFailure ??= error;
    }
    starting = false;
    if (!current()) return;
    if (startFailure !== undefined) {
      this.#fail(informer, startFailure);
      return;
    }
    // A fresh list: what it lacks was deleted while no watch was running.
    const listed = new Set(informer.list().map(nameOf));
    for (const name of [...this.#objects.keys()]) {
      if (!listed.has(name)) this.#remove(name);
    }
    this.#synced = true;
    this.#backoff.reset();
    this.#firstSync?.resolve();
    this.#firstSync = undefined;
    this.#o.sink.stateChanged();
  }

  #fail(informer: k8s.ListWatch<k8s.KubernetesObject>, error: unknown) {
    void informer.stop();
    if (this.#informer === informer) this.#informer = undefined;
    this.#synced = false;
    const message = describeKubeError(error);
    this.#lastError = { message, at: new Date() };
    this.#firstSync?.reject(
      new Error(`Watching ${this.#o.resource.plural} failed: ${message}`),
    );
    this.#firstSync = undefined;
    this.#o.sink.stateChanged();
    if (!this.#running) return;
    this.#retry = setTimeout(() => {
      if (this.#running) void this.#connect();
    }, this.#backoff.next());
  }

  #upsert(obj: k8s.KubernetesObject) {
    const name = nameOf(obj);
    const previous = this.#objects.get(name) as
      | k8s.KubernetesObject
      | undefined;
    // A re-list after a reconnect delivers every object again: only changes count.
    if (
      previous?.metadata?.uid === obj.metadata?.uid &&
      previous?.metadata?.resourceVersion === obj.metadata?.resourceVersion
    )
      return;
    const { group, version, kind } = this.#o.resource;
    // List items may omit their type; derivation names objects by kind.
    const typed = (
      obj.kind ? obj : { ...obj, apiVersion: `${group}/${version}`, kind }
    ) as LiveObject;
    this.#objects.set(name, typed);
    this.#o.sink.upsert(this.#o.resource, typed);
  }

  #remove(name: string) {
    const obj = this.#objects.get(name);
    if (!obj) return;
    this.#objects.delete(name);
    this.#o.sink.remove(this.#o.resource, obj);
  }
}
