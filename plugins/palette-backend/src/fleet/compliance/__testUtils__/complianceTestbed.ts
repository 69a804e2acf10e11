import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { AuditLog } from '../../../audit/AuditLog';
import { DatabaseClusterStore } from '../../../clusters/DatabaseClusterStore';
import { manualClock } from '../../../clusters/testFixtures';
import { ClusterRecord, ObservedClusterStatus } from '../../../clusters/types';
import { ProfileStore } from '../../../database';
import { applyDatabaseMigrations } from '../../../database/migrations';
import { DatabaseGovernanceStore } from '../../../governance/DatabaseGovernanceStore';
import { PackRegistry } from '../../../packs';
import { createPaletteTestDatabases } from '../../../__testUtils__/testDatabases';
import { ComplianceService } from '../ComplianceService';
import { DatabaseComplianceStore } from '../DatabaseComplianceStore';
import { DEFAULT_COMPLIANCE_SETTINGS } from '../settings';

// Test helpers (not exported from the package).

const OBSERVED: ObservedClusterStatus = {
  conditions: [],
  controlPlane: { managed: false },
  pools: [],
};

/**
 * A compliance service on a migrated test database, with the real cluster
 * and governance stores, the built-in packs and a profile store that knows
 * no profiles (so profile rules fail alike everywhere).
 */
export async function complianceTestbed(
  databases: ReturnType<typeof createPaletteTestDatabases>,
  databaseId: TestDatabaseId,
  start = '2026-11-23T10:00:00.000Z',
) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  const auditLog = new AuditLog(knex);
  const clock = manualClock(start);
  const clusters = new DatabaseClusterStore({
    db: knex,
    auditLog,
    clock: clock.fn,
  });
  const logger = mockServices.logger.mock();
  const service = new ComplianceService({
    store: new DatabaseComplianceStore({ db: knex }),
    clusters,
    profiles: {
      getProfile: async () => undefined,
      getVersion: async () => undefined,
    } as Partial<ProfileStore> as ProfileStore,
    governance: new DatabaseGovernanceStore({ db: knex, auditLog }),
    kubernetesPacks: () =>
      PackRegistry.withBuiltinPacks().list({ layer: 'k8s' }),
    ownerExists: async () => true,
    settings: DEFAULT_COMPLIANCE_SETTINGS,
    logger,
    clock: clock.fn,
  });
  /** Moves a cluster to a phase, as the status watcher would. */
  const setPhase = (record: ClusterRecord, phase: ClusterRecord['phase']) =>
    clusters.recordStatus(record.id, {
      phase,
      status: OBSERVED,
      nodes: { ready: 3, desired: 3 },
    });
  return { knex, clusters, service, clock, logger, setPhase };
}
