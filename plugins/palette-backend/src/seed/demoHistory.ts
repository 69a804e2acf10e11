import {
  LoggerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
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
  logger: LoggerService;
  clock?: () => Date;
  /** How long to wait for the demo fleet to run before backfilling anyway. */
  patienceMs?: number;
}

/**
 * Backdated cost history for the demo fleet. Cost is accrued from each
 * cluster's observed nodes, so the history can only be written once the
 * demo clusters run on the embedded management cluster: this task waits
 * for that, then replays the cost snapshot, one day at a time, from the
 * oldest demo request to now, through the same code as the hourly task. It
 * runs once per database (a fleet with cost history is left alone); the
 * regular snapshot task starts later than this one.
 */
export function demoHistoryTask(deps: DemoHistoryDeps): {
  task: SchedulerServiceTaskScheduleDefinition &
    SchedulerServiceTaskInvocationDefinition;
  /**
   * Whether the history is written (or was already there). Until then the
   * regular snapshot task must not run: it would accrue only the last day,
   * and its marks would leave nothing before them to backfill.
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
      if (await deps.hasCostHistory()) {
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
      let days = 0;
      for (let t = Date.parse(items[0].createdAt) + DAY; t < now; t += DAY) {
        await deps.recordCostSnapshot(new Date(t));
        days += 1;
      }
      await deps.recordCostSnapshot(new Date(now));
      done = true;
      deps.logger.info(
        `Backfilled ${days} days of demo cost history for ${totalCount} clusters (demo data)`,
      );
    },
  };
  return { task, settled: () => done };
}
