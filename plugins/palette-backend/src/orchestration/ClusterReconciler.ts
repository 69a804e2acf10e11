import { LoggerService } from '@backstage/backend-plugin-api';
import { DriftedField } from '@palette-backstage/plugin-palette-common';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ResolvedRequest, describeMessages } from '../clusters/resolveRequest';
import { ClusterRecord, InventoryItem } from '../clusters/types';
import { differingFields } from './fieldDiff';
import { SideObjects } from './importedClusters';
import {
  ManagementClient,
  ManagementClusterApiError,
} from './ManagementClient';
import { WorkQueue } from './WorkQueue';
import { KubeObject } from './types';

/** The dependencies of {@link ClusterReconciler}. */
export interface ClusterReconcilerOptions {
  store: DatabaseClusterStore;
  /** The client of a management cluster, by name. */
  client(managementCluster: string): ManagementClient;
  /** Renders a stored cluster's desired state. */
  render(record: ClusterRecord): Promise<ResolvedRequest>;
  /** What is applied beside the rendered objects (imported clusters' Secrets). */
  sideObjects?(
    record: ClusterRecord,
    client: ManagementClient,
  ): Promise<SideObjects>;
  /** Identifies this backend instance in leases. */
  instanceId: string;
  leaseMs: number;
  logger: LoggerService;
  /** Called when a cluster's stored state changed (deleted, applied, failed). */
  onChanged(record: ClusterRecord): Promise<void> | void;
  concurrency?: number;
}

const refOf = (item: InventoryItem, namespace: string) => ({
  apiVersion: item.apiVersion,
  kind: item.kind,
  metadata: { name: item.name, namespace },
});

const inventoryOf = (objects: KubeObject[]): InventoryItem[] =>
  objects.map(o => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name,
  }));

/** The parts of an object that are desired state (not status, not server metadata). */
function desiredPart(object: KubeObject): Record<string, unknown> {
  const { apiVersion, kind, metadata, status, ...rest } = object as any;
  return { metadata: { labels: metadata.labels ?? {} }, ...rest };
}

/**
 * Applies objects in the rendered order. An object the API server refuses is
 * retried once after the others: some changes only validate in another order
 * (removing a pool's class from the ClusterClass is refused while the Cluster
 * still uses it, so the Cluster goes first then). Unreachable is final.
 */
async function applyAll(client: ManagementClient, objects: KubeObject[]) {
  const refused: Array<{ object: KubeObject; error: unknown }> = [];
  for (const object of objects) {
    try {
      await client.apply(object);
    } catch (error) {
      if (!(error instanceof ManagementClusterApiError)) throw error;
      refused.push({ object, error });
    }
  }
  for (const { object } of refused) {
    await client.apply(object);
  }
}

/**
 * Applies each cluster's desired state to its management cluster with
 * server-side apply, idempotently: the desired state is in the database
 * before anything is applied, objects have deterministic names, and applying
 * twice changes nothing. So a crash at any point is repaired by the next run,
 * and nothing is created twice. A lease in the database keeps two backend
 * instances from working on the same cluster at once.
 */
export class ClusterReconciler {
  readonly #o: ClusterReconcilerOptions;
  readonly #queue: WorkQueue;
  readonly #namespaces = new Set<string>();

