import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { ClusterRow, CLUSTERS_TABLE, rowToRecord } from '../../clusters/rows';
import { toIsoTimestamp } from '../../database/util';
import { observedRate } from './observedRate';
import { PriceModel } from './PriceModel';
import { COST_ACCRUALS_TABLE, COST_DAILY_TABLE } from './costTables';
import { aggregateCostMonths } from './CostMonths';
import { isoDay } from './periods';

export { COST_ACCRUALS_TABLE, COST_DAILY_TABLE } from './costTables';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * The longest window one run accrues. After a longer outage, the rate seen
 * now says little about the time before; accruing it all would invent cost.
 */
const MAX_WINDOW_MS = DAY_MS;
/** Clusters per transaction: short transactions, few round trips. */
const BATCH_SIZE = 100;

/** Splits `[from, to)` at UTC midnights. */
function splitByDay(from: number, to: number) {
  const parts: Array<{ day: string; hours: number }> = [];
  for (let start = from; start < to; ) {
    const end = Math.min(to, (Math.floor(start / DAY_MS) + 1) * DAY_MS);
    parts.push({ day: isoDay(start), hours: (end - start) / HOUR_MS });
    start = end;
  }
  return parts;
}

type Candidate = ClusterRow & { accrued_until: unknown };

/**
 * Accrues what clusters cost into one row per cluster and UTC day. Each run
 * prices the time since the cluster's last accrual at its observed run-rate
 * and moves the accrual mark, in the same transaction: a run that fails
 * changes nothing, a repeated run finds nothing left to accrue, and a
 * concurrent run on another instance loses the race on the mark and rolls
 * back instead of counting twice.
 */
export class CostSnapshots {
  readonly #db: Knex;
  readonly #model: PriceModel;

  constructor(options: { db: Knex; model: PriceModel }) {
    this.#db = options.db;
    this.#model = options.model;
  }

  /** Accrues every cluster's cost up to `at`; returns how many clusters were accrued. */
  async recordSnapshot(at: Date): Promise<number> {
    const candidates: Candidate[] = await this.#db(`${CLUSTERS_TABLE} as c`)
      .leftJoin(`${COST_ACCRUALS_TABLE} as a`, 'a.cluster_id', 'c.id')
      .where('c.created_at', '<', at)
      .andWhere(q =>
        q
          .whereNull('c.deleted_at')
          .orWhereNull('a.accrued_until')
          .orWhereRaw('a.accrued_until < c.deleted_at'),
      )
      .orderBy('c.id')
      .select('c.*', 'a.accrued_until');
    for (let i = 0; i < candidates.length; i += BATCH_SIZE) {
      const batch = candidates.slice(i, i + BATCH_SIZE);
      await this.#db.transaction(async tx => {
        // Cluster ids by the month (`YYYY-MM-01`) whose days they accrued.
        const touched = new Map<string, string[]>();
        for (const row of batch) {
          for (const month of await this.#accrue(tx, row, at.getTime())) {
            touched.set(month, [...(touched.get(month) ?? []), row.id]);
          }
        }
        for (const [month, clusterIds] of touched) {
          await aggregateCostMonths(tx, { month, clusterIds });
        }
      });
    }
    return candidates.length;
  }

  /** Accrues one cluster; returns the months (`YYYY-MM-01`) of the days it wrote. */
  async #accrue(
    tx: Knex.Transaction,
    row: Candidate,
    at: number,
  ): Promise<Set<string>> {
    const months = new Set<string>();
    const record = rowToRecord(row);
    const previous =
      row.accrued_until === null || row.accrued_until === undefined
        ? undefined
        : Date.parse(toIsoTimestamp(row.accrued_until));
    const deletedAt = record.deletedAt
      ? Date.parse(record.deletedAt)
      : undefined;
    const end = Math.min(at, deletedAt ?? at);
    const start = Math.max(
      previous ?? Date.parse(record.createdAt),
      end - MAX_WINDOW_MS,
    );
    if (previous !== undefined && previous >= end) return months;

    // The rate seen now prices the whole window: runs are frequent, so the
    // window is short, and the status holds no history to do better.
    const rate = observedRate(this.#model, record);
    for (const { day, hours } of splitByDay(start, end)) {
      if (rate.hourly === 0 && rate.nodes === 0) break;
      months.add(`${day.slice(0, 7)}-01`);
      await tx(COST_DAILY_TABLE)
        .insert({
          cluster_id: record.id,
          day,
          cluster_name: record.name,
          owner: record.owner,
          project: record.project,
          environment: record.environment,
          provider: record.provider,
          region: record.region,
          cloud_account: record.cloudAccount,
          // Imported clusters were not built from a profile.
          profile_name: record.profile?.name ?? null,
          profile_version: record.profile?.version ?? null,
          cost: rate.hourly * hours,
          node_hours: rate.nodes * hours,
        })
        .onConflict(['cluster_id', 'day'])
        .merge({
          cost: tx.raw('?? + excluded.cost', [`${COST_DAILY_TABLE}.cost`]),
          node_hours: tx.raw('?? + excluded.node_hours', [
            `${COST_DAILY_TABLE}.node_hours`,
          ]),
          // A profile upgrade or an owner change shows from this day on.
          owner: record.owner,
          project: record.project,
          environment: record.environment,
          profile_version: record.profile?.version ?? null,
        });
    }

    const mark = {
      accrued_until: new Date(end),
      // A deleted cluster no longer runs: its run-rate is zero.
      hourly: deletedAt === undefined ? rate.hourly : 0,
      nodes: deletedAt === undefined ? rate.nodes : 0,
    };
    if (previous === undefined) {
      await tx(COST_ACCRUALS_TABLE).insert({ cluster_id: record.id, ...mark });
      return months;
    }
    const moved = await tx(COST_ACCRUALS_TABLE)
      .where({ cluster_id: record.id, accrued_until: row.accrued_until })
      .update(mark);
    if (moved !== 1) {
      throw new ConflictError(
        `Cost of cluster ${record.name} was accrued concurrently`,
      );
    }
    return months;
  }
}
