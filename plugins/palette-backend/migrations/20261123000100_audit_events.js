// @ts-check

/**
 * The audit log: one row per change, written in the transaction of the
 * change itself.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_audit_events', table => {
    table.comment('Audited changes, newest last');
    table.uuid('id').primary().notNullable();
    table.timestamp('occurred_at', { useTz: true, precision: 3 }).notNullable();
    table
      .string('actor', 255)
      .notNullable()
      .comment('Entity ref of the user or service');
    table.string('action', 64).notNullable().comment('e.g. profile.publish');
    table
      .string('target', 255)
      .notNullable()
      .comment('e.g. profile:aws-infra@1.2.0');
    table
      .text('before')
      .nullable()
      .comment('JSON, null when there was nothing');
    table.text('after').nullable().comment('JSON, null when nothing is left');
    table.index(['target'], 'palette_audit_events_target_idx');
    table.index(['actor'], 'palette_audit_events_actor_idx');
    table.index(['occurred_at'], 'palette_audit_events_occurred_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_audit_events');
};
