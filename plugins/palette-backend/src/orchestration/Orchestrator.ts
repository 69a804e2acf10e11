import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CloudAccount } from '@palette-backstage/plugin-palette-common';
import { KubeConfig } from '@kubernetes/client-node';
import { randomUUID } from 'node:crypto';
import { ClusterStatusUpdater } from '../clusters/ClusterStatusUpdater';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { resolveRequest } from '../clusters/resolveRequest';
import { ClusterSettings } from '../clusters/settings';
import { ClusterRecord } from '../clusters/types';
import { ProfileStore } from '../database';
import { ManagementClusters } from '../management/ManagementClusters';
import { PackRegistry } from '../packs';
import { ClusterStatusWatcher } from '../status';
import { ClusterReconciler } from './ClusterReconciler';
import { importedSideObjects, renderImportedRecord } from './importedClusters';
import { ManagementClient } from './ManagementClient';

/** The dependencies of {@link Orchestrator}. */
export interface OrchestratorOptions {
  store: DatabaseClusterStore;
  profiles: ProfileStore;
  packs: PackRegistry;
  accounts: CloudAccount[];
  managementClusters: ManagementClusters;
  settings: ClusterSettings;
  logger: LoggerService;
  /** Registers the periodic reconciliation (a `scope: 'global'` task). */
  scheduler?: SchedulerService;
  /** After a cluster's stored state changed (for the catalog). */
  onClusterChanged(name: string): Promise<void> | void;
  /** Identifies this backend instance in leases; random by default. */
  instanceId?: string;
  /** How clients are made (tests wrap them to count or break calls). */
  clientFactory?(name: string, kubeConfig: KubeConfig): ManagementClient;
}

/**
 * Cluster API orchestration, assembled: one client and one watch cache per
 * management cluster, the reconciler that applies desired state, and the
 * status updater that turns watch events into lifecycle status. Triggers:
 * API changes (immediately), watch events (debounced), and a periodic global
 * task that retries failures, repairs drift and applies timeouts.
 */
export class Orchestrator {
  readonly reconciler: ClusterReconciler;
  readonly status: ClusterStatusUpdater;
  readonly #clients = new Map<string, ManagementClient>();
  readonly #watchers = new Map<string, ClusterStatusWatcher>();
  readonly #o: OrchestratorOptions;

  private constructor(options: OrchestratorOptions) {
    this.#o = options;
    const { store, settings, logger } = options;
    for (const m of options.managementClusters.list()) {
      this.#clients.set(
        m.name,
        options.clientFactory?.(m.name, m.kubeConfig) ??
          new ManagementClient(m.name, m.kubeConfig),
      );
      this.#watchers.set(
        m.name,
        new ClusterStatusWatcher({
          kubeConfig: m.kubeConfig,
          namespace: settings.namespace,
          logger: logger.child({ managementCluster: m.name }),
        }),
      );
    }
    this.reconciler = new ClusterReconciler({
      store,
      client: name => this.client(name),
      render: record => this.render(record),
      sideObjects: (record, client) =>
        record.imported
          ? importedSideObjects(record, client)
          : Promise.resolve({ apply: [], keep: [] }),
      instanceId: options.instanceId ?? randomUUID(),
      leaseMs: settings.leaseMs,
      logger,
      onChanged: record => {
        // The status updater publishes what changed; a deletion it cannot see.
        if (record.deletedAt) return options.onClusterChanged(record.name);
        this.status.schedule(record.name);
        return undefined;
      },
    });
    this.status = new ClusterStatusUpdater({
      store,
      settings,
      logger,
      source: name => {
        const watcher = this.#watchers.get(name);
        if (!watcher) return undefined;
        return {
          snapshot: cluster => watcher.snapshot(cluster),
          problem: () => watcher.problem(),
        };
      },
      onChanged: (record, phaseChanged) => {
        // A cluster that became Running or Degraded may need drift repair.
        if (phaseChanged) this.reconciler.trigger(record.id);
        return options.onClusterChanged(record.name);
      },
      onClusterGone: record => this.reconciler.trigger(record.id),
    });
  }

  /** Starts the watches (without waiting for unreachable clusters) and the periodic task. */
  static async start(options: OrchestratorOptions): Promise<Orchestrator> {
    const orchestrator = new Orchestrator(options);
    await orchestrator.#start();
    return orchestrator;
  }

  async #start() {
    const { logger, scheduler, settings } = this.#o;
    for (const [name, watcher] of this.#watchers) {
      watcher.onChange(cluster => this.status.schedule(cluster));
      // An unreachable management cluster must not stop the backend: the
      // watcher keeps retrying and requests wait.
      watcher
        .start()
        .catch(error =>
          logger.warn(
            `Watching management cluster "${name}" failed, retrying: ${error}`,
          ),
        );
    }
    if (scheduler) {
      await scheduler.scheduleTask({
        id: 'palette-cluster-reconcile',
        frequency: { milliseconds: settings.reconcileIntervalMs },
        timeout: { minutes: 10 },
        scope: 'global',
        fn: () => this.reconcileAll(),
      });
    }
  }

  /** The client of a management cluster. */
  client(name: string): ManagementClient {
    const client = this.#clients.get(name);
    if (!client)
      throw new Error(`No management cluster named "${name}" is configured`);
    return client;
  }

  /** Renders a stored cluster (its versions stay usable even if deprecated since). */
  render(record: ClusterRecord) {
    const { profiles, packs, accounts, managementClusters, settings } = this.#o;
    if (record.imported)
      return renderImportedRecord(record, {
        client: this.client(record.managementCluster),
        profiles,
        packs,
      });
    return resolveRequest(
      record.request,
      {
        profiles,
        packs,
        accounts,
        managementClusters,
        namespace: record.namespace ?? settings.namespace,
      },
      { allowDeprecated: () => true },
    );
  }

  /** Reconciles the clusters that are due and re-derives their status (timeouts). */
  async reconcileAll(): Promise<void> {
    for (const m of this.#o.managementClusters.list()) {
      const checkedBefore = new Date(
        Date.now() - this.#o.settings.driftCheckIntervalMs,
      );
      for (const { id, name } of await this.#o.store.listDue(
        m.name,
        checkedBefore,
      )) {
        this.reconciler.trigger(id);
        this.status.schedule(name);
      }
    }
    await this.reconciler.idle();
    await this.status.idle();
  }

  /** Called after an API change: apply it now. */
  onRequested(record: ClusterRecord): void {
    this.reconciler.trigger(record.id);
    this.status.schedule(record.name);
  }

  /** Whether the watch cache of a management cluster is usable, and why not. */
  watcherProblem(name: string): string | undefined {
    return this.#watchers.get(name)?.problem();
  }

  async idle(): Promise<void> {
    await this.reconciler.idle();
    await this.status.idle();
  }

  async stop(): Promise<void> {
    this.reconciler.stop();
    this.status.stop();
    await Promise.all([...this.#watchers.values()].map(w => w.stop()));
  }
}
