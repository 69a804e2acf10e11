import { Knex } from 'knex';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  MIGRATIONS_TABLE,
  migrationsDirectory,
} from './migrations';

jest.setTimeout(60_000);

const TABLES = [
  'palette_profiles',
  'palette_profile_drafts',
  'palette_profile_versions',
  'palette_custom_packs',
  'palette_audit_events',
  'palette_clusters',
  'palette_cluster_events',
  'palette_governance_policies',
  'palette_team_quotas',
  'palette_cost_daily',
  'palette_cost_accruals',
  'palette_compliance_scans',
  'palette_compliance_results',
  'palette_compliance_findings',
  'palette_compliance_snapshots',
  'palette_rollouts',
  'palette_rollout_clusters',
  'palette_maintenance_windows',
  'palette_cost_monthly',
];

async function existingTables(knex: Knex): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      found.push(table);
    }
  }
  return found;
}

const config = () => ({
  directory: migrationsDirectory(),
  tableName: MIGRATIONS_TABLE,
});

describe('migrations', () => {
  const databases = createPaletteTestDatabases();

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'run up, down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await applyDatabaseMigrations(knex);
      expect(await existingTables(knex)).toEqual(TABLES);
      const applied = await knex(MIGRATIONS_TABLE).orderBy('id').pluck('name');
      expect(applied).toEqual([
        '20261123000000_profiles.js',
        '20261123000100_audit_events.js',
        '20261123000200_clusters.js',
        '20261124000000_governance.js',
        '20261124010000_cost.js',
        '20261124020000_compliance.js',
        '20261124040000_imports.js',
        '20261124050000_rollouts.js',
        '20261124060000_compliance_scan_sources.js',
        '20261124070000_cost_monthly.js',
      ]);
      // Applying again is a no-op.
      await applyDatabaseMigrations(knex);
      expect(await knex(MIGRATIONS_TABLE).pluck('name')).toEqual(applied);

      // Stepping down to just before governance (later migrations go first)
      // removes governance and nothing older.
      const appliedNow = async () =>
        knex(MIGRATIONS_TABLE).pluck('name') as Promise<string[]>;
      while ((await appliedNow()).includes('20261124000000_governance.js')) {
        await knex.migrate.down(config());
      }
      expect(await existingTables(knex)).toEqual(TABLES.slice(0, 7));
      expect(
        await knex.schema.hasColumn('palette_clusters', 'approval_state'),
      ).toBe(false);

      // All the way down leaves nothing behind (not even the trigger function,
      // or the next `up` would fail).
      await knex.migrate.rollback(config(), true);
      expect(await existingTables(knex)).toEqual([]);
      expect(await knex(MIGRATIONS_TABLE).pluck('name')).toEqual([]);

      await applyDatabaseMigrations(knex);
      expect(await existingTables(knex)).toEqual(TABLES);
    },
  );

  it('sorts key columns byte-wise on PostgreSQL, whatever the database collation', async () => {
    const knex = await databases.init('POSTGRES_17');
    await applyDatabaseMigrations(knex);
    const rows = await knex('information_schema.columns')
      .select('table_name', 'column_name', 'collation_name')
      .where('collation_name', 'C')
      .where('table_schema', 'public')
      .where('table_name', 'like', 'palette_%')
      .orderBy(['table_name', 'column_name']);
    expect(rows).toEqual([
      {
        table_name: 'palette_custom_packs',
        column_name: 'name',
        collation_name: 'C',
      },
      {
        table_name: 'palette_profile_drafts',
        column_name: 'profile_name',
        collation_name: 'C',
      },
      {
        table_name: 'palette_profile_versions',
        column_name: 'profile_name',
        collation_name: 'C',
      },
      {
        table_name: 'palette_profile_versions',
        column_name: 'version_key',
        collation_name: 'C',
      },
      {
        table_name: 'palette_profiles',
        column_name: 'name',
        collation_name: 'C',
      },
    ]);
  });

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'keeps published versions immutable except for the deprecated flag on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const now = new Date('2026-11-23T10:00:00.000Z');
      await knex('palette_profiles').insert({
        name: 'aws-infra',
        type: 'infra',
        cloud_type: 'aws',
        owner: 'group:default/platform',
        tags: '[]',
        created_at: now,
        created_by: 'user:default/jane',
        updated_at: now,
      });
      await knex('palette_profile_versions').insert({
        profile_name: 'aws-infra',
        version: '1.0.0',
        version_key: 'k',
        type: 'infra',
        cloud_type: 'aws',
        layers: '[]',
        variables: '[]',
        change_note: 'First.',
        published_at: now,
        published_by: 'user:default/jane',
      });

      await expect(
        knex('palette_profile_versions')
          .where({ profile_name: 'aws-infra' })
          .update({ layers: '[{"packName":"x","packVersion":"1.0.0"}]' }),
      ).rejects.toThrow(/immutable/);
      await expect(
        knex('palette_profile_versions')
          .where({ profile_name: 'aws-infra' })
          .update({ change_note: 'Rewritten history.' }),
      ).rejects.toThrow(/immutable/);

      await knex('palette_profile_versions')
        .where({ profile_name: 'aws-infra' })
        .update({ deprecated: true });
      const row = await knex('palette_profile_versions').first();
      expect(row).toMatchObject({ layers: '[]', change_note: 'First.' });
      expect(Boolean(row.deprecated)).toBe(true);
    },
  );
});