  constructor(options: ClusterReconcilerOptions) {
    this.#o = options;
    this.#queue = new WorkQueue(
      async id => {
        await this.reconcile(id);
      },
      options.concurrency ?? 4,
      (id, error) =>
        options.logger.warn(`Reconciling cluster ${id} failed: ${error}`),
    );
  }

  /** Reconciles a cluster soon (de-duplicated). */
  trigger(id: string): void {
    this.#queue.add(id);
  }

  /** Resolves when no reconciliation is queued or running. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  stop(): void {
    this.#queue.stop();
  }

  /** One reconciliation of one cluster; false when another instance holds it. */
  async reconcile(id: string): Promise<boolean> {
    const { store, instanceId, leaseMs } = this.#o;
    if (!(await store.claimLease(id, instanceId, leaseMs))) return false;
    try {
      const record = await store.getById(id);
      // Nothing is applied before an approval; ended requests are history.
      if (!record || record.deletedAt || record.phase === 'PendingApproval')
        return true;
      if (
        record.imported?.mode === 'read-only' &&
        !record.deletionRequestedAt
      ) {
        // Read-only imports: nothing is rendered or applied, only detached.
        await store.recordReconcile(id, {
          appliedGeneration: record.generation,
          reconcileError: null,
        });
        return true;
      }
      const client = this.#o.client(record.managementCluster);
      try {
        if (record.deletionRequestedAt) {
          await this.#reconcileDeletion(record, client);
        } else {
          await this.#reconcileDesired(record, client);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await store.recordReconcile(id, { reconcileError: message });
        this.#o.logger.warn(`Cluster ${record.name}: ${message}`);
      }
      const after = await store.getById(id);
      if (after) await this.#o.onChanged(after);
      return true;
    } finally {
      await store.releaseLease(id, instanceId);
    }
  }

  async #reconcileDesired(record: ClusterRecord, client: ManagementClient) {
    const resolved = await this.#o.render(record);
    if (!resolved.objects) {
      // A profile or cloud account removed since: nothing safe to apply.
      await this.#o.store.recordReconcile(record.id, {
        reconcileError: `cannot render the cluster: ${describeMessages(
          resolved.messages,
        )}`,
      });
      return;
    }
    const objects = resolved.objects.map(o => structuredClone(o));
    const cluster = objects.find(o => o.kind === 'Cluster') as any;
    // Cluster API stops reconciling a paused Cluster; when resumed, the field is
    // no longer applied, so server-side apply removes it.
    if (record.paused && cluster)
      cluster.spec = { ...cluster.spec, paused: true };

    // Drift is a difference from what was applied: a pending change is not drift.
    const appliedAll = record.appliedGeneration === record.generation;
    const drift = appliedAll
      ? await this.#findDrift(record, objects, client)
      : [];
    if (record.paused && appliedAll) {
      // Paused: report drift, restore nothing (but keep the pause applied).
      if (cluster) await client.apply(cluster);
      await this.#o.store.recordReconcile(record.id, {
        drift,
        reconcileError: null,
      });
      return;
    }
    const side = (await this.#o.sideObjects?.(record, client)) ?? {
      apply: [],
      keep: [],
    };
    await this.#ensureNamespace(client, record.namespace);
    // Side objects first: an imported Cluster's add-ons need its kubeconfig.
    await applyAll(
      client,
      record.paused && cluster ? [cluster] : [...side.apply, ...objects],
    );
    const inventory = record.paused
      ? record.inventory
      : [...inventoryOf([...side.apply, ...objects]), ...side.keep];
    if (!record.paused) await this.#collectGarbage(record, inventory, client);
    await this.#o.store.recordReconcile(record.id, {
      appliedGeneration: record.generation,
      inventory,
      drift: record.paused ? drift : [],
      restoredDrift: appliedAll && !record.paused ? drift : undefined,
      reconcileError: null,
    });
  }

  /** Live objects whose fields differ from the rendered ones (only meaningful once applied). */
  async #findDrift(
    record: ClusterRecord,
    objects: KubeObject[],
    client: ManagementClient,
  ): Promise<DriftedField[]> {
    if (record.appliedGeneration === 0) return [];
    const drift: DriftedField[] = [];
    for (const object of objects) {
      const live = await client.read(object);
      if (!live) {
        drift.push({
          object: `${object.kind}/${object.metadata.name}`,
          path: '',
          desired: 'present',
          live: 'missing',
        });
        continue;
      }
      for (const d of differingFields(desiredPart(object), live)) {
        drift.push({ object: `${object.kind}/${object.metadata.name}`, ...d });
      }
    }
    return drift;
  }

  /** Deletes objects applied before that the desired state no longer has. */
  async #collectGarbage(
    record: ClusterRecord,
    inventory: InventoryItem[],
    client: ManagementClient,
  ) {
    const keep = new Set(inventory.map(i => `${i.kind}/${i.name}`));
    for (const item of record.inventory) {
      if (item.kind === 'Cluster' || keep.has(`${item.kind}/${item.name}`))
        continue;
      await client.delete(refOf(item, record.namespace));
    }
  }

  /**
   * Deletion in Cluster API's order: delete the Cluster only and let Cluster
   * API tear down the rest; once it is gone, delete what the product applied
   * beside it (class, templates, add-ons). A forced deletion clears
   * finalizers first, for clusters whose cloud resources are already gone.
   */
  async #reconcileDeletion(record: ClusterRecord, client: ManagementClient) {
    const items: InventoryItem[] = record.inventory.length
      ? record.inventory
      : [
          {
            apiVersion: 'cluster.x-k8s.io/v1beta2',
            kind: 'Cluster',
            name: record.name,
          },
        ];
    const clusterItem = items.find(i => i.kind === 'Cluster');
    const clusterRef = clusterItem
      ? refOf(clusterItem, record.namespace)
      : undefined;
    if (record.forceDelete) {
      for (const item of items) {
        await client.removeFinalizers(refOf(item, record.namespace));
        await client.delete(refOf(item, record.namespace));
      }
    }
    if (clusterRef) {
      const live = await client.read(clusterRef);
      if (live) {
        if (!(live.metadata as any).deletionTimestamp)
          await client.delete(clusterRef);
        await this.#o.store.recordReconcile(record.id, {
          reconcileError: null,
        });
        return;
      }
    }
    let remaining = 0;
    for (const item of items) {
      if (item.kind === 'Cluster') continue;
      const ref = refOf(item, record.namespace);
      if (await client.read(ref)) {
        await client.delete(ref);
        remaining += 1;
      }
    }
    if (remaining > 0) {
      await this.#o.store.recordReconcile(record.id, { reconcileError: null });
      return;
    }
    await this.#o.store.markDeleted(
      record.id,
      record.forceDelete
        ? 'Force-deleted: finalizers were cleared; check the cloud account for leftover resources'
        : 'Every Cluster API object is gone',
    );
  }

  async #ensureNamespace(client: ManagementClient, namespace: string) {
    const key = `${client.name}/${namespace}`;
    if (this.#namespaces.has(key)) return;
    await client.ensureNamespace(namespace);
    this.#namespaces.add(key);
  }
}
