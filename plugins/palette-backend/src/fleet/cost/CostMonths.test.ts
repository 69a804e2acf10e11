import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  CostDimension,
  costDimensionSchema,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { AuditLog } from '../../audit/AuditLog';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import {
  APOLLO,
  CREATED,
  manualClock,
  newCluster,
  ZEPHYR,
} from '../../clusters/testFixtures';
import {
  applyDatabaseMigrations,
  MIGRATIONS_TABLE,
  migrationsDirectory,
} from '../../database/migrations';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../../__testUtils__/testDatabases';
import { aggregateCostMonths, COST_ATTRIBUTION } from './CostMonths';
import { CostRollups } from './CostRollups';
import { CostSnapshots } from './CostSnapshots';
import { COST_DAILY_TABLE, COST_MONTHLY_TABLE } from './costTables';
import { cents } from './estimateCost';
import { DayRange, periodsOf, resolveRange } from './periods';
import { costSettingsFrom } from './priceConfig';
import { PriceModel } from './PriceModel';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

type DailyRow = {
  cluster_id: string;
  day: string;
  cluster_name: string;
  owner: string;
  project: string;
  environment: string;
  provider: string;
  region: string;
  cloud_account: string;
  profile_name: string | null;
  profile_version: string | null;
  cost: number;
  node_hours: number;
};

/**
 * A year and more of daily rows for a dozen clusters, with what makes
 * monthly rows tricky: an owner change and a profile upgrade mid-month, a
 * cluster without a profile, clusters created and deleted mid-month. Costs
 * are binary fractions, so that sums are exact in any order.
 */
function fixture(): DailyRow[] {
  // Cluster 0 upgrades its profile on 15 March.
  const versionOf = (i: number, day: string) =>
    i === 0 && day >= '2026-03-15' ? '1.1.0' : '1.0.0';
  const rows: DailyRow[] = [];
  for (let i = 0; i < 12; i++) {
    const created = i === 4 ? '2026-08-03' : '2025-09-20';
    const deleted = i === 3 ? '2026-02-14' : '2026-11-24';
    for (let t = utc(created), n = 0; t < utc(deleted); t += DAY_MS, n++) {
      const day = isoDay(t);
      rows.push({
        cluster_id: `00000000-0000-4000-8000-0000000000${String(i).padStart(
          2,
          '0',
        )}`,
        day,
        cluster_name: `c${String(i).padStart(2, '0')}`,
        owner:
          i === 1 && day >= '2026-06-10'
            ? 'group:default/a'
            : `group:default/${'abcd'[i % 4]}`,
        project: `p${i % 3}`,
        environment: i % 2 ? 'prod' : 'dev',
        provider: i % 5 ? 'aws' : 'dev',
        region: `r${i % 4}`,
        cloud_account: 'acct',
        profile_name: i === 2 ? null : `profile-${i % 2}`,
        profile_version: i === 2 ? null : versionOf(i, day),
        cost: (i + 1) * 0.5 + (n % 7) * 0.125,
        node_hours: (i % 3) + 1,
      });
    }
  }
  return rows;
}

/** What each dimension groups by, as the SQL reads it (NULL shows as 'null'). */
const KEY: Record<CostDimension, (r: DailyRow) => string> = {
  team: r => r.owner,
  project: r => r.project,
  environment: r => r.environment,
  provider: r => r.provider,
  region: r => r.region,
  profile: r => String(r.profile_name),
  profileVersion: r =>
    r.profile_name === null || r.profile_version === null
      ? 'null'
      : `${r.profile_name}@${r.profile_version}`,
  cluster: r => r.cluster_name,
};

