import { LoggerService } from '@backstage/backend-plugin-api';
import * as k8s from '@kubernetes/client-node';
import { LiveClusterObjects } from './types';
import { Backoff, BackoffOptions, DEFAULT_BACKOFF } from './watch/backoff';
import { ClusterObjectIndex } from './watch/ClusterObjectIndex';
import { describeKubeError } from './watch/kubeErrors';
import { InformerError, ResourceInformer } from './watch/ResourceInformer';
import {
  DEFAULT_CONTROL_PLANE_KINDS,
  KindRef,
  WatchedResource,
  describeResource,
  discoverWatchedResources,
} from './watch/watchedResources';

/** Options of {@link ClusterStatusWatcher}. */
export interface ClusterStatusWatcherOptions {
  kubeConfig: k8s.KubeConfig;
  /** The namespace the product applies clusters to. */
  namespace: string;
  logger?: LoggerService;
  /** Control plane kinds to watch where served (default: kubeadm, EKS, GKE, AKS). */
  controlPlaneKinds?: readonly KindRef[];
  /** Spacing of retries after failures (default 0.5 s doubling to 30 s). */
  backoff?: BackoffOptions;
  /** Objects per list request (default 500). */
  pageSize?: number;
  /** A list that takes longer fails and is retried (default 60 s). */
  listTimeoutMs?: number;
}

/**
 * - `connecting`: discovery or the first lists are under way.
 * - `connected`: every watch is live and its list complete.
 * - `disconnected`: discovery or a watch failed; retrying with backoff.
 * - `stopped`: not started, or stopped.
 */
export type WatcherState =
  | 'connecting'
  | 'connected'
  | 'disconnected'
  | 'stopped';

/** The watcher's connection to its management cluster, for health and messages. */
export interface WatcherConnection {
  state: WatcherState;
  /** The cache can be trusted (see {@link ClusterStatusWatcher.isSynced}). */
  synced: boolean;
  /** The latest failure, kept after recovery for diagnosis; never holds addresses or credentials. */
  lastError?: { message: string; at: string };
  /** The kinds watched, as discovery found them served. */
  watching: string[];
}

/**
 * Called for every add, update or delete of an object of a managed cluster,
 * with the object's kind; and with kind `ManagementCluster` for every cached
 * cluster when the watch is lost or regained, so that callers re-derive
 * (and say the status may be stale, or no longer is).
 */
export type ClusterChangeListener = (clusterName: string, kind: string) => void;

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_LIST_TIMEOUT_MS = 60_000;

/** The kind passed to listeners when the connection, not an object, changed. */
export const CONNECTION_CHANGE_KIND = 'ManagementCluster';

/**
 * Keeps an in-memory cache of the Cluster API objects of the clusters the
 * product manages on ONE management cluster, with informers (list, then
 * watch) rather than polling: Clusters labelled
 * `app.kubernetes.io/managed-by=palette`, their MachineDeployments and
 * MachinePools (by `cluster.x-k8s.io/cluster-name`) and the control planes
 * their `spec.controlPlaneRef` names, of the kinds the server serves.
 *
 * A watch that fails is restarted with backoff and a fresh list, so the
 * cache recovers on its own when the management cluster comes back.
 */
export class ClusterStatusWatcher {
  readonly #o: ClusterStatusWatcherOptions;
  #index = new ClusterObjectIndex();
  readonly #listeners = new Set<ClusterChangeListener>();
  readonly #discoveryBackoff: Backoff;
  #informers: ResourceInformer[] = [];
  #running = false;
  /** Bumped by every start and stop, so that work of an earlier start stops. */
  #session = 0;
  #started?: Promise<void>;
  #discoveryRetry?: NodeJS.Timeout;
  #discoveryError?: InformerError;
  #wasSynced = false;

  constructor(options: ClusterStatusWatcherOptions) {
    this.#o = options;
    this.#discoveryBackoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
  }

  /**
   * Discovers the served kinds and starts the informers. Resolves once every
   * initial list has completed. Rejects if the first attempt fails (the
   * management cluster is unreachable, Cluster API is not installed), and
   * keeps retrying in the background until {@link ClusterStatusWatcher.stop}:
   * `onChange` listeners hear about the clusters once it gets through.
   */
  start(): Promise<void> {
    if (!this.#started) {
      this.#running = true;
      this.#started = this.#discoverAndWatch(++this.#session);
    }
    return this.#started;
  }

  /** Stops watching and forgets the cache; {@link ClusterStatusWatcher.start} may be called again. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#session++;
    this.#started = undefined;
    clearTimeout(this.#discoveryRetry);
    const informers = this.#informers;
    this.#informers = [];
    await Promise.all(informers.map(i => i.stop()));
    this.#index = new ClusterObjectIndex();
    this.#wasSynced = false;
  }

  /** The cached objects of one managed cluster (shared, not copies: do not mutate). */
  snapshot(clusterName: string): LiveClusterObjects {
    return this.#index.snapshot(clusterName);
  }

