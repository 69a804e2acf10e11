import { LoggerService } from '@backstage/backend-plugin-api';
import { ScanKind, ScanResult } from '@palette-backstage/plugin-palette-common';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../clusters/types';
import { ComplianceService } from '../fleet/compliance';
import { isoDay } from '../fleet/cost/periods';
import { demoScans, pastView } from './demoClusterPast';
import { DEMO_SEED_ACTOR } from './seedDemoProfiles';

const DAY = 24 * 3600_000;
const PAGE = 200;

const withoutReceivedAt = ({ receivedAt: _, ...scan }: ScanResult) => scan;
const startOfUtcDay = (ms: number) => Math.floor(ms / DAY) * DAY;

/** What the demo compliance history needs. */
export interface DemoComplianceHistoryDeps {
  compliance: Pick<
    ComplianceService,
    'store' | 'parseReport' | 'pastScorer' | 'evaluateAll'
  >;
  clusterStore: Pick<DatabaseClusterStore, 'list'>;
  logger: LoggerService;
}

/** One backdated scan of a cluster, parsed as an upload is. */
interface PastScan {
  at: number;
  result: ScanResult;
}

/**
 * Backdated compliance history for the demo fleet: one snapshot per
 * cluster and day from the day the oldest cluster was requested to
 * yesterday, scored by the product's own rules against each cluster as it
 * was then (older Kubernetes minors before its upgrades) and the scans it
 * had then (weekly reports in the scanners' formats, parsed as uploads
 * are). The scans are kept too, recorded by the demo seed service. It all
 * is written in one transaction, and only into a database without
 * snapshots before today, so it happens once; the fleet is then evaluated
 * as the hourly task does, for today's snapshot.
 */
export function demoComplianceHistory(deps: DemoComplianceHistoryDeps) {
  const { compliance, logger } = deps;
  return {
    /** Whether there are snapshots before today (demo or not): then there is nothing to backfill. */
    hasHistory: (now: Date) =>
      compliance.store.hasSnapshotsBefore(isoDay(now.getTime())),

    /** Writes the history; returns the number of days written (0 when there was history). */
    async backfill(now: Date): Promise<number> {
      const nowMs = now.getTime();
      const today = startOfUtcDay(nowMs);
      const clusters = await liveClusters(deps.clusterStore);
      if (!clusters.length) return 0;

      const scans = new Map<string, PastScan[]>(
        clusters.map(record => [
          record.id,
          demoScans(record, nowMs, today).map(scan => ({
            at: scan.at,
            result: {
              ...compliance.parseReport(scan.kind, scan.body),
              receivedAt: new Date(scan.at).toISOString(),
            },
          })),
        ]),
      );
      const score = await compliance.pastScorer();
      const snapshots = [];
      const oldest = Math.min(...clusters.map(c => Date.parse(c.createdAt)));
      let days = 0;
      for (let day = startOfUtcDay(oldest); day < today; day += DAY) {
        // Scored as the day's last evaluation would have seen it.
        const at = day + DAY - 1;
        for (const record of clusters) {
          if (Date.parse(record.createdAt) > at) continue;
          snapshots.push({
            clusterId: record.id,
            day: isoDay(day),
            score: await score(
              new Date(at),
              pastView(record, at, nowMs),
              latestScansAt(scans.get(record.id)!, at),
            ),
          });
        }
        days += 1;
      }
      const written = await compliance.store.recordHistory({
        before: isoDay(today),
        receivedBy: DEMO_SEED_ACTOR,
        scans: [...scans].flatMap(([clusterId, past]) =>
          past.map(s => ({
            clusterId,
            scan: withoutReceivedAt(s.result),
            receivedAt: new Date(s.at),
          })),
        ),
        snapshots,
      });
      if (!written) return 0;
      await compliance.evaluateAll();
      logger.info(
        `Backfilled ${days} days of demo compliance history (${
          [...scans.values()].flat().length
        } scans) for ${clusters.length} clusters (demo data)`,
      );
      return days;
    },
  };
}

async function liveClusters(
  store: Pick<DatabaseClusterStore, 'list'>,
): Promise<ClusterRecord[]> {
  const clusters: ClusterRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.list({ limit: PAGE, offset });
    clusters.push(...page.items);
    if (page.items.length < PAGE) return clusters;
  }
}

/** The latest scan of each kind among a cluster's scans received by `at`. */
function latestScansAt(scans: PastScan[], at: number) {
  const latest: Partial<Record<ScanKind, PastScan>> = {};
  for (const scan of scans) {
    if (scan.at > at) continue;
    const kind = scan.result.kind;
    if (!latest[kind] || latest[kind]!.at < scan.at) latest[kind] = scan;
  }
  return Object.fromEntries(
    Object.entries(latest).map(([kind, scan]) => [kind, scan!.result]),
  ) as Partial<Record<ScanKind, ScanResult>>;
}
