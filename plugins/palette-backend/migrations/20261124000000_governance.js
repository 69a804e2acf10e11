// @ts-check

/**
 * Governance: policies per project and environment, quotas per team, and on
 * each cluster what it counts against its team's quota (kept in columns, so
 * usage is one SUM under the quota check's lock) and its approval.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_governance_policies', table => {
    table.comment(
      'What may be requested, per project and environment (* for any)',
    );
    table.string('project', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.text('policy').notNullable().comment('JSON GovernancePolicy');
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.primary(['project', 'environment']);
  });
  await knex.schema.createTable('palette_team_quotas', table => {
    table.comment('Quotas and monthly budgets per team');
    table.string('team', 255).primary().notNullable();
    table.text('quota').notNullable().comment('JSON TeamQuota');
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
  });
  await knex.schema.alterTable('palette_clusters', table => {
    table.integer('quota_nodes').notNullable().defaultTo(0);
    table.integer('quota_vcpus').notNullable().defaultTo(0);
    table.float('monthly_cost').notNullable().defaultTo(0);
    table.string('approval_state', 16).nullable();
    table.string('approver_group', 255).nullable();
    table
      .timestamp('approval_expires_at', { useTz: true, precision: 3 })
      .nullable();
    table.string('approval_decided_by', 255).nullable();
    table
      .timestamp('approval_decided_at', { useTz: true, precision: 3 })
      .nullable();
    table.text('approval_comment').nullable();
    table.index(['approval_state'], 'palette_clusters_approval_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('palette_clusters', table => {
    table.dropIndex(['approval_state'], 'palette_clusters_approval_idx');
    table.dropColumns(
      'quota_nodes',
      'quota_vcpus',
      'monthly_cost',
      'approval_state',
      'approver_group',
      'approval_expires_at',
      'approval_decided_by',
      'approval_decided_at',
      'approval_comment',
    );
  });
  await knex.schema.dropTable('palette_team_quotas');
  await knex.schema.dropTable('palette_governance_policies');
};
