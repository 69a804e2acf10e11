// The database the benchmarks run on: SQLite in memory (the embedded
// default), or BENCH_DB=pg for PostgreSQL at 127.0.0.1:5432, in a schema of
// its own that each run recreates, so that runs never see each other's rows.
const knexFactory = require('knex');

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

module.exports = { openBenchDatabase };
