import { TestDatabaseId } from '@backstage/backend-test-utils';
import { AuditLog } from '../../audit/AuditLog';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import {
  APOLLO,
  CREATED,
  manualClock,
  newCluster,
  ZEPHYR,
} from '../../clusters/testFixtures';
import { applyDatabaseMigrations } from '../../database/migrations';
import { importedRequest } from '../../imports/importedRequest';
import { HOURS_PER_MONTH } from './defaultPrices';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../../__testUtils__/testDatabases';
import { CostRollups } from './CostRollups';
import { CostService } from './CostService';
import { COST_DAILY_TABLE, CostSnapshots } from './CostSnapshots';
import { costSettingsFrom } from './priceConfig';
import { PriceModel } from './PriceModel';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();

// A dev `medium` node at the default showback rates: 4 vCPU, 8 GB, 60 GB disk.
const NODE_HOURLY = 4 * 0.02 + 8 * 0.0025 + (60 * 0.05) / HOURS_PER_MONTH;
const at = (iso: string) => new Date(`2026-11-${iso}Z`);

describe.each(PALETTE_TEST_DATABASE_IDS)('fleet cost on %s', engine => {
  async function setup(databaseId: TestDatabaseId = engine) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const clock = manualClock('2026-11-23T10:00:00.000Z');
    const store = new DatabaseClusterStore({
      db: knex,
      auditLog: new AuditLog(knex, { clock: clock.fn }),
      clock: clock.fn,
    });
    const model = new PriceModel(costSettingsFrom());
    const snapshots = new CostSnapshots({ db: knex, model });
    const service = new CostService({
      model,
      rollups: new CostRollups(knex),
      budgets: {
        listQuotas: async () => [
          { team: APOLLO, monthlyBudget: 10 },
          { team: 'group:default/idle', monthlyBudget: 5 },
        ],
      },
      clock: clock.fn,
    });
    // Apollo runs 3 nodes; Zephyr 1 node until its cluster is deleted.
    const a = await store.create(newCluster('a'), CREATED);
    const b = await store.create(newCluster('b', { owner: ZEPHYR }), CREATED);
    await knex('palette_clusters')
      .where({ id: a.id })
      .update({ nodes_ready: 3 });
    await knex('palette_clusters')
      .where({ id: b.id })
      .update({ nodes_ready: 1 });
    return { knex, clock, snapshots, service, a, b };
  }

  const daily = (knex: any) =>
    knex(COST_DAILY_TABLE)
      .orderBy(['cluster_name', 'day'])
      .select('cluster_name', 'day', 'cost', 'node_hours', 'owner')
      .then((rows: any[]) =>
        rows.map(r => ({
          ...r,
          cost: Number(r.cost),
          node_hours: Number(r.node_hours),
        })),
      );

  it('accrues observed nodes per UTC day, once per window, and stops at deletion', async () => {
    const { knex, snapshots, b } = await setup();
    expect(await snapshots.recordSnapshot(at('24T00:00:00.000'))).toBe(2);
    // The same window again adds nothing.
    await snapshots.recordSnapshot(at('24T00:00:00.000'));
    await knex('palette_clusters')
      .where({ id: b.id })
      .update({ deleted_at: at('24T03:00:00.000'), active_name: null });
    await snapshots.recordSnapshot(at('24T06:00:00.000'));
    // A deleted cluster has nothing left to accrue, but keeps its rows.
    expect(await snapshots.recordSnapshot(at('24T07:00:00.000'))).toBe(1);

    const rows = await daily(knex);
    expect(rows.map((r: any) => [r.cluster_name, r.day, r.node_hours])).toEqual(
      [
        ['a', '2026-11-23', 42],
        ['a', '2026-11-24', 21],
        ['b', '2026-11-23', 14],
        ['b', '2026-11-24', 3],
      ],
    );
    expect(rows[0].cost).toBeCloseTo(42 * NODE_HOURLY, 6);
    expect(rows[3].cost).toBeCloseTo(3 * NODE_HOURLY, 6);
  });

  it('rolls up spend, run-rate, budgets and one cluster in SQL', async () => {
    const { knex, clock, snapshots, service, a, b } = await setup();
    await snapshots.recordSnapshot(at('24T00:00:00.000'));
    await knex('palette_clusters')
      .where({ id: b.id })
      .update({ deleted_at: at('24T03:00:00.000'), active_name: null });
    await snapshots.recordSnapshot(at('24T06:00:00.000'));
    clock.advance(20 * 3_600_000); // 2026-11-24T06:00Z

    const apollo = 20 * 3 * NODE_HOURLY;
    const zephyr = 17 * NODE_HOURLY;
    const cents = (v: number) => Math.round(v * 100) / 100;
    const summary = await service.summary({});
    expect(summary).toMatchObject({
      currency: 'USD',
      from: '2026-11-01',
      to: '2026-12-01',
      total: cents(apollo + zephyr),
      previousTotal: 0,
      monthToDate: cents(apollo + zephyr),
      clusters: { live: 1, deleted: 1 },
    });
    expect(summary.runRate.hourly).toBeCloseTo(3 * NODE_HOURLY, 2);
    // 162 hours are left in November at Apollo's 3 nodes.
    expect(summary.forecastMonth).toBeCloseTo(
      apollo + zephyr + 162 * 3 * NODE_HOURLY,
      1,
    );

    const byTeam = await service.breakdown({
      by: 'team',
      limit: 10,
      from: '2026-11-24',
      to: '2026-11-25',
    });
    expect(byTeam.items).toEqual([
      {
        key: APOLLO,
        cost: cents(18 * NODE_HOURLY),
        previousCost: cents(42 * NODE_HOURLY),
        clusters: 1,
      },
      {
        key: ZEPHYR,
        cost: cents(3 * NODE_HOURLY),
        previousCost: cents(14 * NODE_HOURLY),
        clusters: 1,
      },
    ]);

    const trend = await service.trend({
      granularity: 'day',
      groupBy: 'cluster',
      from: '2026-11-22',
      to: '2026-11-25',
    });
    expect(trend.points).toEqual([
      { period: '2026-11-22', cost: 0, groups: {} },
      {
        period: '2026-11-23',
        cost: cents(56 * NODE_HOURLY),
        groups: { a: cents(42 * NODE_HOURLY), b: cents(14 * NODE_HOURLY) },
      },
      {
        period: '2026-11-24',
        cost: cents(21 * NODE_HOURLY),
        groups: { a: cents(18 * NODE_HOURLY), b: cents(3 * NODE_HOURLY) },
      },
    ]);
    const monthly = await service.trend({
      granularity: 'month',
      from: '2026-10-01',
      to: '2026-12-01',
    });
    expect(monthly.points).toEqual([
      { period: '2026-10', cost: 0 },
      { period: '2026-11', cost: cents(apollo + zephyr) },
    ]);

    const { items } = await service.budgets();
    expect(items).toEqual([
      {
        team: 'group:default/idle',
        budget: 5,
        monthToDate: 0,
        forecast: 0,
        overBudget: false,
        atRisk: false,
      },
      {
        team: APOLLO,
        budget: 10,
        monthToDate: cents(apollo),
        forecast: cents(apollo + 162 * 3 * NODE_HOURLY),
        overBudget: false,
        atRisk: true,
      },
      {
        team: ZEPHYR,
        monthToDate: cents(zephyr),
        forecast: cents(zephyr),
        overBudget: false,
        atRisk: false,
      },
    ]);
    const october = await service.budgets('2026-10');
    expect(october.items.find(i => i.team === APOLLO)).toMatchObject({
      monthToDate: 0,
      forecast: 0,
    });

    const cost = await service.clusterCost(a);
    expect(cost).toMatchObject({
      cluster: 'a',
      monthToDate: cents(apollo),
      lifetime: cents(apollo),
    });
    expect(cost.daily).toHaveLength(30);
    expect(cost.daily.slice(-2)).toEqual([
      { day: '2026-11-23', cost: cents(42 * NODE_HOURLY) },
      { day: '2026-11-24', cost: cents(18 * NODE_HOURLY) },
    ]);

    const csv = await service.exportCsv({ by: 'cluster', limit: 10 });
    expect(csv.split('\r\n')).toEqual([
      'cluster,cost_USD,previous_cost,clusters,from,to',
      `a,${cents(apollo)},0,1,2026-11-01,2026-12-01`,
      `b,${cents(zephyr)},0,1,2026-11-01,2026-12-01`,
      '',
    ]);
  });
  it('accrues an imported cluster from its discovered nodes, without a profile', async () => {
    const { knex, clock, snapshots } = await setup();
    const store = new DatabaseClusterStore({
      db: knex,
      auditLog: new AuditLog(knex, { clock: clock.fn }),
      clock: clock.fn,
    });
    const record = await store.createImported(
      {
        request: importedRequest({
          name: 'legacy',
          mode: 'read-only',
          addOnProfiles: [],
          owner: APOLLO,
          project: 'system:default/payments',
          environment: 'production',
        }),
        managementCluster: 'embedded',
        namespace: 'palette-clusters',
        provider: 'vsphere',
        mode: 'read-only',
        secretName: 'legacy-palette-import',
        createdBy: 'user:default/alice',
      },
      { action: 'cluster.import', reason: 'Imported', message: 'Imported' },
    );
    const node = (name: string, ready: boolean) => ({
      name,
      roles: [],
      cpu: 4,
      memoryGiB: 8,
      osImage: 'Ubuntu 24.04.1 LTS',
      kubeletVersion: 'v1.31.7',
      ready,
      problems: [],
    });
    await store.recordDiscovery(record.id, {
      status: {
        phase: 'Running',
        status: { conditions: [], controlPlane: { managed: false }, pools: [] },
        nodes: { ready: 2, desired: 3 },
      },
      inventory: {
        discoveredAt: clock.fn().toISOString(),
        kubernetes: {
          gitVersion: 'v1.31.7',
          version: '1.31.7',
          distribution: 'kubeadm',
        },
        nodes: [node('a', true), node('b', true), node('c', false)],
        csi: [],
        helmReleases: [],
        namespaces: [],
      },
      error: null,
    });
    await snapshots.recordSnapshot(at('23T12:00:00.000'));
    const row = await knex(COST_DAILY_TABLE)
      .where({ cluster_name: 'legacy' })
      .first();
    // Two Ready nodes of 4 vCPU and 8 GiB for two hours, at showback rates.
    const nodeHourly = 4 * 0.02 + 8 * 0.0025 + (100 * 0.05) / HOURS_PER_MONTH;
    expect(Number(row.node_hours)).toBeCloseTo(4, 6);
    expect(Number(row.cost)).toBeCloseTo(2 * 2 * nodeHourly, 6);
    expect(row.profile_name).toBeNull();
  });
});
