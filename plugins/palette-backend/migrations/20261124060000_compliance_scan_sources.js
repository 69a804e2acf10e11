// @ts-check

/**
 * Scan reports collected from workload clusters remember where they came
 * from (e.g. `configmap palette-scans/kube-bench`) and a hash of the raw
 * report, so that the collector stores nothing new while a report is
 * unchanged. Both are null on reports posted to the API.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('palette_compliance_scans', table => {
    table
      .string('source', 255)
      .nullable()
      .comment('Where the collector read the report; null when posted');
    table
      .string('content_hash', 64)
      .nullable()
      .comment('SHA-256 (hex) of the collected report');
    table.index(
      ['cluster_id', 'source', 'received_at'],
      'palette_compliance_scans_source_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('palette_compliance_scans', table => {
    table.dropIndex(
      ['cluster_id', 'source', 'received_at'],
      'palette_compliance_scans_source_idx',
    );
    table.dropColumn('content_hash');
    table.dropColumn('source');
  });
};
