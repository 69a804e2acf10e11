import { mockServices } from '@backstage/backend-test-utils';
import { CloudAccount } from '@palette-backstage/plugin-palette-common';
import { AuditLog } from '../audit/AuditLog';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { DatabaseProfileStore } from '../database';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseGovernanceStore } from '../governance/DatabaseGovernanceStore';
import { GovernanceService } from '../governance/GovernanceService';
import { ManagementClusters } from '../management/ManagementClusters';
import { PackRegistry } from '../packs';
import { createPaletteTestDatabases } from '../__testUtils__/testDatabases';
import { DEMO_FLEET } from './demoFleet';
import { seedDemoFleet } from './seedDemoFleet';
import { seedDemoGovernance } from './seedDemoGovernance';
import { DEMO_SEED_ACTOR, seedDemoProfiles } from './seedDemoProfiles';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();

/** The demo accounts of app-config.yaml that the demo fleet uses. */
const ACCOUNTS: CloudAccount[] = [
  { name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] },
  {
    name: 'aws-sandbox',
    cloudType: 'aws',
    credentialRef: { kind: 'AWSClusterRoleIdentity', name: 'aws-sandbox' },
    settings: { sshKeyName: 'platform' },
    regions: ['eu-west-1', 'us-east-1'],
  },
  {
    name: 'eks-sandbox',
    cloudType: 'eks',
    credentialRef: { kind: 'AWSClusterRoleIdentity', name: 'aws-sandbox' },
    settings: {},
    regions: ['eu-west-1', 'us-east-1'],
  },
  {
    name: 'vsphere-dc1',
    cloudType: 'vsphere',
    credentialRef: { kind: 'VSphereClusterIdentity', name: 'vcenter-dc1' },
    settings: {
      server: 'vcenter.example.com',
      thumbprint: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD',
      datastore: 'vsanDatastore',
      network: 'VM Network',
      folder: 'kubernetes',
      resourcePool: 'k8s',
    },
    regions: ['dc1'],
  },
];

describe('seedDemoFleet', () => {
  it('requests every demo cluster through the product, backdated, with two left for approval', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const logger = mockServices.logger.mock();
    const packs = PackRegistry.withBuiltinPacks();
    const auditLog = new AuditLog(knex);
    const profiles = await DatabaseProfileStore.create({
      database: { getClient: async () => knex } as any,
      packRegistry: packs,
      skipMigrations: true,
    });
    await seedDemoProfiles(profiles, packs, logger);
    const governanceStore = new DatabaseGovernanceStore({ db: knex, auditLog });
    await seedDemoGovernance(governanceStore, logger);
    const { clusters, stop } = await ManagementClusters.start(
      [{ name: 'm', type: 'embedded', speed: 'instant', default: true }],
      logger,
    );
    try {
      const store = new DatabaseClusterStore({ db: knex, auditLog });
      const now = new Date('2026-11-24T12:00:00Z');
      const deps = {
        store,
        logger,
        now: () => now,
        serviceAt: (clock: () => Date) =>
          new ClusterService({
            store: new DatabaseClusterStore({ db: knex, auditLog, clock }),
            governance: new GovernanceService(governanceStore, {
              approvalExpiryMs: 7 * 24 * 3600_000,
            }),
            profiles,
            packs,
            accounts: ACCOUNTS,
            managementClusters: clusters,
            namespace: 'palette-clusters',
            forceDeleteAfterMs: 60_000,
            onChanged: () => {},
            clock,
          }),
      };
      expect(await seedDemoFleet(deps)).toBe(DEMO_FLEET.length);
      expect(logger.warn).not.toHaveBeenCalled();

      const all = await store.list({ limit: 500 });
      expect(all.totalCount).toBe(DEMO_FLEET.length);
      expect(all.phaseCounts).toEqual({
        PendingApproval: 2,
        Requested: DEMO_FLEET.length - 2,
      });
      const oldest = (await store.get('payments-prod-eu'))!;
      expect(oldest.createdAt).toBe('2026-07-27T12:00:00.000Z');
      expect(oldest.createdBy).toBe(DEMO_SEED_ACTOR);
      expect(oldest.approval).toMatchObject({ state: 'Approved' });
      expect(new Set(all.items.map(c => c.provider))).toEqual(
        new Set(['aws', 'eks', 'vsphere', 'dev']),
      );
      // A second start seeds nothing.
      expect(await seedDemoFleet(deps)).toBe(0);
    } finally {
      await stop();
    }
  });
});
