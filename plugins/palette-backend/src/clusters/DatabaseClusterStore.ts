import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ClusterEvent,
  ClusterPhase,
  CLUSTER_PHASES_IN_PROGRESS,
  DriftedField,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../audit/AuditLog';
import { applyPropertyFilter, FilterColumn } from '../database/propertyFilter';
import {
  escapeLike,
  isPostgres,
  isUniqueViolation,
  Queryable,
  toCount,
  toIsoTimestamp,
} from '../database/util';
import {
  CLUSTER_EVENTS_TABLE,
  CLUSTERS_TABLE,
  ClusterRow,
  rowToRecord,
} from './rows';
import {
  ChangeContext,
  ClusterFilterProperty,
  ClusterRecord,
  DesiredChange,
  DiscoveryOutcome,
  ListClusterRecordsQuery,
  NewClusterInput,
  NewImportedClusterInput,
  ReconcileOutcome,
  StatusUpdate,
} from './types';

const FILTER_COLUMNS: Record<ClusterFilterProperty, FilterColumn> = {
  name: { column: 'name' },
  owner: { column: 'owner', caseInsensitive: true },
  project: { column: 'project', caseInsensitive: true },
  environment: { column: 'environment' },
};

const SORT_COLUMNS: Record<string, string> = {
  name: 'name',
  phase: 'phase',
  provider: 'provider',
  owner: 'owner',
  environment: 'environment',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** A new entry of a cluster's timeline. */
export type ClusterEventInput = Omit<ClusterEvent, 'id' | 'cluster' | 'at'> & {
  at?: Date;
};

/** The outcome of {@link DatabaseClusterStore.recordStatus}. */
export interface RecordStatusResult {
  changed: boolean;
  phaseChanged: boolean;
  record: ClusterRecord;
}

/**
 * Clusters in the database (SQLite or PostgreSQL): the desired state as
 * asked, the observed state as reported, the timeline, and leases. Every
 * change runs in one transaction with its timeline entry and audit event.
 */
export class DatabaseClusterStore {
  readonly #db: Knex;
  readonly #audit: AuditLog;
  readonly #clock: () => Date;
  #seq = 0;

  constructor(options: { db: Knex; auditLog: AuditLog; clock?: () => Date }) {
    this.#db = options.db;
    this.#audit = options.auditLog;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Stores a requested cluster; a name in use is a 409. */
  async create(
    input: NewClusterInput,
    context: Omit<ChangeContext, 'actor'>,
    options: { guard?: (tx: Knex.Transaction) => Promise<void> } = {},
  ): Promise<ClusterRecord> {
    const { request } = input;
    return this.#insertNew({
      input,
      phase: input.approval ? 'PendingApproval' : 'Requested',
      columns: {
        profile_name: request.profile.name,
        profile_version: request.profile.version,
        kubernetes_version: input.kubernetesVersion ?? null,
        quota_nodes: input.footprint.nodes,
        quota_vcpus: input.footprint.vcpus,
        monthly_cost: input.footprint.monthlyCost,
        ...(input.approval
          ? {
              approval_state: 'Pending',
              approver_group: input.approval.approverGroup,
              approval_expires_at: new Date(input.approval.expiresAt),
            }
          : {}),
      } as Partial<ClusterRow>,
      context,
      audited: request,
      // Checks that must see committed state, e.g. quotas, under their lock.
      beforeInsert: options.guard,
    });
  }

  /**
   * Stores an imported cluster (phase `Importing` until its first discovery)
   * with its timeline entry and audit event; a name in use is a 409. Only
   * the name of the kubeconfig's Secret is stored, never the kubeconfig.
   */
  async createImported(
    input: NewImportedClusterInput,
    context: Omit<ChangeContext, 'actor'>,
    options: {
      /**
       * Runs once the row is written, before the commit: a failure rolls the
       * import back, and a taken name fails before it runs.
       */
      beforeCommit?: () => Promise<void>;
    } = {},
  ): Promise<ClusterRecord> {
    return this.#insertNew({
      input,
      phase: 'Importing',
      columns: {
        profile_name: null,
        profile_version: null,
        kubernetes_version: null,
        // The reconciler deletes what is listed here on detach.
        inventory: JSON.stringify([
          { apiVersion: 'v1', kind: 'Secret', name: input.secretName },
        ]),
        quota_nodes: 0,
        quota_vcpus: 0,
        monthly_cost: 0,
        source: 'imported',
        import_mode: input.mode,
        import_secret: input.secretName,
      } as Partial<ClusterRow>,
      context,
      audited: { mode: input.mode, ...input.request },
      beforeCommit: options.beforeCommit,
    });
  }

  /**
   * Inserts a new cluster in one transaction with its first timeline entry
   * and audit event; a name in use is a 409. `columns` holds what differs
   * between a requested and an imported cluster.
   */
  async #insertNew({
    input,
    phase,
    columns,
    context,
    audited,
    beforeInsert,
    beforeCommit,
  }: {
    input: Pick<
      NewClusterInput,
      'request' | 'managementCluster' | 'namespace' | 'provider' | 'createdBy'
    >;
    phase: ClusterPhase;
    columns: Partial<ClusterRow>;
    context: Omit<ChangeContext, 'actor'>;
    /** The audit event's `after`. */
    audited: unknown;
    beforeInsert?: (tx: Knex.Transaction) => Promise<void>;
    beforeCommit?: () => Promise<void>;
  }): Promise<ClusterRecord> {
    const now = this.#clock();
    const { request } = input;
    const id = randomUUID();
    try {
      await this.#db.transaction(async tx => {
        await beforeInsert?.(tx);
        await tx<ClusterRow>(CLUSTERS_TABLE).insert({
          id,
          name: request.name,
          active_name: request.name,
          management_cluster: input.managementCluster,
          namespace: input.namespace,
          provider: input.provider,
          region: request.region,
          cloud_account: request.cloudAccount,
          owner: request.owner,
          project: request.project,
          environment: request.environment,
          addon_profiles: JSON.stringify(request.addOnProfiles),
          request: JSON.stringify(request),
          generation: 1,
          applied_generation: 0,
          paused: false,
          force_delete: false,
          phase,
          phase_since: now,
          ever_running: false,
          nodes_ready: 0,
          nodes_desired: 0,
          drifted: false,
          created_at: now,
          created_by: input.createdBy,
          updated_at: now,
          ...columns,
        } as Partial<ClusterRow>);
        await this.#appendEvent(tx, id, {
          type: 'action',
          phase,
          reason: context.reason,
          message: context.message,
          actor: input.createdBy,
          at: now,
        });
        await this.#audit.record(
          {
            actor: input.createdBy,
            action: context.action,
            target: `cluster:${request.name}`,
            after: audited,
            occurredAt: now,
          },
          tx,
        );
        await beforeCommit?.();
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `A cluster named "${request.name}" already exists in the fleet`,
        );
      }
      throw error;
    }
    return (await this.getById(id))!;
  }

  /**
   * Stores one discovery of an imported cluster: the observed status through
   * the same path as the status watcher's (a phase change gets its timeline
   * entry), and the inventory when discovery succeeded.
   */
  async recordDiscovery(
    id: string,
    outcome: DiscoveryOutcome,
  ): Promise<RecordStatusResult | undefined> {
    const now = this.#clock();
    const patch: Partial<ClusterRow> = {
      discovery_error: outcome.error,
    } as Partial<ClusterRow>;
    if (outcome.inventory) {
      patch.discovered_inventory = JSON.stringify(outcome.inventory);
      patch.last_discovered_at = now;
      patch.kubernetes_version = outcome.inventory.kubernetes.gitVersion;
    }
    if (outcome.request) patch.request = JSON.stringify(outcome.request);
    if (outcome.provider) patch.provider = outcome.provider;
    if (outcome.region) patch.region = outcome.region;
    return this.recordStatus(id, outcome.status, patch);
  }

  /** Ids and names of the live imported clusters. */
  async listImported(): Promise<Array<{ id: string; name: string }>> {
    return this.#db<ClusterRow>(CLUSTERS_TABLE)
      .whereNotNull('active_name')
      .where({ source: 'imported' })
      .orderBy('name')
      .select('id', 'name');
  }

  /** The cluster by name: the live one, or else the most recently deleted one. */
  async get(
    name: string,
    db: Queryable = this.#db,
  ): Promise<ClusterRecord | undefined> {
    const row = await db<ClusterRow>(CLUSTERS_TABLE)
      .where({ name })
      .orderByRaw('CASE WHEN active_name IS NULL THEN 1 ELSE 0 END')
      .orderBy('created_at', 'desc')
      .first();
    return row ? rowToRecord(row) : undefined;
  }

  /**
   * The named clusters in one query per 500 names, each as {@link get}
   * finds it (the live one, else the newest deleted one); missing names are
   * left out.
   */
  async getMany(names: string[]): Promise<Map<string, ClusterRecord>> {
    const found = new Map<string, ClusterRecord>();
    const unique = [...new Set(names)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.#db<ClusterRow>(CLUSTERS_TABLE)
        .whereIn('name', unique.slice(i, i + 500))
        .orderByRaw('CASE WHEN active_name IS NULL THEN 1 ELSE 0 END')
        .orderBy('created_at', 'desc');
      for (const row of rows)
        if (!found.has(row.name)) found.set(row.name, rowToRecord(row));
    }
    return found;
  }

  async getById(
    id: string,
    db: Queryable = this.#db,
  ): Promise<ClusterRecord | undefined> {
    const row = await db<ClusterRow>(CLUSTERS_TABLE).where({ id }).first();
    return row ? rowToRecord(row) : undefined;
  }

  /** A page of clusters, filtered and sorted in the database, with the count per phase. */
  async list(query: ListClusterRecordsQuery = {}): Promise<{
    items: ClusterRecord[];
    totalCount: number;
    phaseCounts: Partial<Record<ClusterPhase, number>>;
  }> {
    const base = this.#db<ClusterRow>(CLUSTERS_TABLE);
    const { phase, ...withoutPhase } = query;
    this.#applyFilters(base, withoutPhase);
    const phaseRows = (await base
      .clone()
      .select('phase')
      .count({ count: '*' })
      .groupBy('phase')) as Array<{ phase: string; count: unknown }>;
    const phaseCounts: Partial<Record<ClusterPhase, number>> = {};
    for (const row of phaseRows) {
      phaseCounts[row.phase as ClusterPhase] = toCount(row.count);
    }
    if (phase?.length) base.whereIn('phase', phase);
    const totalCount = phase?.length
      ? phase.reduce((sum, p) => sum + (phaseCounts[p] ?? 0), 0)
      : Object.values(phaseCounts).reduce((a, b) => a + (b ?? 0), 0);
    const sort = SORT_COLUMNS[query.sort ?? 'name'] ?? 'name';
    const rows = await base
      .select('*')
      .orderBy(sort, query.order ?? 'asc')
      .orderBy('name', 'asc')
      .orderBy('id', 'asc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0);
    return { items: rows.map(rowToRecord), totalCount, phaseCounts };
  }

  #applyFilters(builder: Knex.QueryBuilder, query: ListClusterRecordsQuery) {
    if (!query.includeDeleted) builder.whereNotNull('active_name');
    const lowerIn = (column: string, values?: string[]) => {
      if (!values?.length) return;
      builder.whereRaw(`lower(??) in (${values.map(() => '?').join(', ')})`, [
        column,
        ...values.map(v => v.toLocaleLowerCase('en-US')),
      ]);
    };
    if (query.provider?.length) builder.whereIn('provider', query.provider);
    lowerIn('owner', query.owner);
    lowerIn('project', query.project);
    if (query.environment?.length)
      builder.whereIn('environment', query.environment);
    if (query.profile) builder.where('profile_name', query.profile);
    if (query.profileVersion)
      builder.where('profile_version', query.profileVersion);
    if (query.managementCluster)
      builder.where('management_cluster', query.managementCluster);
    if (query.search) {
      const pattern = `%${escapeLike(
        query.search.toLocaleLowerCase('en-US'),
      )}%`;
      builder.whereRaw(`lower(name) like ? escape '\\'`, [pattern]);
    }
    if (query.filter) {
      const filter = query.filter;
      builder.where(inner =>
        applyPropertyFilter(inner, filter, FILTER_COLUMNS),
      );
    }
  }

  /**
   * Changes the desired state of a live cluster: bumps its generation, so the
   * reconciler applies it, and records the timeline entry and the audit
   * event, all in one transaction. `decide` sees the current record and
   * returns the change (or throws a 4xx to refuse it).
   */
  async changeDesired(
    name: string,
    decide: (current: ClusterRecord) => DesiredChange,
    context: ChangeContext,
    options: {
      guard?: (
        tx: Knex.Transaction,
        current: ClusterRecord,
        change: DesiredChange,
      ) => Promise<void>;
    } = {},
  ): Promise<ClusterRecord> {
    const now = this.#clock();
    return this.#changeLive(name, async (tx, current) => {
      const change = decide(current);
      await options.guard?.(tx, current, change);
      const request = change.request ?? current.request;
      const update: Partial<ClusterRow> = {
        generation: current.generation + 1,
        updated_at: now,
        request: JSON.stringify(request),
        // Imported clusters have no profile to move to (see `imported`).
        ...(current.imported
          ? {}
          : {
              profile_name: request.profile.name,
              profile_version: request.profile.version,
            }),
        addon_profiles: JSON.stringify(request.addOnProfiles),
      } as Partial<ClusterRow>;
      if (change.kubernetesVersion !== undefined)
        update.kubernetes_version = change.kubernetesVersion;
      if (change.footprint) {
        update.quota_nodes = change.footprint.nodes;
        update.quota_vcpus = change.footprint.vcpus;
        update.monthly_cost = change.footprint.monthlyCost;
      }
      if (change.paused !== undefined) update.paused = change.paused;
      if (change.deletionRequestedAt !== undefined)
        update.deletion_requested_at = new Date(change.deletionRequestedAt);
      if (change.forceDelete !== undefined)
        update.force_delete = change.forceDelete;
      await tx<ClusterRow>(CLUSTERS_TABLE)
        .where({ id: current.id })
        .update(update);
      await this.#appendEvent(tx, current.id, {
        type: 'action',
        reason: context.reason,
        message: context.message,
        actor: context.actor,
        at: now,
      });
      await this.#audit.record(
        {
          actor: context.actor,
          action: context.action,
          target: `cluster:${name}`,
          before: summaryForAudit(current),
          after: summaryForAudit({ ...current, ...change, request }),
          occurredAt: now,
        },
        tx,
      );
    });
  }

  /**
   * Runs a change of one live cluster in a transaction that holds its row
   * (locked on PostgreSQL; SQLite serialises write transactions anyway), and
   * returns the cluster as the change left it. 404 when there is none.
   */
  async #changeLive(
    name: string,
    change: (tx: Knex.Transaction, current: ClusterRecord) => Promise<void>,
  ): Promise<ClusterRecord> {
    const id = await this.#db.transaction(async tx => {
      const row = await tx<ClusterRow>(CLUSTERS_TABLE)
        .where({ active_name: name })
        .modify(q => {
          if (isPostgres(tx)) q.forUpdate();
        })
        .first();
      if (!row) return undefined;
      await change(tx, rowToRecord(row));
      return row.id;
    });
    if (!id) throw new NotFoundError(`No cluster named "${name}"`);
    return (await this.getById(id))!;
  }

  /**
   * Stores what the status watcher derived. Writes only when something
   * changed, and adds a timeline entry for a phase transition.
   */
  async recordStatus(
    id: string,
    update: StatusUpdate,
    /** Columns written in the same transaction, whether the status changed or not. */
    alongside?: Partial<ClusterRow>,
  ): Promise<RecordStatusResult | undefined> {
    const now = this.#clock();
    return this.#db.transaction(async tx => {
      const row = await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).first();
      if (!row || row.deleted_at) return undefined;
      const current = rowToRecord(row);
      const statusJson = JSON.stringify(update.status);
      const phaseChanged = current.phase !== update.phase;
      const changed =
        phaseChanged ||
        (current.message ?? null) !== (update.message ?? null) ||
        row.status !== statusJson ||
        current.nodes.ready !== update.nodes.ready ||
        current.nodes.desired !== update.nodes.desired;
      if (alongside)
        await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).update(alongside);
      if (!changed)
        return {
          changed,
          phaseChanged,
          record: alongside
            ? rowToRecord(
                (await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).first())!,
              )
            : current,
        };
      const patch: Partial<ClusterRow> = {
        phase: update.phase,
        message: update.message ?? null,
        status: statusJson,
        nodes_ready: update.nodes.ready,
        nodes_desired: update.nodes.desired,
        updated_at: now,
      } as Partial<ClusterRow>;
      if (phaseChanged) patch.phase_since = now;
      if (update.phase === 'Running') patch.ever_running = true;
      await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).update(patch);
      if (phaseChanged) {
        await this.#appendEvent(tx, id, {
          type: 'phase',
          phase: update.phase,
          reason: update.status.lastError?.reason ?? `Phase${update.phase}`,
          message: update.message ?? `${current.phase} → ${update.phase}`,
          at: now,
        });
      }
      const record = rowToRecord(
        (await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).first())!,
      );
      return { changed, phaseChanged, record };
    });
  }

  /** Stores the outcome of one reconciliation (and a timeline entry when drift or an error appears). */
  async recordReconcile(id: string, outcome: ReconcileOutcome): Promise<void> {
    const now = this.#clock();
    await this.#db.transaction(async tx => {
      const row = await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).first();
      if (!row) return;
      const current = rowToRecord(row);
      const patch: Partial<ClusterRow> = {
        reconcile_error: outcome.reconcileError,
        last_reconciled_at: now,
      } as Partial<ClusterRow>;
      if (
        outcome.appliedGeneration !== undefined &&
        outcome.appliedGeneration > current.appliedGeneration
      ) {
        patch.applied_generation = outcome.appliedGeneration;
        patch.applied_at = now;
      }
      if (outcome.inventory)
        patch.inventory = JSON.stringify(outcome.inventory);
      if (outcome.drift) {
        patch.drift = JSON.stringify(outcome.drift);
        patch.drifted = outcome.drift.length > 0;
      }
      await tx<ClusterRow>(CLUSTERS_TABLE).where({ id }).update(patch);
      if (outcome.drift?.length && !current.drifted) {
        await this.#appendEvent(tx, id, {
          type: 'drift',
          reason: 'DriftDetected',
          message: `Live objects differ from the profile (paused, not restored): ${describeDrift(
            outcome.drift,
          )}`,
          at: now,
        });
      }
      if (outcome.restoredDrift?.length) {
        await this.#appendEvent(tx, id, {
          type: 'drift',
          reason: 'DriftRestored',
          message: `Live objects differed from the profile and were restored: ${describeDrift(
            outcome.restoredDrift,
          )}`,
          at: now,
        });
      }
      if (
        outcome.reconcileError &&
        outcome.reconcileError !== current.reconcileError
      ) {
        await this.#appendEvent(tx, id, {
          type: 'error',
          reason: 'ReconcileFailed',
          message: outcome.reconcileError,
          at: now,
        });
      }
    });
  }

  /**
   * Decides a pending approval: approval lets the reconciler provision the
   * cluster; rejection (or expiry) ends the request and frees the name.
   * `check` may refuse (e.g. the requester deciding their own request).
   */
  async decideApproval(
    name: string,
    decision: {
      state: 'Approved' | 'Rejected' | 'Expired';
      actor: string;
      comment?: string;
    },
    check: (current: ClusterRecord) => void = () => {},
  ): Promise<ClusterRecord> {
    const now = this.#clock();
    return this.#changeLive(name, async (tx, current) => {
      if (current.approval?.state !== 'Pending') {
        throw new ConflictError(
          current.approval
            ? `The request for "${name}" was already decided: ${current.approval.state}`
            : `Cluster "${name}" needs no approval`,
        );
      }
      check(current);
      const approved = decision.state === 'Approved';
      const phase: ClusterPhase = approved ? 'Requested' : 'Rejected';
      await tx<ClusterRow>(CLUSTERS_TABLE)
        .where({ id: current.id })
        .update({
          approval_state: decision.state,
          approval_decided_by: decision.actor,
          approval_decided_at: now,
          approval_comment: decision.comment ?? null,
          phase,
          phase_since: now,
          updated_at: now,
          message: decisionMessage(decision),
          ...(approved ? {} : { active_name: null, deleted_at: now }),
        } as Partial<ClusterRow>);
      const verb = {
        Approved: 'approved',
        Rejected: 'rejected',
        Expired: 'expired',
      }[decision.state];
      await this.#appendEvent(tx, current.id, {
        type: 'action',
        phase,
        reason: `Approval${decision.state}`,
        message: `Request ${verb}${
          decision.state === 'Expired' ? '' : ` by ${decision.actor}`
        }${decision.comment ? `: ${decision.comment}` : ''}`,
        actor: decision.actor,
        at: now,
      });
      await this.#audit.record(
        {
          actor: decision.actor,
          action: `cluster.approval.${verb}`,
          target: `cluster:${name}`,
          before: { approval: current.approval },
          after: {
            approval: {
              ...current.approval,
              state: decision.state,
              decidedBy: decision.actor,
              comment: decision.comment,
            },
          },
          occurredAt: now,
        },
        tx,
      );
    });
  }

  /** Live clusters with an approval, newest first. */
  async listApprovals(
    query: { state?: string; limit?: number } = {},
  ): Promise<ClusterRecord[]> {
    const rows = await this.#db<ClusterRow>(CLUSTERS_TABLE)
      .whereNotNull('approval_state')
      .modify(q => {
        if (query.state) q.where('approval_state', query.state);
      })
      .orderBy('created_at', 'desc')
      .limit(query.limit ?? 100);
    return rows.map(rowToRecord);
  }

  /** Names of pending approvals past their expiry. */
  async listExpiredApprovals(now: Date): Promise<string[]> {
    const rows = await this.#db<ClusterRow>(CLUSTERS_TABLE)
      .where({ approval_state: 'Pending' })
      .whereNotNull('active_name')
      .where('approval_expires_at', '<', now)
      .select('name');
    return rows.map(r => r.name);
  }

  /** Marks a cluster deleted: its objects are gone; the name is free again. */
  async markDeleted(id: string, message: string): Promise<void> {
    const now = this.#clock();
    await this.#db.transaction(async tx => {
      const updated = await tx<ClusterRow>(CLUSTERS_TABLE)
        .where({ id })
        .whereNull('deleted_at')
        .update({
          active_name: null,
          deleted_at: now,
          phase: 'Deleted',
          phase_since: now,
          message,
          nodes_ready: 0,
          updated_at: now,
          lease_owner: null,
          lease_expires_at: null,
        } as Partial<ClusterRow>);
      if (updated) {
        await this.#appendEvent(tx, id, {
          type: 'phase',
          phase: 'Deleted',
          reason: 'Deleted',
          message,
          at: now,
        });
      }
    });
  }

  /**
   * Takes (or renews) the lease on a cluster for one backend instance, so
   * that two instances never reconcile the same cluster at once. The update
   * is one conditional statement: atomic on both engines.
   */
  async claimLease(
    id: string,
    owner: string,
    durationMs: number,
  ): Promise<boolean> {
    const now = this.#clock();
    const updated = await this.#db<ClusterRow>(CLUSTERS_TABLE)
      .where({ id })
      .whereNull('deleted_at')
      .andWhere(q =>
        q
          .whereNull('lease_owner')
          .orWhere('lease_owner', owner)
          .orWhere('lease_expires_at', '<', now),
      )
      .update({
        lease_owner: owner,
        lease_expires_at: new Date(now.getTime() + durationMs),
      } as Partial<ClusterRow>);
    return updated === 1;
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    await this.#db<ClusterRow>(CLUSTERS_TABLE)
      .where({ id, lease_owner: owner })
      .update({
        lease_owner: null,
        lease_expires_at: null,
      } as Partial<ClusterRow>);
  }

  /**
   * The live clusters of one management cluster that need the periodic
   * reconciliation: changes not yet applied, deletions, failed attempts,
   * drift checks due, and phases whose timeouts may expire.
   */
  async listDue(
    managementCluster: string,
    checkedBefore: Date,
  ): Promise<Array<{ id: string; name: string }>> {
    return this.#db<ClusterRow>(CLUSTERS_TABLE)
      .whereNotNull('active_name')
      .where({ management_cluster: managementCluster })
      .whereNot('phase', 'PendingApproval')
      .andWhere(q =>
        q
          .whereRaw('applied_generation < generation')
          .orWhereNotNull('deletion_requested_at')
          .orWhereNotNull('reconcile_error')
          .orWhereNull('last_reconciled_at')
          .orWhere('last_reconciled_at', '<', checkedBefore)
          .orWhereIn('phase', CLUSTER_PHASES_IN_PROGRESS as string[]),
      )
      .orderBy('last_reconciled_at', 'asc')
      .select('id', 'name');
  }

  /** Ids of the clusters (not yet deleted) reconciled on one management cluster. */
  async listLiveIds(
    managementCluster: string,
  ): Promise<Array<{ id: string; name: string }>> {
    return this.#db<ClusterRow>(CLUSTERS_TABLE)
      .whereNotNull('active_name')
      .where({ management_cluster: managementCluster })
      .select('id', 'name');
  }

  /** Names of up to `limit` live clusters that run a profile (as infra or add-on), or one version of it. */
  async clustersUsingProfile(
    name: string,
    version?: string,
    limit = 5,
  ): Promise<string[]> {
    // add-on refs are stored as JSON text `[{"name":...,"version":...}]`.
    const addOn = `%${escapeLike(
      JSON.stringify(version ? { name, version } : { name }).slice(
        0,
        version ? undefined : -1,
      ),
    )}%`;
    const rows = await this.#db<ClusterRow>(CLUSTERS_TABLE)
      .whereNotNull('active_name')
      .andWhere(q =>
        q
          .where(inner => {
            inner.where('profile_name', name);
            if (version) inner.andWhere('profile_version', version);
          })
          .orWhereRaw(`addon_profiles like ? escape '\\'`, [addOn]),
      )
      .orderBy('name')
      .limit(limit)
      .select('name');
    return rows.map(r => r.name);
  }

  async appendEvent(id: string, event: ClusterEventInput): Promise<void> {
    await this.#appendEvent(this.#db, id, event);
  }

  /** A cluster's timeline, newest first. */
  async listEvents(id: string, limit = 200): Promise<ClusterEvent[]> {
    const rows = await this.#db(`${CLUSTER_EVENTS_TABLE} as e`)
      .join(`${CLUSTERS_TABLE} as c`, 'c.id', 'e.cluster_id')
      .where('e.cluster_id', id)
      .orderBy('e.at', 'desc')
      .orderBy('e.seq', 'desc')
      .limit(limit)
      .select('e.*', 'c.name as cluster_name');
    return rows.map(row => ({
      id: row.id,
      cluster: row.cluster_name,
      at: toIsoTimestamp(row.at),
      type: row.type,
      ...(row.phase ? { phase: row.phase } : {}),
      reason: row.reason,
      message: row.message,
      ...(row.actor ? { actor: row.actor } : {}),
    }));
  }

  async #appendEvent(db: Queryable, id: string, event: ClusterEventInput) {
    const at = event.at ?? this.#clock();
    // Orders entries of the same millisecond in the order they were written.
    this.#seq = Math.max(this.#seq + 1, at.getTime() * 1000);
    await db(CLUSTER_EVENTS_TABLE).insert({
      id: randomUUID(),
      cluster_id: id,
      at,
      seq: this.#seq,
      type: event.type,
      phase: event.phase ?? null,
      reason: event.reason,
      message: event.message,
      actor: event.actor ?? null,
    });
  }
}

/** What a cluster says after its approval was decided. */
function decisionMessage(decision: {
  state: 'Approved' | 'Rejected' | 'Expired';
  actor: string;
  comment?: string;
}): string | null {
  if (decision.state === 'Approved') return null;
  if (decision.state === 'Expired')
    return 'The approval expired before anyone decided';
  return `Rejected by ${decision.actor}${
    decision.comment ? `: ${decision.comment}` : ''
  }`;
}

/** A few drifted fields, for a timeline message. */
function describeDrift(drift: DriftedField[]): string {
  const shown = drift
    .slice(0, 5)
    .map(d => `${d.object} ${d.path || '(missing)'}`)
    .join(', ');
  return drift.length > 5 ? `${shown} and ${drift.length - 5} more` : shown;
}

/** What the audit log keeps of a cluster: the desired state, not the observed noise. */
function summaryForAudit(record: Partial<ClusterRecord>) {
  return {
    request: record.request,
    paused: record.paused,
    ...(record.deletionRequestedAt
      ? { deletionRequestedAt: record.deletionRequestedAt }
      : {}),
    ...(record.forceDelete ? { forceDelete: true } : {}),
  };
}
