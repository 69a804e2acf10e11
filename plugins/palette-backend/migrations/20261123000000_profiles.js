// @ts-check

/**
 * Cluster profiles: the profiles, their one editable draft, their immutable
 * published versions, and the custom packs of the registry.
 *
 * JSON is stored as text so that the same schema works on SQLite and
 * PostgreSQL. On PostgreSQL, the key columns that are sorted or compared as
 * strings use the "C" collation, so that they sort byte-wise as on SQLite
 * (the default collation of a PostgreSQL database ignores punctuation).
 */

/**
 * @param {import('knex').Knex} knex
 */
function isPostgres(knex) {
  return (
    knex.client.config.client === 'pg' || knex.client.dialect === 'postgresql'
  );
}

/**
 * A varchar that sorts byte-wise on every engine.
 *
 * @param {import('knex').Knex} knex
 * @param {import('knex').Knex.CreateTableBuilder} table
 * @param {string} name
 * @param {number} length
 */
function keyColumn(knex, table, name, length) {
  return isPostgres(knex)
    ? table.specificType(name, `varchar(${length}) COLLATE "C"`)
    : table.string(name, length);
}

/** Every column of a published version except `deprecated`. */
const IMMUTABLE_VERSION_COLUMNS = [
  'profile_name',
  'version',
  'version_key',
  'display_name',
  'description',
  'type',
  'cloud_type',
  'layers',
  'variables',
  'change_note',
  'published_at',
  'published_by',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('palette_profiles', table => {
    table.comment(
      'Cluster profiles: metadata only; content is in drafts and versions',
    );
    keyColumn(knex, table, 'name', 63).primary().notNullable();
    table.string('display_name', 255).nullable();
    table.text('description').nullable();
    table.string('type', 16).notNullable().comment('infra, add-on or full');
    table.string('cloud_type', 32).notNullable();
    table
      .string('owner', 255)
      .notNullable()
      .comment('Entity ref of the owning group');
    table.text('tags').notNullable().comment('JSON array of strings');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['owner'], 'palette_profiles_owner_idx');
  });

  await knex.schema.createTable('palette_profile_drafts', table => {
    table.comment('The one editable draft of a profile, if any');
    keyColumn(knex, table, 'profile_name', 63)
      .primary()
      .notNullable()
      .references('name')
      .inTable('palette_profiles')
      .onDelete('CASCADE');
    table.text('layers').notNullable().comment('JSON array of ProfileLayer');
    table
      .text('variables')
      .notNullable()
      .comment('JSON array of ProfileVariable');
    table.string('base_version', 128).nullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
  });

  await knex.schema.createTable('palette_profile_versions', table => {
    table.comment(
      'Published profile versions; immutable except for the deprecated flag',
    );
    keyColumn(knex, table, 'profile_name', 63)
      .notNullable()
      .references('name')
      .inTable('palette_profiles')
      .onDelete('CASCADE');
    table.string('version', 128).notNullable();
    keyColumn(knex, table, 'version_key', 512)
      .notNullable()
      .comment('Sorts byte-wise in semver precedence order');
    // The profile metadata as it was when the version was published.
    table.string('display_name', 255).nullable();
    table.text('description').nullable();
    table.string('type', 16).notNullable();
    table.string('cloud_type', 32).notNullable();
    table.text('layers').notNullable().comment('JSON array of ProfileLayer');
    table
      .text('variables')
      .notNullable()
      .comment('JSON array of ProfileVariable');
    table.text('change_note').notNullable();
    table
      .timestamp('published_at', { useTz: true, precision: 3 })
      .notNullable();
    table.string('published_by', 255).notNullable();
    table.boolean('deprecated').notNullable().defaultTo(false);
    table.primary(['profile_name', 'version'], 'palette_profile_versions_pkey');
    // Versions that differ only by build metadata have the same precedence.
    table.unique(
      ['profile_name', 'version_key'],
      'palette_profile_versions_key_idx',
    );
  });

  // Published versions are immutable: only `deprecated` may be updated.
  if (isPostgres(knex)) {
    await knex.raw(`
      CREATE FUNCTION palette_profile_versions_immutable() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'published profile versions are immutable; only deprecated may change';
      END
      $$ LANGUAGE plpgsql
    `);
    await knex.raw(`
      CREATE TRIGGER palette_profile_versions_immutable
      BEFORE UPDATE OF ${IMMUTABLE_VERSION_COLUMNS.join(', ')}
      ON palette_profile_versions
      FOR EACH ROW EXECUTE FUNCTION palette_profile_versions_immutable()
    `);
  } else {
    await knex.raw(`
      CREATE TRIGGER palette_profile_versions_immutable
      BEFORE UPDATE OF ${IMMUTABLE_VERSION_COLUMNS.join(', ')}
      ON palette_profile_versions
      BEGIN
        SELECT RAISE(ABORT, 'published profile versions are immutable; only deprecated may change');
      END
    `);
  }

  await knex.schema.createTable('palette_custom_packs', table => {
    table.comment(
      'Packs added by platform teams, re-added to the registry at start-up',
    );
    keyColumn(knex, table, 'name', 63).notNullable();
    table.string('version', 128).notNullable();
    table.text('document').notNullable().comment('JSON of the Pack');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.primary(['name', 'version'], 'palette_custom_packs_pkey');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('palette_custom_packs');
  await knex.schema.dropTable('palette_profile_versions');
  if (isPostgres(knex)) {
    await knex.raw('DROP FUNCTION palette_profile_versions_immutable()');
  }
  await knex.schema.dropTable('palette_profile_drafts');
  await knex.schema.dropTable('palette_profiles');
};
