import { LoggerService } from '@backstage/backend-plugin-api';
import * as k8s from '@kubernetes/client-node';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../clusters/types';
import { ManagementClient } from '../orchestration/ManagementClient';
import { WorkQueue } from '../orchestration/WorkQueue';
import { discoverCluster } from './discovery/discoverCluster';
import { WorkloadApiError } from './discovery/errors';
import { importedRequest, providerOf, settingsOf } from './importedRequest';
import { statusFromFailure, statusFromInventory } from './importedStatus';
import { readImportKubeconfig } from './kubeconfig/importSecret';

/** The dependencies of {@link ImportedClusterMonitor}. */
export interface ImportedClusterMonitorOptions {
  store: DatabaseClusterStore;
  /** The client of a management cluster, by name. */
  client(managementCluster: string): ManagementClient;
  /** After a stored status changed: tell the catalog. */
  onChanged(record: ClusterRecord, phaseChanged: boolean): Promise<void> | void;
  logger: LoggerService;
  /** Imported clusters checked at once. */
  concurrency?: number;
  /** Deadline of each API call. */
  callTimeoutMs?: number;
  clock?: () => Date;
}

/**
 * Keeps imported clusters' inventory and health current: each check reads
 * the kubeconfig from its Secret, rediscovers the cluster through its own
 * API server, and stores the outcome through the store's status path, so
 * that phase changes reach the timeline, the catalog and the fleet page as
 * for created clusters. Running when every node is Ready, Degraded when one
 * is not, Unreachable when the API server does not answer or refuses the
 * credentials; Importing only until the first discovery.
 */
export class ImportedClusterMonitor {
  readonly #o: ImportedClusterMonitorOptions;
  readonly #clock: () => Date;

  constructor(options: ImportedClusterMonitorOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Checks every live imported cluster, a few at a time. */
  async checkAll(): Promise<void> {
    const queue = new WorkQueue(
      async id => {
        const record = await this.#o.store.getById(id);
        if (record) await this.check(record);
      },
      this.#o.concurrency ?? 4,
      (id, error) =>
        this.#o.logger.warn(`Checking imported cluster ${id} failed: ${error}`),
    );
    for (const { id } of await this.#o.store.listImported()) queue.add(id);
    await queue.idle();
    queue.stop();
  }

  /**
   * Rediscovers one imported cluster now and stores what was found (or why
   * it could not be). Clusters being detached are left alone.
   */
  async check(record: ClusterRecord): Promise<ClusterRecord> {
    if (!record.imported || record.deletedAt || record.deletionRequestedAt)
      return record;
    const now = this.#clock();
    let outcome: Parameters<DatabaseClusterStore['recordDiscovery']>[1];
    try {
      const kubeConfig = await this.#kubeConfigOf(record);
      const inventory = await discoverCluster(kubeConfig, {
        now,
        timeoutMs: this.#o.callTimeoutMs,
      });
      outcome = {
        status: statusFromInventory(
          inventory,
          kubeConfig.getCurrentCluster()?.server ?? '',
        ),
        inventory,
        request: importedRequest(settingsOf(record), inventory),
        provider: providerOf(inventory),
        ...(inventory.region ? { region: inventory.region } : {}),
        error: null,
      };
    } catch (error) {
      outcome =
        error instanceof WorkloadApiError
          ? {
              status: statusFromFailure(error, record, now),
              error: error.message,
            }
          : this.#managementFailure(record, error);
    }
    const result = await this.#o.store.recordDiscovery(record.id, outcome);
    if (!result) return record;
    if (result.changed)
      await this.#o.onChanged(result.record, result.phaseChanged);
    return result.record;
  }

  /**
   * The management cluster, not the imported one, failed (its Secret could
   * not be read): the last known phase stands, with the reason.
   */
  #managementFailure(record: ClusterRecord, error: unknown) {
    const message = `Cannot check the cluster: ${
      error instanceof Error ? error.message : String(error)
    }`;
    return {
      status: {
        phase: record.phase,
        message,
        status: record.status ?? {
          conditions: [],
          controlPlane: { managed: false },
          pools: [],
        },
        nodes: record.nodes,
      },
      error: message,
    };
  }

  async #kubeConfigOf(record: ClusterRecord): Promise<k8s.KubeConfig> {
    const text = await readImportKubeconfig(
      this.#o.client(record.managementCluster),
      record.imported!.secretName,
      record.namespace,
    );
    if (!text)
      throw new WorkloadApiError(
        'failed',
        `the kubeconfig Secret ${
          record.imported!.secretName
        } is missing on management cluster "${record.managementCluster}"`,
      );
    const kubeConfig = new k8s.KubeConfig();
    kubeConfig.loadFromString(text);
    return kubeConfig;
  }
}
