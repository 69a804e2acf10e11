import {
  LoggerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CLUSTER_PHASES_IN_PROGRESS,
  ClusterPhase,
} from '@palette-backstage/plugin-palette-common';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';

const DAY = 24 * 3600_000;

/** What the demo history needs. */
export interface DemoHistoryDeps {
  clusterStore: DatabaseClusterStore;
  /** Accrues the fleet's cost up to a time (the cost snapshot code path). */
  recordCostSnapshot(at: Date): Promise<number>;
  /** Whether cost was ever accrued (then there is history already). */
  hasCostHistory(): Promise<boolean>;
  /** The demo compliance history (see `demoComplianceHistory`). */
  complianceHistory: {
    hasHistory(now: Date): Promise<boolean>;
    backfill(now: Date): Promise<number>;
  };
  logger: LoggerService;
  clock?: () => Date;
  /** How long to wait for the demo fleet to run before backfilling anyway. */
  patienceMs?: number;
}

/**
 * Backdated cost and compliance history for the demo fleet. Cost is
 * accrued from each cluster's observed nodes, so the history can only be
 * written once the demo clusters run on the embedded management cluster:
 * this task waits for that, then replays the cost snapshot, one day at a
 * time, from the oldest demo request to now, through the same code as the
 * regular task, and then backfills the compliance history. Each runs once
 * per database (a fleet with cost or compliance history is left alone in
 * that respect); the regular cost and compliance tasks start after.
 */
export function demoHistoryTask(deps: DemoHistoryDeps): {
  task: SchedulerServiceTaskScheduleDefinition &
    SchedulerServiceTaskInvocationDefinition;
  /**
   * Whether the history is written (or was already there). Until then the
   * regular cost and compliance tasks must not run: cost would accrue only
   * the last day, and its marks would leave nothing before them to
   * backfill; compliance would write today's snapshot before the days
   * that lead up to it.
   */
  settled(): boolean;
} {
  const clock = deps.clock ?? (() => new Date());
  const startedAt = clock().getTime();
  let done = false;
  const task = {
    id: 'palette-demo-history',
    frequency: { seconds: 30 },
    timeout: { minutes: 10 },
    scope: 'global' as const,
    fn: async () => {
      if (done) return;
      const hasCost = await deps.hasCostHistory();
      const hasCompliance = await deps.complianceHistory.hasHistory(clock());
      if (hasCost && hasCompliance) {
        done = true;
        return;
      }
      const { items, phaseCounts, totalCount } = await deps.clusterStore.list({
        sort: 'createdAt',
        order: 'asc',
        limit: 1,
      });
      if (totalCount === 0) return;
      const inProgress = (Object.keys(phaseCounts) as ClusterPhase[])
        .filter(
          phase =>
            phase !== 'PendingApproval' &&
            CLUSTER_PHASES_IN_PROGRESS.includes(phase),
        )
        .reduce((n, phase) => n + (phaseCounts[phase] ?? 0), 0);
      const patience = deps.patienceMs ?? 10 * 60_000;
      if (inProgress > 0 && clock().getTime() - startedAt < patience) return;

      const now = clock().getTime();
      if (!hasCost) {
        let days = 0;
        for (let t = Date.parse(items[0].createdAt) + DAY; t < now; t += DAY) {
          await deps.recordCostSnapshot(new Date(t));
          days += 1;
        }
        await deps.recordCostSnapshot(new Date(now));
        deps.logger.info(
          `Backfilled ${days} days of demo cost history for ${totalCount} clusters (demo data)`,
        );
      }
      if (!hasCompliance) await deps.complianceHistory.backfill(new Date(now));
      done = true;
    },
  };
  return { task, settled: () => done };
}

/**
 * The demo history task when the demo fleet is on (`palette.demoData.fleet`,
 * the embedded defaults), else undefined: production databases never get
 * backdated data.
 */
export function demoHistoryIfEnabled(config: Config, deps: DemoHistoryDeps) {
  return config.getOptionalBoolean('palette.demoData.fleet')
    ? demoHistoryTask(deps)
    : undefined;
}