  /** The managed clusters in the cache, by name. */
  clusterNames(): string[] {
    return this.#index.clusterNames();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: ClusterChangeListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Every watch has completed its list and is live. False while connecting,
   * and again while a watch is being restarted (the cache may be stale).
   */
  isSynced(): boolean {
    return (
      this.#running &&
      this.#informers.length > 0 &&
      this.#informers.every(i => i.synced)
    );
  }

  connection(): WatcherConnection {
    const errors = [
      this.#discoveryError,
      ...this.#informers.map(i => i.lastError),
    ].filter((e): e is InformerError => e !== undefined);
    const latest = errors.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    return {
      state: this.#state(),
      synced: this.isSynced(),
      ...(latest
        ? {
            lastError: { message: latest.message, at: latest.at.toISOString() },
          }
        : {}),
      watching: this.#informers.map(i => describeResource(i.resource)),
    };
  }

  /** Why the cache cannot be trusted right now, or undefined when it can. */
  problem(): string | undefined {
    const { state, lastError } = this.connection();
    switch (state) {
      case 'connected':
        return undefined;
      case 'stopped':
        return 'the watch is not running';
      case 'connecting':
        return 'the watch is starting';
      default:
        return `the management cluster is unreachable: ${
          lastError?.message ?? 'unknown error'
        }`;
    }
  }

  #state(): WatcherState {
    if (!this.#running) return 'stopped';
    if (this.isSynced()) return 'connected';
    const failing =
      this.#informers.length === 0
        ? this.#discoveryError !== undefined
        : this.#informers.some(i => !i.synced && i.lastError);
    return failing ? 'disconnected' : 'connecting';
  }

  async #discoverAndWatch(session: number): Promise<void> {
    const current = () => this.#running && this.#session === session;
    let resources: WatchedResource[];
    try {
      resources = await discoverWatchedResources(
        this.#o.kubeConfig,
        this.#o.controlPlaneKinds ?? DEFAULT_CONTROL_PLANE_KINDS,
      );
    } catch (error) {
      const message = describeKubeError(error);
      this.#discoveryError = { message, at: new Date() };
      if (current()) {
        this.#discoveryRetry = setTimeout(() => {
          // Failures are recorded for connection() and logged.
          if (current()) this.#discoverAndWatch(session).catch(() => {});
        }, this.#discoveryBackoff.next());
      }
      this.#o.logger?.warn(`Cluster API discovery failed: ${message}`);
      throw new Error(`Cluster API discovery failed: ${message}`);
    }
    if (!current()) return;
    this.#discoveryBackoff.reset();
    this.#o.logger?.info(
      `Watching ${resources.map(describeResource).join(', ')} in namespace ${
        this.#o.namespace
      }`,
    );
    this.#informers = resources.map(
      resource =>
        new ResourceInformer({
          kubeConfig: this.#o.kubeConfig,
          namespace: this.#o.namespace,
          resource,
          backoff: this.#o.backoff ?? DEFAULT_BACKOFF,
          pageSize: this.#o.pageSize ?? DEFAULT_PAGE_SIZE,
          listTimeoutMs: this.#o.listTimeoutMs ?? DEFAULT_LIST_TIMEOUT_MS,
          sink: {
            upsert: (r, obj) =>
              this.#notify(this.#index.upsert(r, obj), r.kind),
            remove: (r, obj) =>
              this.#notify(this.#index.remove(r, obj), r.kind),
            stateChanged: () => this.#connectionMayHaveChanged(),
          },
        }),
    );
    // Each informer retries on its own; the first failure rejects start().
    await Promise.all(this.#informers.map(i => i.start()));
  }

  #notify(clusters: string[], kind: string) {
    for (const cluster of clusters) {
      for (const listener of this.#listeners) {
        try {
          listener(cluster, kind);
        } catch (error) {
          this.#o.logger?.error(
            `A cluster change listener failed for ${cluster}: ${error}`,
          );
        }
      }
    }
  }

  /** Losing or regaining the watch concerns every cached cluster's status. */
  #connectionMayHaveChanged() {
    const synced = this.isSynced();
    if (synced === this.#wasSynced) return;
    this.#wasSynced = synced;
    const { lastError } = this.connection();
    if (synced) this.#o.logger?.info('Watch of Cluster API objects synced');
    else
      this.#o.logger?.warn(
        `Watch of Cluster API objects lost, retrying: ${
          lastError?.message ?? 'unknown error'
        }`,
      );
    this.#notify(this.#index.clusterNames(), CONNECTION_CHANGE_KIND);
  }
}
