// @ts-check

/**
 * Clusters: what was asked (desired state, bumped `generation` on every
 * change) kept apart from what the management cluster reports (observed
 * state), plus a lease so that several backend instances on one database
 * never reconcile the same cluster at once, and an event timeline.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_clusters', table => {
    table.comment('Clusters requested through Palette, deleted ones included');
    table.uuid('id').primary().notNullable();
    table.string('name', 63).notNullable();
    table
      .string('active_name', 63)
      .nullable()
      .unique({ indexName: 'palette_clusters_active_name_uq' })
      .comment(
        'The name while the cluster exists; NULL once deleted, so the name can be reused',
      );
    table.string('management_cluster', 63).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('provider', 32).notNullable();
    table.string('region', 100).notNullable();
    table.string('cloud_account', 63).notNullable();
    table.string('owner', 255).notNullable();
    table.string('project', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('profile_name', 63).notNullable();
    table.string('profile_version', 64).notNullable();
    table.text('addon_profiles').notNullable().comment('JSON ProfileRef[]');
    table.string('kubernetes_version', 64).nullable().comment('Desired');
    table
      .text('request')
      .notNullable()
      .comment('JSON ClusterRequest: the desired state');
    table.integer('generation').notNullable().defaultTo(1);
    table.integer('applied_generation').notNullable().defaultTo(0);
    table.timestamp('applied_at', { useTz: true, precision: 3 }).nullable();
    table.boolean('paused').notNullable().defaultTo(false);
    table
      .timestamp('deletion_requested_at', { useTz: true, precision: 3 })
      .nullable();
    table.boolean('force_delete').notNullable().defaultTo(false);
    table.string('phase', 32).notNullable();
    table.timestamp('phase_since', { useTz: true, precision: 3 }).notNullable();
    table.text('message').nullable();
    table.text('status').nullable().comment('JSON observed status');
    table.boolean('ever_running').notNullable().defaultTo(false);
    table.integer('nodes_ready').notNullable().defaultTo(0);
    table.integer('nodes_desired').notNullable().defaultTo(0);
    table.boolean('drifted').notNullable().defaultTo(false);
    table.text('drift').nullable().comment('JSON DriftedField[]');
    table.text('inventory').nullable().comment('JSON: objects last applied');
    table.text('reconcile_error').nullable();
    table
      .timestamp('last_reconciled_at', { useTz: true, precision: 3 })
      .nullable();
    table.string('lease_owner', 255).nullable();
    table
      .timestamp('lease_expires_at', { useTz: true, precision: 3 })
      .nullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('deleted_at', { useTz: true, precision: 3 }).nullable();
    table.index(['name'], 'palette_clusters_name_idx');
    table.index(['phase'], 'palette_clusters_phase_idx');
    table.index(['provider'], 'palette_clusters_provider_idx');
    table.index(['owner'], 'palette_clusters_owner_idx');
    table.index(['project'], 'palette_clusters_project_idx');
    table.index(['environment'], 'palette_clusters_environment_idx');
    table.index(
      ['profile_name', 'profile_version'],
      'palette_clusters_profile_idx',
    );
    table.index(['management_cluster'], 'palette_clusters_mgmt_idx');
    table.index(['created_at'], 'palette_clusters_created_at_idx');
    table.index(['updated_at'], 'palette_clusters_updated_at_idx');
  });
  await knex.schema.createTable('palette_cluster_events', table => {
    table.comment('The lifecycle timeline of each cluster');
    table.uuid('id').primary().notNullable();
    table
      .uuid('cluster_id')
      .notNullable()
      .references('id')
      .inTable('palette_clusters')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true, precision: 3 }).notNullable();
    table
      .bigInteger('seq')
      .notNullable()
      .comment('Orders events of one millisecond');
    table.string('type', 16).notNullable();
    table.string('phase', 32).nullable();
    table.string('reason', 128).notNullable();
    table.text('message').notNullable();
    table.string('actor', 255).nullable();
    table.index(
      ['cluster_id', 'at', 'seq'],
      'palette_cluster_events_cluster_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_cluster_events');
  await knex.schema.dropTable('palette_clusters');
};
