import { LoggerService } from '@backstage/backend-plugin-api';
import { isManagedCloudType } from '@palette-backstage/plugin-palette-common';
import { deriveClusterStatus } from '../status';
import { DesiredClusterInfo, LiveClusterObjects } from '../status/types';
import { DatabaseClusterStore } from './DatabaseClusterStore';
import { ClusterSettings } from './settings';
import { ClusterRecord } from './types';

/** Where live objects come from: a management cluster's watch cache. */
export interface LiveStatusSource {
  snapshot(clusterName: string): LiveClusterObjects;
  /** Why the cache cannot be trusted right now (e.g. unreachable), if so. */
  problem(): string | undefined;
}

/** The dependencies of {@link ClusterStatusUpdater}. */
export interface ClusterStatusUpdaterOptions {
  store: DatabaseClusterStore;
  settings: Pick<ClusterSettings, 'provisioningTimeoutMs' | 'updateTimeoutMs'>;
  source(managementCluster: string): LiveStatusSource | undefined;
  /** After a stored status changed: tell the catalog, maybe reconcile. */
  onChanged(record: ClusterRecord, phaseChanged: boolean): Promise<void> | void;
  /** Deletion finished on the management cluster: the reconciler cleans up. */
  onClusterGone(record: ClusterRecord): void;
  logger: LoggerService;
  clock?: () => Date;
  /** Coalesces bursts of watch events per cluster. */
  debounceMs?: number;
}

const date = (iso?: string) => (iso ? new Date(iso) : undefined);

/** What the product asked for, in the terms status derivation needs. */
export function desiredInfoOf(
  record: ClusterRecord,
  settings: ClusterStatusUpdaterOptions['settings'],
): DesiredClusterInfo {
  const managed = isManagedCloudType(record.provider);
  return {
    previousPhase: record.phase,
    previousPhaseSince: date(record.phaseSince),
    applied: record.appliedGeneration >= record.generation,
    appliedAt: date(record.appliedAt),
    deletionRequested: Boolean(record.deletionRequestedAt),
    deletionRequestedAt: date(record.deletionRequestedAt),
    createdAt: new Date(record.createdAt),
    everRunning: record.everRunning,
    kubernetesVersion: record.kubernetesVersion,
    controlPlaneReplicas: managed
      ? undefined
      : record.request.controlPlane.replicas,
    // An autoscaled pool has bounds, not a count: the autoscaler decides.
    pools: Object.fromEntries(
      record.request.workerPools.map(p => [
        p.name,
        p.autoscaling
          ? { min: p.autoscaling.min, max: p.autoscaling.max }
          : p.count,
      ]),
    ),
    managed,
    paused: record.paused,
    provisioningTimeoutMs: settings.provisioningTimeoutMs,
    updateTimeoutMs: settings.updateTimeoutMs,
  };
}

/**
 * Turns watch events into stored lifecycle status: on every change of a
 * cluster's objects (debounced), derive its phase from the watch cache and
 * store it when it changed. Nothing here polls the management cluster.
 */
export class ClusterStatusUpdater {
  readonly #o: ClusterStatusUpdaterOptions;
  readonly #clock: () => Date;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #running = new Set<Promise<unknown>>();

  constructor(options: ClusterStatusUpdaterOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Re-derives a cluster's status soon (debounced per cluster). */
  schedule(name: string): void {
    if (this.#timers.has(name)) return;
    this.#timers.set(
      name,
      setTimeout(() => {
        this.#timers.delete(name);
        const run = this.update(name).catch(error =>
          this.#o.logger.warn(
            `Updating the status of cluster ${name} failed: ${error}`,
          ),
        );
        this.#running.add(run);
        run.finally(() => this.#running.delete(run));
      }, this.#o.debounceMs ?? 50),
    );
  }

  /** Resolves when no scheduled update is pending or running. */
  async idle(): Promise<void> {
    while (this.#timers.size || this.#running.size) {
      await Promise.all([...this.#running]);
      if (this.#timers.size) await new Promise(r => setTimeout(r, 10));
    }
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  /** Derives and stores one cluster's status now. */
  async update(name: string): Promise<void> {
    const record = await this.#o.store.get(name);
    // A request waiting for approval has nothing on the management cluster.
    if (!record || record.deletedAt || record.phase === 'PendingApproval')
      return;
    const source = this.#o.source(record.managementCluster);
    const problem = source?.problem();
    if (record.imported) {
      await this.#followDetach(record, source, problem);
      return;
    }
    if (!source || problem) {
      // Keep the last known phase; say why it may be stale.
      const why = `Waiting for management cluster "${
        record.managementCluster
      }": ${problem ?? 'not configured'}`;
      await this.#store(record, {
        phase: record.phase,
        message: why,
        status: record.status ?? {
          conditions: [],
          controlPlane: { managed: false },
          pools: [],
        },
        nodes: record.nodes,
      });
      return;
    }
    const derived = deriveClusterStatus(
      source.snapshot(name),
      desiredInfoOf(record, this.#o.settings),
      this.#clock(),
    );
    let { phase, message } = derived;
    if (phase === 'Deleted') {
      // The Cluster is gone; the record is Deleted once the reconciler has
      // removed what the product applied beside it.
      phase = 'Deleting';
      message = 'Cluster API objects are gone; removing the rest';
      this.#o.onClusterGone(record);
    }
    if (
      record.reconcileError &&
      (phase === 'Requested' || !record.everRunning)
    ) {
      message = `Waiting: ${record.reconcileError}`;
    }
    const { lastError, ...rest } = derived;
    await this.#store(record, {
      phase,
      message,
      status: {
        conditions: rest.conditions,
        controlPlane: rest.controlPlane,
        pools: rest.pools,
        ...(rest.kubernetesVersion
          ? { kubernetesVersion: rest.kubernetesVersion }
          : {}),
        ...(rest.apiServer ? { apiServer: rest.apiServer } : {}),
        ...(rest.progress ? { progress: rest.progress } : {}),
        ...(lastError
          ? {
              lastError: {
                ...lastError,
                at:
                  record.status?.lastError?.reason === lastError.reason
                    ? record.status!.lastError!.at
                    : this.#clock().toISOString(),
              },
            }
          : {}),
      },
      nodes: derived.nodes,
    });
  }

  /**
   * Imported clusters' health comes from their own API server (see
   * `ImportedClusterMonitor`); from the management cluster only their
   * detach is followed: Deleting once asked, and the reconciler cleans up
   * once their Cluster object (managed mode) is gone.
   */
  async #followDetach(
    record: ClusterRecord,
    source: LiveStatusSource | undefined,
    problem: string | undefined,
  ) {
    if (!record.deletionRequestedAt) return;
    await this.#store(record, {
      phase: 'Deleting',
      message:
        'Detaching: removing what Palette created; the cluster itself is left running',
      status: record.status ?? {
        conditions: [],
        controlPlane: { managed: false },
        pools: [],
      },
      nodes: record.nodes,
    });
    if (source && !problem && !source.snapshot(record.name).cluster)
      this.#o.onClusterGone(record);
  }

  async #store(
    record: ClusterRecord,
    update: Parameters<DatabaseClusterStore['recordStatus']>[1],
  ) {
    const result = await this.#o.store.recordStatus(record.id, update);
    if (result?.changed)
      await this.#o.onChanged(result.record, result.phaseChanged);
  }
}
