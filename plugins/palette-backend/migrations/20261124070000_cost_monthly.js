// @ts-check

/**
 * Fleet cost per cluster and month: the daily rows summed, so that a roll-up
 * over a year reads twelve rows per cluster instead of 365. A row per
 * cluster, month AND attribution: a cluster whose owner or profile version
 * changed mid-month has a row per attribution, so that grouping the monthly
 * rows gives exactly what grouping the daily ones gives. Cost accrual
 * rewrites a cluster-month from its daily rows in the same transaction as
 * the daily rows themselves.
 */

/** The columns copied from the daily rows, and grouped by. */
const ATTRIBUTION = [
  'cluster_name',
  'owner',
  'project',
  'environment',
  'provider',
  'region',
  'cloud_account',
  'profile_name',
  'profile_version',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_cost_monthly', table => {
    table.comment('Cost per cluster, UTC month and attribution, from the days');
    table.uuid('cluster_id').notNullable();
    table
      .string('month', 10)
      .notNullable()
      .comment('YYYY-MM-01: the first day of the month (UTC)');
    table.string('cluster_name', 63).notNullable();
    table.string('owner', 255).notNullable();
    table.string('project', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('provider', 32).notNullable();
    table.string('region', 100).notNullable();
    table.string('cloud_account', 63).notNullable();
    // Imported clusters have no profile: no primary key over the attribution.
    table.string('profile_name', 63).nullable();
    table.string('profile_version', 64).nullable();
    table.double('cost').notNullable().defaultTo(0);
    table.double('node_hours').notNullable().defaultTo(0);
    // Accrual rewrites one cluster's month.
    table.index(['cluster_id', 'month'], 'palette_cost_monthly_cluster_idx');
    // Every fleet roll-up filters on a month range first.
    table.index(['month'], 'palette_cost_monthly_month_idx');
  });

  // The backfill: every cluster-month of history. The same aggregate as
  // `aggregateCostMonths` (src/fleet/cost/CostMonths.ts), written out here
  // so that this migration keeps doing what it did when it first ran.
  const columns = ['cluster_id', 'month', ...ATTRIBUTION, 'cost', 'node_hours'];
  await knex.raw(
    `INSERT INTO palette_cost_monthly (${columns.join(', ')})
     SELECT cluster_id, substr(day, 1, 7) || '-01', ${ATTRIBUTION.join(', ')},
            SUM(cost), SUM(node_hours)
     FROM palette_cost_daily
     GROUP BY cluster_id, substr(day, 1, 7), ${ATTRIBUTION.join(', ')}`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_cost_monthly');
};
