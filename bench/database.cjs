// The database the benchmarks run on: SQLite in memory (the embedded
// default), or BENCH_DB=pg for PostgreSQL at 127.0.0.1:5432, in a schema of
// its own that each run recreates, so that runs never see each other's rows.
// Requires the Backstage CLI's node transform to be registered first (every
// bench does so on its first line), as it loads the backend's TypeScript.
const knexFactory = require('knex');
const backend = '../plugins/palette-backend/src';
const { applyDatabaseMigrations } = require(`${backend}/database/migrations`);
const { DatabaseProfileStore } = require(`${backend}/database`);
const { PackRegistry } = require(`${backend}/packs`);
const { seedDemoProfiles } = require(`${backend}/seed/seedDemoProfiles`);

/** A logger that drops everything, so that results stay machine-readable. */
const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => silent,
};

/** Opens the benchmark database; `schema` names the PostgreSQL schema. */
async function openBenchDatabase(schema = 'palette_bench') {
  if (process.env.BENCH_DB !== 'pg') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    return { knex, engine: 'sqlite' };
  }
  const knex = knexFactory({
    client: 'pg',
    connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    // Every pooled connection must see the bench schema, not only the first.
    searchPath: [schema],
  });
  await knex.raw('drop schema if exists ?? cascade', [schema]);
  await knex.raw('create schema ??', [schema]);
  return { knex, engine: 'postgresql' };
}

/**
 * Opens the benchmark database, migrated, with the built-in packs and the
 * demo profiles stored: the start every benchmark of the product shares.
 */
async function openBenchProfiles(schema) {
  const { knex, engine } = await openBenchDatabase(schema);
  await applyDatabaseMigrations(knex);
  const packs = PackRegistry.withBuiltinPacks();
  const profiles = await DatabaseProfileStore.create({
    database: { getClient: async () => knex },
    packRegistry: packs,
  });
  await seedDemoProfiles(profiles, packs, silent);
  return { knex, engine, packs, profiles };
}

module.exports = { openBenchDatabase, openBenchProfiles, silent };
