// @ts-check

/**
 * Fleet compliance: scan reports per cluster (every report kept, the latest
 * of each kind is what rules read), the latest findings and score of every
 * cluster (replaced on each evaluation, so roll-ups are plain GROUP BYs
 * joined with palette_clusters), and one score snapshot per cluster and day
 * for trends.
 */

const cascadeToCluster = (
  /** @type {import('knex').Knex.CreateTableBuilder} */ table,
) =>
  table
    .uuid('cluster_id')
    .notNullable()
    .references('id')
    .inTable('palette_clusters')
    .onDelete('CASCADE');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_compliance_scans', table => {
    table.comment('Parsed scan reports (CIS, conformance, vulnerabilities)');
    table.uuid('id').primary().notNullable();
    cascadeToCluster(table);
    table.string('kind', 32).notNullable();
    table.string('tool', 32).notNullable();
    table.timestamp('received_at', { useTz: true, precision: 3 }).notNullable();
    table.boolean('passed').notNullable();
    table.text('counts').notNullable().comment('JSON Record<string, number>');
    table.text('summary').notNullable();
    table.string('received_by', 255).notNullable();
    table.index(
      ['cluster_id', 'kind', 'received_at'],
      'palette_compliance_scans_latest_idx',
    );
  });
  await knex.schema.createTable('palette_compliance_results', table => {
    table.comment('The latest evaluation of each cluster');
    cascadeToCluster(table).primary();
    table.integer('score').notNullable();
    table.integer('failing').notNullable();
    table
      .timestamp('evaluated_at', { useTz: true, precision: 3 })
      .notNullable();
  });
  await knex.schema.createTable('palette_compliance_findings', table => {
    table.comment('The latest outcome of each rule for each cluster');
    cascadeToCluster(table);
    table.string('rule', 64).notNullable();
    table.string('severity', 16).notNullable();
    table.boolean('passed').notNullable();
    table.text('reason').notNullable();
    table.text('action').nullable();
    table.primary(['cluster_id', 'rule']);
    table.index(['rule', 'passed'], 'palette_compliance_findings_rule_idx');
  });
  await knex.schema.createTable('palette_compliance_snapshots', table => {
    table.comment('One score per cluster and UTC day, the last of the day');
    cascadeToCluster(table);
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.integer('score').notNullable();
    table.primary(['cluster_id', 'day']);
    table.index(['day'], 'palette_compliance_snapshots_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_compliance_snapshots');
  await knex.schema.dropTable('palette_compliance_findings');
  await knex.schema.dropTable('palette_compliance_results');
  await knex.schema.dropTable('palette_compliance_scans');
};
