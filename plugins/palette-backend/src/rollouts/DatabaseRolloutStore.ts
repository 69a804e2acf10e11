import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ListRolloutsResponse,
  RolloutClusterStatus,
  RolloutSelector,
  RolloutStatus,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../audit/AuditLog';
import { isPostgres, Queryable, toCount } from '../database/util';
import {
  countByStatus,
  ROLLOUT_CLUSTERS_TABLE,
  RolloutClusterRow,
  RolloutRecord,
  RolloutRow,
  ROLLOUTS_TABLE,
  rowToRecord,
  rowToSummary,
} from './rows';

/** A planned cluster of a new rollout. */
export interface PlannedCluster {
  name: string;
  fromVersion: string;
  /** `Skipped` (with a message) or `Pending`. */
  status: Extract<RolloutClusterStatus, 'Pending' | 'Skipped'>;
  message?: string;
}

/** What a new rollout is stored with. */
export interface NewRollout {
  profile: string;
  targetVersion: string;
  selector: RolloutSelector;
  canarySize: number;
  batchSize: number;
  healthTimeoutMinutes: number;
  description?: string;
  waves: PlannedCluster[][];
}

/** Who acted and what the audit log calls it. */
export interface RolloutAuditContext {
  actor: string;
  /** e.g. `rollout.pause`. */
  action: string;
}

/** A change of a rollout, as decided from its current state. */
export interface RolloutChange {
  status?: RolloutStatus;
  /** `null` clears the message. */
  message?: string | null;
  finished?: boolean;
  runAs?: string;
  /** Clusters whose status changes with it. */
  clusters?: Array<{
    name: string;
    status: RolloutClusterStatus;
    message?: string | null;
    /** Clears start, finish and requested generation (a retry). */
    reset?: boolean;
  }>;
}

/** A change of one cluster of a rollout. */
export interface RolloutClusterChange {
  status?: RolloutClusterStatus;
  message?: string | null;
  requestedGeneration?: number;
  started?: boolean;
  finished?: boolean;
}

const ACTIVE_CLUSTER_STATUSES: RolloutClusterStatus[] = [
  'Updating',
  'RollingBack',
];
const STARTABLE_ROLLOUT_STATUSES: RolloutStatus[] = ['Pending', 'Running'];

/**
 * Rollouts in the database (SQLite or PostgreSQL): each rollout and its
 * clusters, and every change with its audit event in one transaction.
 * Cluster moves are compare-and-set on the cluster's status, so two
 * runners (or a runner and a route) never both act on one cluster.
 */
export class DatabaseRolloutStore {
  readonly #db: Knex;
  readonly #audit: AuditLog;
  readonly #clock: () => Date;

  constructor(options: { db: Knex; auditLog: AuditLog; clock?: () => Date }) {
    this.#db = options.db;
    this.#audit = options.auditLog;
    this.#clock = options.clock ?? (() => new Date());
  }