/** The roll-ups computed by hand from the daily rows: the reference. */
function reference(rows: DailyRow[]) {
  const inRange = (from: string, to: string) =>
    rows.filter(r => r.day >= from && r.day < to);
  const sum = (rs: DailyRow[]) => rs.reduce((a, r) => a + r.cost, 0);
  const breakdown = (by: CostDimension, range: DayRange, limit: number) => {
    const groups = new Map<
      string,
      { cost: number; previousCost: number; clusters: Set<string> }
    >();
    for (const r of inRange(range.previousFrom, range.to)) {
      const g = groups.get(KEY[by](r)) ?? {
        cost: 0,
        previousCost: 0,
        clusters: new Set<string>(),
      };
      groups.set(KEY[by](r), g);
      if (r.day >= range.from) {
        g.cost += r.cost;
        g.clusters.add(r.cluster_id);
      } else g.previousCost += r.cost;
    }
    return [...groups]
      .sort(([ka, a], [kb, b]) => b.cost - a.cost || (ka < kb ? -1 : 1))
      .slice(0, limit)
      .map(([key, g]) => ({
        key,
        cost: cents(g.cost),
        previousCost: cents(g.previousCost),
        clusters: g.clusters.size,
      }));
  };
  return {
    totals: (range: DayRange) => ({
      total: sum(inRange(range.from, range.to)),
      previous: sum(inRange(range.previousFrom, range.from)),
    }),
    spend: (from: string, to: string, clusterId: string) =>
      sum(inRange(from, to).filter(r => r.cluster_id === clusterId)),
    spendByTeam: (from: string, to: string) => {
      const teams = new Map<string, number>();
      for (const r of inRange(from, to))
        teams.set(r.owner, (teams.get(r.owner) ?? 0) + r.cost);
      return teams;
    },
    breakdown,
    trend: (
      range: DayRange,
      granularity: 'day' | 'month',
      groupBy?: CostDimension,
    ) => {
      const top = groupBy
        ? breakdown(groupBy, { ...range, previousFrom: range.from }, 8).map(
            g => g.key,
          )
        : [];
      const points = periodsOf(range, granularity).map(period => {
        const mine = inRange(range.from, range.to).filter(
          r => (granularity === 'day' ? r.day : r.day.slice(0, 7)) === period,
        );
        if (!groupBy) return { period, cost: cents(sum(mine)) };
        const groups: Record<string, number> = {};
        for (const r of mine) {
          // As before the monthly rows: a NULL key (no profile) never
          // matches the top groups' keys, and shows as `other`.
          const key =
            top.includes(KEY[groupBy](r)) && KEY[groupBy](r) !== 'null'
              ? KEY[groupBy](r)
              : 'other';
          groups[key] = (groups[key] ?? 0) + r.cost;
        }
        return {
          period,
          cost: cents(sum(mine)),
          groups: Object.fromEntries(
            Object.entries(groups).map(([k, v]) => [k, cents(v)]),
          ),
        };
      });
      return points;
    },
  };
}

const monthlyRows = (knex: Knex) =>
  knex(COST_MONTHLY_TABLE)
    .orderBy(['cluster_id', 'month', 'owner', 'profile_version'])
    .select('cluster_id', 'month', ...COST_ATTRIBUTION, 'cost', 'node_hours')
    .then(rows =>
      rows.map(r => ({
        ...r,
        cost: Number(r.cost),
        node_hours: Number(r.node_hours),
      })),
    );

