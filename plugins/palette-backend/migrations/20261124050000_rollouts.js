// @ts-check

/**
 * Fleet rollouts: a rollout moves the clusters of one profile to a target
 * version in waves. Each selected cluster is one row of
 * palette_rollout_clusters (its wave, its place in the wave and its own
 * progress); a wave's state is derived from its rows, so there is no wave
 * table to keep in step. Cluster rows keep the name (not a foreign key):
 * the history of a rollout outlives the clusters it moved.
 *
 * Per-cluster maintenance windows live in their own table, removed with
 * their cluster.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_rollouts', table => {
    table.comment('Rollouts of a profile version across the fleet');
    table.uuid('id').primary().notNullable();
    table.string('profile_name', 63).notNullable();
    table.string('target_version', 128).notNullable();
    table.text('selector').notNullable().comment('JSON RolloutSelector');
    table.integer('canary_size').notNullable();
    table.integer('batch_size').notNullable();
    table.integer('health_timeout_minutes').notNullable();
    table.string('status', 32).notNullable();
    table.text('message').nullable();
    table.text('description').nullable();
    table
      .string('run_as', 255)
      .notNullable()
      .comment(
        'The user whose permissions were last checked (creator, or who resumed): the runner acts for them',
      );
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('finished_at', { useTz: true, precision: 3 }).nullable();
    table.index(['status'], 'palette_rollouts_status_idx');
    table.index(['profile_name'], 'palette_rollouts_profile_idx');
    table.index(['created_at'], 'palette_rollouts_created_idx');
  });
  await knex.schema.createTable('palette_rollout_clusters', table => {
    table.comment('Each cluster of a rollout: its wave and its progress');
    table
      .uuid('rollout_id')
      .notNullable()
      .references('id')
      .inTable('palette_rollouts')
      .onDelete('CASCADE');
    table.string('cluster_name', 63).notNullable();
    table.integer('wave_index').notNullable();
    table.integer('position').notNullable().comment('Order inside the wave');
    table.string('status', 32).notNullable();
    table.string('from_version', 128).notNullable();
    table.text('message').nullable();
    table
      .integer('requested_generation')
      .nullable()
      .comment(
        'The cluster generation the upgrade (or rollback) produced: healthy only once applied',
      );
    table.timestamp('started_at', { useTz: true, precision: 3 }).nullable();
    table.timestamp('finished_at', { useTz: true, precision: 3 }).nullable();
    table.primary(['rollout_id', 'cluster_name']);
    table.index(['status'], 'palette_rollout_clusters_status_idx');
  });
  await knex.schema.createTable('palette_maintenance_windows', table => {
    table.comment(
      'Maintenance windows of single clusters (override the environment default)',
    );
    table
      .uuid('cluster_id')
      .primary()
      .notNullable()
      .references('id')
      .inTable('palette_clusters')
      .onDelete('CASCADE');
    table.string('cron', 100).notNullable();
    table.integer('duration_minutes').notNullable();
    table.string('time_zone', 64).nullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_maintenance_windows');
  await knex.schema.dropTable('palette_rollout_clusters');
  await knex.schema.dropTable('palette_rollouts');
};
