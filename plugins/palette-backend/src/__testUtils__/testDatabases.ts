import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/** Every store test runs on both: SQLite (embedded default) and PostgreSQL (production). */
export const PALETTE_TEST_DATABASE_IDS: TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_17',
];

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING';

/**
 * TestDatabases silently leaves out engines it cannot reach. In CI that
 * would hide a missing PostgreSQL, so there it is an error instead.
 */
export function createPaletteTestDatabases(): TestDatabases {
  if (process.env.CI && !process.env[POSTGRES_ENV]) {
    throw new Error(
      `${POSTGRES_ENV} is not set: PostgreSQL tests cannot run. ` +
        'Run the tests through `./palette test` (or set it to e.g. postgresql://postgres@127.0.0.1:5432).',
    );
  }
  return TestDatabases.create({ ids: PALETTE_TEST_DATABASE_IDS });
}
