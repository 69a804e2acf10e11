import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The knex migrations bookkeeping table of palette-backend. */
export const MIGRATIONS_TABLE = 'palette_knex_migrations';

/** The `migrations/` folder at the root of the package. */
export function migrationsDirectory(): string {
  return resolvePackagePath(
    '@palette-backstage/plugin-palette-backend',
    'migrations',
  );
}

/**
 * Brings the plugin's tables (profiles, drafts, versions, custom packs and
 * the audit log) up to date.
 */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: migrationsDirectory(),
    tableName: MIGRATIONS_TABLE,
  });
}