describe.each(PALETTE_TEST_DATABASE_IDS)('monthly cost on %s', engine => {
  async function migrated(databaseId: TestDatabaseId = engine) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    return knex;
  }

  it('rolls up from whole months and partial days exactly as from the days alone', async () => {
    const knex = await migrated();
    const rows = fixture();
    await knex.batchInsert(COST_DAILY_TABLE, rows, 200);
    // The migration backfills history already in the daily table.
    await knex.migrate.down({
      directory: migrationsDirectory(),
      tableName: MIGRATIONS_TABLE,
    });
    await applyDatabaseMigrations(knex);
    const backfilled = await monthlyRows(knex);
    // One row per cluster-month, and one more per mid-month change.
    expect(backfilled.length).toBe(
      new Set(rows.map(r => `${r.cluster_id}${r.day.slice(0, 7)}`)).size + 2,
    );
    await aggregateCostMonths(knex);
    expect(await monthlyRows(knex)).toEqual(backfilled);

    const rollups = new CostRollups(knex);
    const ref = reference(rows);
    const now = new Date('2026-11-23T10:00:00.000Z');
    const ranges = [
      ['2025-11-15', '2026-11-20'], // mid-month at both ends, a year
      ['2026-01-01', '2026-07-01'], // month boundaries
      ['2025-12-01', '2026-11-01'],
      ['2026-02-14', '2026-06-01'], // mid-month start, boundary end
      ['2026-03-01', '2026-05-15'], // boundary start, mid-month end
      ['2026-03-10', '2026-03-20'], // within one month
      ['2026-06-01', '2026-06-30'],
    ].map(([from, to]) => resolveRange({ from, to }, now));
    for (const range of ranges) {
      expect(await rollups.totals(range)).toEqual(ref.totals(range));
      expect(await rollups.spendByTeam(range.from, range.to)).toEqual(
        ref.spendByTeam(range.from, range.to),
      );
      expect(
        await rollups.spend(range.from, range.to, {
          cluster_id: rows[0].cluster_id,
        }),
      ).toEqual(ref.spend(range.from, range.to, rows[0].cluster_id));
      for (const by of costDimensionSchema.options) {
        expect(await rollups.breakdown(by, range, 5)).toEqual(
          ref.breakdown(by, range, 5),
        );
      }
      for (const granularity of ['day', 'month'] as const) {
        expect(await rollups.trend(range, granularity)).toEqual(
          ref.trend(range, granularity),
        );
        for (const by of ['team', 'profileVersion', 'cluster'] as const) {
          expect(await rollups.trend(range, granularity, by)).toEqual(
            ref.trend(range, granularity, by),
          );
        }
      }
    }
    // A cluster's lifetime, as the cluster page asks for it.
    expect(
      await rollups.spend('0000-01-01', '9999-12-31', {
        cluster_id: rows[0].cluster_id,
      }),
    ).toEqual(ref.spend('0000-01-01', '9999-12-31', rows[0].cluster_id));
  });

  it('keeps each cluster-month equal to its days as cost accrues', async () => {
    const knex = await migrated();
    const clock = manualClock('2026-11-23T10:00:00.000Z');
    const store = new DatabaseClusterStore({
      db: knex,
      auditLog: new AuditLog(knex, { clock: clock.fn }),
      clock: clock.fn,
    });
    const snapshots = new CostSnapshots({
      db: knex,
      model: new PriceModel(costSettingsFrom()),
    });
    const a = await store.create(newCluster('a'), CREATED);
    await store.create(newCluster('b', { owner: ZEPHYR }), CREATED);
    await knex('palette_clusters').update({ nodes_ready: 2 });
    await snapshots.recordSnapshot(new Date('2026-11-30T20:00:00.000Z'));
    // An owner change late on the last day of the month: the day's row is
    // rewritten, and the next run crosses into December.
    await knex('palette_clusters')
      .where({ id: a.id })
      .update({ owner: ZEPHYR });
    await snapshots.recordSnapshot(new Date('2026-12-01T05:00:00.000Z'));

    const accrued = await monthlyRows(knex);
    await aggregateCostMonths(knex);
    expect(accrued).toEqual(await monthlyRows(knex));
    expect(
      accrued
        .filter(r => r.cluster_id === a.id)
        .map(r => [r.month, r.owner, r.node_hours]),
    ).toEqual([
      // 29 Nov 20:00 to midnight as Apollo; all of 30 Nov as Zephyr (the
      // daily row takes the owner it had last), then 5 hours of December.
      ['2026-11-01', APOLLO, 8],
      ['2026-11-01', ZEPHYR, 48],
      ['2026-12-01', ZEPHYR, 10],
    ]);
  });
});
