// @ts-check

/**
 * Imported clusters: existing clusters brought in by kubeconfig live in the
 * clusters table beside the created ones (so lists, catalog, cost,
 * compliance and permissions treat them alike), told apart by `source`.
 * They were not built from a profile, so the profile columns become
 * nullable. The kubeconfig itself is never stored here: only the name of
 * the Secret on the management cluster that holds it.
 */

/**
 * SQLite changes a column's nullability by rebuilding the table: dropping
 * the old one would cascade to the cluster timeline through its foreign
 * key. Foreign keys are off while the tables are rebuilt (a pragma that
 * only works outside a transaction, hence `transaction: false` below).
 *
 * @param {import('knex').Knex} knex
 * @param {() => Promise<void>} change
 */
async function withoutForeignKeysOnSqlite(knex, change) {
  const sqlite = knex.client.config.client.includes('sqlite');
  if (sqlite) await knex.raw('PRAGMA foreign_keys = OFF');
  try {
    await change();
  } finally {
    if (sqlite) await knex.raw('PRAGMA foreign_keys = ON');
  }
}

exports.config = { transaction: false };

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await withoutForeignKeysOnSqlite(knex, () =>
    knex.transaction(async tx => upSchema(tx)),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
async function upSchema(knex) {
  await knex.schema.alterTable('palette_clusters', table => {
    table
      .string('source', 16)
      .notNullable()
      .defaultTo('created')
      .comment('created: built by Palette; imported: brought in by kubeconfig');
    table
      .string('import_mode', 16)
      .nullable()
      .comment('read-only or managed, for imported clusters');
    table
      .string('import_secret', 253)
      .nullable()
      .comment(
        'Name of the Secret holding the kubeconfig (never the kubeconfig)',
      );
    table
      .text('discovered_inventory')
      .nullable()
      .comment('JSON ClusterInventory from the last successful discovery');
    table
      .timestamp('last_discovered_at', { useTz: true, precision: 3 })
      .nullable();
    table.text('discovery_error').nullable();
    table.string('profile_name', 63).nullable().alter();
    table.string('profile_version', 64).nullable().alter();
  });
  await knex.schema.alterTable('palette_cost_daily', table => {
    table.string('profile_name', 63).nullable().alter();
    table.string('profile_version', 64).nullable().alter();
  });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await withoutForeignKeysOnSqlite(knex, () =>
    knex.transaction(async tx => downSchema(tx)),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
async function downSchema(knex) {
  // Imported clusters cannot be represented without these columns.
  const imported = knex('palette_clusters')
    .where({ source: 'imported' })
    .select('id');
  await knex('palette_cost_daily').whereIn('cluster_id', imported).delete();
  await knex('palette_cost_accruals').whereIn('cluster_id', imported).delete();
  await knex('palette_cluster_events').whereIn('cluster_id', imported).delete();
  await knex('palette_clusters').where({ source: 'imported' }).delete();
  await knex.schema.alterTable('palette_cost_daily', table => {
    table.string('profile_name', 63).notNullable().alter();
    table.string('profile_version', 64).notNullable().alter();
  });
  await knex.schema.alterTable('palette_clusters', table => {
    table.dropColumn('source');
    table.dropColumn('import_mode');
    table.dropColumn('import_secret');
    table.dropColumn('discovered_inventory');
    table.dropColumn('last_discovered_at');
    table.dropColumn('discovery_error');
    table.string('profile_name', 63).notNullable().alter();
    table.string('profile_version', 64).notNullable().alter();
  });
}
