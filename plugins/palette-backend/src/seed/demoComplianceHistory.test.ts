import { CREATED, newCluster } from '../clusters/testFixtures';
import { complianceTestbed } from '../fleet/compliance/__testUtils__/complianceTestbed';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { demoComplianceHistory } from './demoComplianceHistory';
import { DEMO_SEED_ACTOR } from './seedDemoProfiles';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const DAY = 24 * 3600_000;
const NOW = new Date('2026-11-24T12:00:00.000Z');

const average = (values: number[]) =>
  values.reduce((a, b) => a + b, 0) / values.length;

describe.each(PALETTE_TEST_DATABASE_IDS)(
  'demo compliance history on %s',
  engine => {
    /** A demo fleet requested 100, 50 and 10 days ago, plus a request that never ran. */
    async function setup() {
      const testbed = await complianceTestbed(
        databases,
        engine,
        new Date(NOW.getTime() - 100 * DAY).toISOString(),
      );
      const { clusters, clock, setPhase } = testbed;
      const ran = async (name: string) =>
        setPhase(await clusters.create(newCluster(name), CREATED), 'Running');
      await ran('old');
      clock.advance(50 * DAY);
      await ran('middle');
      clock.advance(40 * DAY);
      await ran('young');
      clock.advance(9 * DAY);
      await clusters.create(newCluster('never-ran'), CREATED);
      clock.advance(DAY);
      expect(clock.fn()).toEqual(NOW);
      const history = () =>
        demoComplianceHistory({
          compliance: testbed.service,
          clusterStore: clusters,
          logger: testbed.logger,
        });
      const snapshots = async () =>
        (await testbed
          .knex('palette_compliance_snapshots as s')
          .join('palette_clusters as c', 'c.id', 's.cluster_id')
          .orderBy(['c.name', 's.day'])
          .select('c.name', 's.day', 's.score')) as Array<{
          name: string;
          day: string;
          score: number;
        }>;
      const scans = async () =>
        testbed
          .knex('palette_compliance_scans as s')
          .join('palette_clusters as c', 'c.id', 's.cluster_id')
          .select('c.name', 's.kind', 's.received_by', 's.received_at');
      return { ...testbed, history, snapshots, scans };
    }

    it('backfills a daily snapshot per cluster from its request to yesterday, then evaluates today', async () => {
      const { history, snapshots, scans, service, logger } = await setup();
      const demo = history();
      expect(await demo.hasHistory(NOW)).toBe(false);

      expect(await demo.backfill(NOW)).toBe(100);
      const rows = await snapshots();
      const days = (name: string) =>
        rows.filter(r => r.name === name).map(r => r.day);
      // From the request's day to yesterday, and today's regular evaluation.
      expect(days('old')).toHaveLength(101);
      expect(days('old')[0]).toBe('2026-08-16');
      expect(days('old').slice(-2)).toEqual(['2026-11-23', '2026-11-24']);
      expect(days('middle')).toHaveLength(51);
      expect(days('young')).toHaveLength(11);
      expect(days('never-ran')).toEqual(['2026-11-23', '2026-11-24']);

      // The fleet trend the Compliance page reads covers the months.
      const trend = await service.store.trend('2026-08-01', '2026-11-24');
      expect(trend).toHaveLength(101);
      expect(trend[0].day).toBe('2026-08-16');

      // The old cluster ran older Kubernetes minors and failed more scans
      // early on: its score went up over its life.
      const old = rows.filter(r => r.name === 'old').map(r => Number(r.score));
      expect(average(old.slice(-10))).toBeGreaterThan(
        average(old.slice(0, 10)),
      );
      expect(new Set(old).size).toBeGreaterThan(2);

      // Weekly scans of clusters that ran, all before today, by the demo seed.
      const stored = await scans();
      const names = new Set(stored.map(s => s.name));
      expect(names).toEqual(new Set(['old', 'middle', 'young']));
      expect(new Set(stored.map(s => s.received_by))).toEqual(
        new Set([DEMO_SEED_ACTOR]),
      );
      const oldCis = stored.filter(s => s.name === 'old' && s.kind === 'cis');
      expect(oldCis.length).toBeGreaterThanOrEqual(13);
      expect(oldCis.length).toBeLessThanOrEqual(15);
      const startOfToday = Date.parse('2026-11-24T00:00:00.000Z');
      for (const scan of stored)
        expect(new Date(scan.received_at).getTime()).toBeLessThan(startOfToday);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Backfilled 100 days of demo compliance history \(\d+ scans\) for 4 clusters \(demo data\)$/,
        ),
      );
      expect(await demo.hasHistory(NOW)).toBe(true);
    });

    it('happens once, also when a second instance gets to it', async () => {
      const { history, snapshots, scans } = await setup();
      const first = history();
      const second = history();
      expect(await first.backfill(NOW)).toBe(100);
      const before = { snapshots: await snapshots(), scans: await scans() };

      expect(await first.hasHistory(NOW)).toBe(true);
      expect(await second.backfill(NOW)).toBe(0);
      expect(await first.backfill(new Date(NOW.getTime() + DAY))).toBe(0);
      expect(await snapshots()).toEqual(before.snapshots);
      expect(await scans()).toHaveLength(before.scans.length);
    });

    it('leaves a fleet with compliance history alone', async () => {
      const { history, service, clock, snapshots, scans } = await setup();
      clock.advance(-DAY);
      await service.evaluateAll();
      clock.advance(DAY);
      const demo = history();
      expect(await demo.hasHistory(NOW)).toBe(true);
      expect(await demo.backfill(NOW)).toBe(0);
      expect((await snapshots()).map(s => s.day)).toEqual(
        Array(4).fill('2026-11-23'),
      );
      expect(await scans()).toEqual([]);
    });
  },
);
