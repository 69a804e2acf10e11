import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuditLog } from '../audit/AuditLog';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { devRequest, newCluster, CREATED } from '../clusters/testFixtures';
import { DatabaseProfileStore } from '../database';
import { applyDatabaseMigrations } from '../database/migrations';
import { ManagementClusters } from '../management/ManagementClusters';
import { PackRegistry } from '../packs';
import { seedDemoProfiles } from '../seed/seedDemoProfiles';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { DatabaseGovernanceStore } from './DatabaseGovernanceStore';
import { GovernanceService } from './GovernanceService';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const logger = mockServices.logger.mock();
const PRIYA = 'user:default/priya';
const APOLLO = 'group:default/team-apollo';

describe.each(PALETTE_TEST_DATABASE_IDS)('governance store on %s', engine => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  async function setup(databaseId: TestDatabaseId = engine) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const auditLog = new AuditLog(knex);
    const store = new DatabaseGovernanceStore({ db: knex, auditLog });
    const clusterStore = new DatabaseClusterStore({ db: knex, auditLog });
    return { knex, auditLog, store, clusterStore };
  }

  it('stores policies per project and environment, with audit events', async () => {
    const { store, auditLog } = await setup();
    await store.savePolicy(
      {
        project: '*',
        environment: 'production',
        requireApproval: true,
        approverGroup: 'group:default/platform-team',
      },
      PRIYA,
    );
    await store.savePolicy(
      {
        project: '*',
        environment: 'production',
        requireApproval: false,
        maxPoolSize: 5,
      },
      PRIYA,
    );
    const policies = await store.listPolicies();
    expect(policies).toEqual([
      expect.objectContaining({
        project: '*',
        environment: 'production',
        requireApproval: false,
        maxPoolSize: 5,
        updatedBy: PRIYA,
      }),
    ]);
    await store.deletePolicy('*', 'production', PRIYA);
    expect(await store.listPolicies()).toEqual([]);
    await expect(store.deletePolicy('*', 'production', PRIYA)).rejects.toThrow(
      NotFoundError,
    );
    const actions = (await auditLog.list({ target: 'policy:' })).map(
      a => a.action,
    );
    expect(actions.sort()).toEqual([
      'policy.delete',
      'policy.update',
      'policy.update',
    ]);
  });

  it('stores quotas per team (case-insensitively) and sums usage from live clusters', async () => {
    const { store, clusterStore } = await setup();
    await store.saveQuota(
      { team: 'Group:default/Team-Apollo', maxClusters: 3 },
      PRIYA,
    );
    expect(await store.getQuota(APOLLO)).toEqual({
      team: APOLLO,
      maxClusters: 3,
    });
    await clusterStore.create(newCluster('one'), CREATED);
    await clusterStore.create(newCluster('two'), CREATED);
    const gone = await clusterStore.create(newCluster('three'), CREATED);
    await clusterStore.markDeleted(gone.id, 'gone');
    await clusterStore.create(
      newCluster('zephyr', { owner: 'group:default/team-zephyr' }),
      CREATED,
    );
    expect(await store.usage(APOLLO)).toEqual({
      clusters: 2,
      nodes: 6,
      vcpus: 24,
      monthlyCost: 350.4,
    });
    const one = (await clusterStore.get('one'))!;
    expect(
      (await store.usage(APOLLO, { excludeClusterId: one.id })).clusters,
    ).toBe(1);
    expect((await store.usageByTeam()).map(u => [u.team, u.clusters])).toEqual([
      [APOLLO, 2],
      ['group:default/team-zephyr', 1],
    ]);
    await store.deleteQuota(APOLLO, PRIYA);
    expect(await store.getQuota(APOLLO)).toBeUndefined();
  });

  async function withService(
    ctx: Awaited<ReturnType<typeof setup>>,
    approvalExpiryMs = 60_000,
  ) {
    const { knex, store, clusterStore } = ctx;
    const packs = PackRegistry.withBuiltinPacks();
    const profiles = await DatabaseProfileStore.create({
      database: { getClient: async () => knex } as any,
      packRegistry: packs,
      skipMigrations: true,
    });
    await seedDemoProfiles(profiles, packs, logger);
    const { clusters, stop } = await ManagementClusters.start(
      [{ name: 'm', type: 'embedded', speed: 'instant' }],
      logger,
    );
    stops.push(stop);
    const governance = new GovernanceService(store, { approvalExpiryMs });
    const service = new ClusterService({
      store: clusterStore,
      governance,
      profiles,
      packs,
      accounts: [
        { name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] },
      ],
      managementClusters: clusters,
      namespace: 'palette-clusters',
      forceDeleteAfterMs: 60_000,
      onChanged: () => {},
    });
    return service;
  }

  it('lets exactly one of two simultaneous requests through when together they exceed the quota', async () => {
    const ctx = await setup();
    const { auditLog, store, clusterStore } = ctx;
    const service = await withService(ctx);
    await store.saveQuota({ team: APOLLO, maxClusters: 1 }, PRIYA);

    const results = await Promise.allSettled([
      service.create(devRequest('first'), 'user:default/alice'),
      service.create(devRequest('second'), 'user:default/bob'),
    ]);
    const fulfilled = results.filter(r => r.status === 'fulfilled');
    const rejected = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(NotAllowedError);
    expect(rejected[0].reason.message).toContain(
      'owner: group:default/team-apollo would have 2 clusters; its quota is 1',
    );
    expect((await clusterStore.list()).totalCount).toBe(1);
    // Nothing of the refused request was written, audit included.
    const audited = await auditLog.list({ action: 'cluster.create' });
    expect(audited).toHaveLength(1);
  });

  it('expires requests nobody decided: they end as Rejected and free their name', async () => {
    const ctx = await setup();
    await ctx.store.savePolicy(
      {
        project: '*',
        environment: 'production',
        requireApproval: true,
        approverGroup: 'group:default/platform-team',
      },
      PRIYA,
    );
    // Approvals that expire the moment they are asked for.
    const service = await withService(ctx, -1);
    const pending = await service.create(
      devRequest('late', { environment: 'production' }),
      'user:default/alice',
    );
    expect(pending.phase).toBe('PendingApproval');
    expect(await service.expireApprovals()).toEqual(['late']);
    const expired = (await ctx.clusterStore.get('late'))!;
    expect(expired).toMatchObject({
      phase: 'Rejected',
      message: 'The approval expired before anyone decided',
      approval: { state: 'Expired', decidedBy: 'service:palette' },
    });
    expect(await service.expireApprovals()).toEqual([]);
    expect((await ctx.clusterStore.list()).totalCount).toBe(0);
  });
});
