import { TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { AuditLog } from '../audit/AuditLog';
import {
  applyDatabaseMigrations,
  MIGRATIONS_TABLE,
  migrationsDirectory,
} from '../database/migrations';
import { importedRequest } from '../imports/importedRequest';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { DatabaseClusterStore } from './DatabaseClusterStore';
import {
  ALICE,
  APOLLO,
  CREATED,
  manualClock,
  newCluster,
} from './testFixtures';
import { toClusterDetails, toClusterSummary } from './toApi';
import { NewImportedClusterInput } from './types';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();

const IMPORTED = {
  action: 'cluster.import',
  reason: 'Imported',
  message: 'Imported read-only by alice',
};

function importInput(name: string): NewImportedClusterInput {
  return {
    request: importedRequest({
      name,
      mode: 'managed',
      addOnProfiles: [],
      owner: APOLLO,
      project: 'system:default/payments',
      environment: 'production',
    }),
    managementCluster: 'embedded',
    namespace: 'palette-clusters',
    provider: 'vsphere',
    mode: 'managed',
    secretName: `${name}-palette-import`,
    createdBy: ALICE,
  };
}

describe.each(PALETTE_TEST_DATABASE_IDS)(
  'DatabaseClusterStore imports on %s',
  engine => {
    async function setup(databaseId: TestDatabaseId = engine) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = manualClock();
      const auditLog = new AuditLog(knex, { clock: clock.fn });
      const store = new DatabaseClusterStore({
        db: knex,
        auditLog,
        clock: clock.fn,
      });
      return { knex, store, auditLog };
    }

    it('stores an imported cluster without a profile, with its timeline and audit event', async () => {
      const { store, auditLog } = await setup();
      const record = await store.createImported(
        importInput('legacy'),
        IMPORTED,
      );
      expect(record).toMatchObject({
        name: 'legacy',
        phase: 'Importing',
        owner: APOLLO,
        imported: { mode: 'managed', secretName: 'legacy-palette-import' },
        inventory: [
          { apiVersion: 'v1', kind: 'Secret', name: 'legacy-palette-import' },
        ],
      });
      expect(record.profile).toBeUndefined();
      expect(record.request).not.toHaveProperty('profile');

      const summary = toClusterSummary(record, '9.9.9');
      expect(summary).not.toHaveProperty('profile');
      expect(summary).not.toHaveProperty('updateAvailable');
      expect(summary.imported).toEqual({
        mode: 'managed',
        importedAt: record.createdAt,
      });
      expect(toClusterDetails(record).objects).toHaveLength(1);

      const [event] = await store.listEvents(record.id);
      expect(event).toMatchObject({
        phase: 'Importing',
        reason: 'Imported',
        actor: ALICE,
      });
      const audit = await auditLog.list({ target: 'cluster:legacy' });
      expect(audit.map(a => a.action)).toEqual(['cluster.import']);

      // Created and imported clusters share names, lists and filters.
      await store.create(newCluster('fresh'), CREATED);
      const listed = await store.list();
      expect(listed.items.map(c => [c.name, c.imported?.mode])).toEqual([
        ['fresh', undefined],
        ['legacy', 'managed'],
      ]);
      expect(await store.listImported()).toEqual([
        { id: record.id, name: 'legacy' },
      ]);
      await expect(
        store.createImported(importInput('fresh'), IMPORTED),
      ).rejects.toThrow(ConflictError);
    });

    it('stores nothing when the step before the commit fails, and never runs it for a taken name', async () => {
      const { store } = await setup();
      await expect(
        store.createImported(importInput('legacy'), IMPORTED, {
          beforeCommit: async () => {
            throw new Error('management cluster unreachable');
          },
        }),
      ).rejects.toThrow('management cluster unreachable');
      expect(await store.get('legacy')).toBeUndefined();

      await store.createImported(importInput('legacy'), IMPORTED);
      const beforeCommit = jest.fn();
      await expect(
        store.createImported(importInput('legacy'), IMPORTED, { beforeCommit }),
      ).rejects.toThrow(ConflictError);
      expect(beforeCommit).not.toHaveBeenCalled();
    });
  },
);

describe('migration 20261124040000_imports', () => {
  it.each(PALETTE_TEST_DATABASE_IDS)(
    'keeps existing clusters and their timeline up and down on %s, dropping only imported clusters',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = {
        directory: migrationsDirectory(),
        tableName: MIGRATIONS_TABLE,
      };
      const applied = async () =>
        (await knex(MIGRATIONS_TABLE).pluck('name')) as string[];
      const downToBeforeImports = async () => {
        while ((await applied()).includes('20261124040000_imports.js'))
          await knex.migrate.down(config);
      };
      await applyDatabaseMigrations(knex);
      await downToBeforeImports();
      const store = new DatabaseClusterStore({
        db: knex,
        auditLog: new AuditLog(knex),
      });
      // A cluster from before the migration, with its timeline entry.
      const created = await store.create(newCluster('fresh'), CREATED);

      await applyDatabaseMigrations(knex);
      expect((await store.get('fresh'))!.profile).toEqual({
        name: 'dev-full',
        version: '1.0.0',
      });
      expect(await store.listEvents(created.id)).toHaveLength(1);
      await store.createImported(importInput('legacy'), IMPORTED);

      await downToBeforeImports();
      expect(await knex.schema.hasColumn('palette_clusters', 'source')).toBe(
        false,
      );
      expect(await knex('palette_clusters').pluck('name')).toEqual(['fresh']);
      expect(
        await knex('palette_cluster_events').where({ cluster_id: created.id }),
      ).toHaveLength(1);
      // The profile columns are required again.
      const row = await knex('palette_clusters').first();
      await expect(
        knex('palette_clusters').insert({
          ...row,
          id: '00000000-0000-4000-8000-000000000000',
          name: 'no-profile',
          active_name: 'no-profile',
          profile_name: null,
        }),
      ).rejects.toThrow();

      await applyDatabaseMigrations(knex);
      expect(await store.listEvents(created.id)).toHaveLength(1);
    },
  );
});
