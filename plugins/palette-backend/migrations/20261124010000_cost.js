// @ts-check

/**
 * Fleet cost: what each cluster cost per day (UTC), accrued from its
 * observed nodes, with the dimensions roll-ups group by copied onto each
 * row, so that every roll-up is one aggregate over one table. Rows outlive
 * their cluster (no foreign key): lifetime and past spend stay true after
 * a cluster is deleted or its name reused.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_cost_daily', table => {
    table.comment('Cost per cluster and UTC day, from observed nodes');
    table.uuid('cluster_id').notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('cluster_name', 63).notNullable();
    table.string('owner', 255).notNullable();
    table.string('project', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('provider', 32).notNullable();
    table.string('region', 100).notNullable();
    table.string('cloud_account', 63).notNullable();
    table.string('profile_name', 63).notNullable();
    table.string('profile_version', 64).notNullable();
    table.double('cost').notNullable().defaultTo(0);
    table.double('node_hours').notNullable().defaultTo(0);
    table.primary(['cluster_id', 'day']);
    // Every fleet roll-up filters on a day range first.
    table.index(['day'], 'palette_cost_daily_day_idx');
    // Budgets: one team's month.
    table.index(['owner', 'day'], 'palette_cost_daily_owner_idx');
  });
  await knex.schema.createTable('palette_cost_accruals', table => {
    table.comment('Per cluster: how far its cost is accrued, and its run-rate');
    table.uuid('cluster_id').primary().notNullable();
    table
      .timestamp('accrued_until', { useTz: true, precision: 3 })
      .notNullable();
    table.double('hourly').notNullable().defaultTo(0).comment('Run-rate');
    table.integer('nodes').notNullable().defaultTo(0);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_cost_accruals');
  await knex.schema.dropTable('palette_cost_daily');
};
