import { Knex } from 'knex';
import { COST_DAILY_TABLE, COST_MONTHLY_TABLE } from './costTables';
import { monthOf } from './periods';

/**
 * The columns a daily row carries and a monthly row keeps: a cluster-month
 * has one row per combination seen in its days, so that grouping monthly
 * rows by any of them is exact.
 */
export const COST_ATTRIBUTION = [
  'cluster_name',
  'owner',
  'project',
  'environment',
  'provider',
  'region',
  'cloud_account',
  'profile_name',
  'profile_version',
] as const;

const COLUMNS = [
  'cluster_id',
  'month',
  ...COST_ATTRIBUTION,
  'cost',
  'node_hours',
].join(', ');

/**
 * Rewrites clusters' months in `palette_cost_monthly` from their daily
 * rows: all of them when `scope` is omitted (what the migration backfills),
 * else the given clusters in one month (`YYYY-MM-01`). Recomputing rather
 * than adding is exact whether accrual inserted a day or grew one; run it
 * in the transaction that wrote the daily rows.
 */
export async function aggregateCostMonths(
  db: Knex | Knex.Transaction,
  scope?: { month: string; clusterIds: string[] },
): Promise<void> {
  const target = db(COST_MONTHLY_TABLE);
  const source = db(COST_DAILY_TABLE)
    .select(
      'cluster_id',
      db.raw("substr(day, 1, 7) || '-01'"),
      ...COST_ATTRIBUTION,
      db.raw('SUM(cost)'),
      db.raw('SUM(node_hours)'),
    )
    .groupByRaw(
      `cluster_id, substr(day, 1, 7), ${COST_ATTRIBUTION.join(', ')}`,
    );
  if (scope) {
    if (scope.clusterIds.length === 0) return;
    const { end } = monthOf(Date.parse(`${scope.month}T00:00:00.000Z`));
    target.where('month', scope.month).whereIn('cluster_id', scope.clusterIds);
    source
      .where('day', '>=', scope.month)
      .andWhere('day', '<', end)
      .whereIn('cluster_id', scope.clusterIds);
  }
  await target.delete();
  const { sql, bindings } = source.toSQL();
  await db.raw(`INSERT INTO ${COST_MONTHLY_TABLE} (${COLUMNS}) ${sql}`, [
    ...bindings,
  ]);
}