  async create(input: NewRollout, actor: string): Promise<RolloutRecord> {
    const now = this.#clock();
    const id = randomUUID();
    await this.#db.transaction(async tx => {
      await tx<RolloutRow>(ROLLOUTS_TABLE).insert({
        id,
        profile_name: input.profile,
        target_version: input.targetVersion,
        selector: JSON.stringify(input.selector),
        canary_size: input.canarySize,
        batch_size: input.batchSize,
        health_timeout_minutes: input.healthTimeoutMinutes,
        status: 'Pending',
        message: null,
        description: input.description ?? null,
        run_as: actor,
        created_by: actor,
        created_at: now,
        updated_at: now,
        finished_at: null,
      });
      const rows: RolloutClusterRow[] = input.waves.flatMap((wave, index) =>
        wave.map((c, position) => ({
          rollout_id: id,
          cluster_name: c.name,
          wave_index: index,
          position,
          status: c.status,
          from_version: c.fromVersion,
          message: c.message ?? null,
          requested_generation: null,
          started_at: null,
          finished_at: c.status === 'Skipped' ? now : null,
        })),
      );
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 500) {
        await tx(ROLLOUT_CLUSTERS_TABLE).insert(rows.slice(i, i + 500));
      }
      await this.#audit.record(
        {
          actor,
          action: 'rollout.create',
          target: `rollout:${id}`,
          after: {
            profile: input.profile,
            targetVersion: input.targetVersion,
            selector: input.selector,
            waves: input.waves.map(w => w.map(c => c.name)),
          },
        },
        tx,
      );
    });
    return (await this.get(id))!;
  }

  async get(
    id: string,
    db: Queryable = this.#db,
  ): Promise<RolloutRecord | undefined> {
    const row = await db<RolloutRow>(ROLLOUTS_TABLE).where({ id }).first();
    if (!row) return undefined;
    const items = await db<RolloutClusterRow>(ROLLOUT_CLUSTERS_TABLE)
      .where({ rollout_id: id })
      .orderBy('wave_index')
      .orderBy('position');
    return rowToRecord(row, items);
  }

  /** A page of rollouts, newest first, with their cluster counts. */
  async list(
    query: {
      status?: RolloutStatus[];
      profile?: string;
      limit?: number;
      offset?: number;
    } = {},
  ): Promise<ListRolloutsResponse> {
    const base = this.#db<RolloutRow>(ROLLOUTS_TABLE);
    if (query.status?.length) base.whereIn('status', query.status);
    if (query.profile) base.where('profile_name', query.profile);
    const [{ count }] = await base.clone().count({ count: '*' });
    const rows = await base
      .select('*')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0);
    const countRows = rows.length
      ? ((await this.#db(ROLLOUT_CLUSTERS_TABLE)
          .whereIn(
            'rollout_id',
            rows.map(r => r.id),
          )
          .select('rollout_id', 'status')
          .count({ count: '*' })
          .groupBy('rollout_id', 'status')) as Array<{
          rollout_id: string;
          status: RolloutClusterStatus;
          count: unknown;
        }>)
      : [];
    return {
      items: rows.map(row => {
        const counts: ReturnType<typeof countByStatus> = {};
        for (const c of countRows.filter(r => r.rollout_id === row.id))
          counts[c.status] = toCount(c.count);
        return rowToSummary(row, counts);
      }),
      totalCount: toCount(count),
    };
  }

  /**
   * Rollouts the runner has work in: those that may start clusters, and
   * those with clusters still updating or rolling back.
   */
  async listActiveIds(): Promise<string[]> {
    const rows = await this.#db<RolloutRow>(ROLLOUTS_TABLE)
      .whereIn('status', STARTABLE_ROLLOUT_STATUSES)
      .orWhereIn(
        'id',
        this.#db(ROLLOUT_CLUSTERS_TABLE)
          .whereIn('status', ACTIVE_CLUSTER_STATUSES)
          .select('rollout_id'),
      )
      .orderBy('created_at')
      .select('id');
    return rows.map(r => r.id);
  }

  /**
   * Changes a rollout (and some of its clusters) in one transaction that
   * holds its row, with the audit event. `decide` sees the current state
   * and returns the change (`undefined` for none), or throws a 4xx (e.g. a
   * 409 for a transition the rollout's status does not allow).
   */
  async change(
    id: string,
    decide: (current: RolloutRecord) => RolloutChange | undefined,
    context: RolloutAuditContext,
  ): Promise<RolloutRecord> {
    const now = this.#clock();
    await this.#db.transaction(async tx => {
      const locked = await tx<RolloutRow>(ROLLOUTS_TABLE)
        .where({ id })
        .modify(q => {
          if (isPostgres(tx)) q.forUpdate();
        })
        .first();
      if (!locked) throw new NotFoundError(`No rollout with id "${id}"`);
      const current = (await this.get(id, tx))!;
      const change = decide(current);
      // Nothing to do (e.g. another runner got there first): no audit event.
      if (!change) return;
      const patch: Partial<RolloutRow> = { updated_at: now };
      if (change.status) patch.status = change.status;
      if (change.message !== undefined) patch.message = change.message;
      if (change.finished) patch.finished_at = now;
      if (change.runAs) patch.run_as = change.runAs;
      await tx<RolloutRow>(ROLLOUTS_TABLE).where({ id }).update(patch);
      for (const c of change.clusters ?? []) {
        await tx<RolloutClusterRow>(ROLLOUT_CLUSTERS_TABLE)
          .where({ rollout_id: id, cluster_name: c.name })
          .update({
            status: c.status,
            ...(c.message !== undefined ? { message: c.message } : {}),
            ...(c.reset
              ? {
                  started_at: null,
                  finished_at: null,
                  requested_generation: null,
                }
              : {}),
            ...(c.status === 'Skipped' ? { finished_at: now } : {}),
          });
      }
      await this.#audit.record(
        {
          actor: context.actor,
          action: context.action,
          target: `rollout:${id}`,
          before: { status: current.status },
          after: {
            status: change.status ?? current.status,
            ...(change.message ? { message: change.message } : {}),
            ...(change.clusters?.length
              ? {
                  clusters: change.clusters.map(c => ({
                    name: c.name,
                    status: c.status,
                  })),
                }
              : {}),
          },
        },
        tx,
      );
    });
    return (await this.get(id))!;
  }

  /**
   * Moves one cluster of a rollout from one of `from` (compare-and-set) and
   * records the audit event, in one transaction. `false` when the cluster
   * was no longer in `from`: someone else moved it first.
   */
  async moveCluster(
    id: string,
    name: string,
    from: RolloutClusterStatus[],
    change: RolloutClusterChange,
    audit?: RolloutAuditContext & { detail?: Record<string, unknown> },
  ): Promise<boolean> {
    const now = this.#clock();
    return this.#db.transaction(async tx => {
      const updated = await tx<RolloutClusterRow>(ROLLOUT_CLUSTERS_TABLE)
        .where({ rollout_id: id, cluster_name: name })
        .whereIn('status', from)
        .update({
          ...(change.status ? { status: change.status } : {}),
          ...(change.message !== undefined ? { message: change.message } : {}),
          ...(change.requestedGeneration !== undefined
            ? { requested_generation: change.requestedGeneration }
            : {}),
          ...(change.started
            ? { started_at: now, finished_at: null, requested_generation: null }
            : {}),
          ...(change.finished ? { finished_at: now } : {}),
        });
      if (updated !== 1) return false;
      await tx<RolloutRow>(ROLLOUTS_TABLE)
        .where({ id })
        .update({ updated_at: now });
      if (audit) {
        await this.#audit.record(
          {
            actor: audit.actor,
            action: audit.action,
            target: `cluster:${name}`,
            after: {
              rollout: id,
              ...(change.status ? { status: change.status } : {}),
              ...(change.message ? { message: change.message } : {}),
              ...audit.detail,
            },
          },
          tx,
        );
      }
      return true;
    });
  }

  /** Refuses a transition the rollout's status does not allow (409). */
  static requireStatus(
    current: RolloutRecord,
    allowed: RolloutStatus[],
    what: string,
  ): void {
    if (!allowed.includes(current.status)) {
      throw new ConflictError(
        `Rollout ${current.id} is ${
          current.status
        }: it can be ${what} only when ${allowed.join(' or ')}`,
      );
    }
  }
}
