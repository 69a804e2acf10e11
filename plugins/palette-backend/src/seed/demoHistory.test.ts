import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { demoHistoryIfEnabled, demoHistoryTask } from './demoHistory';

const DAY = 24 * 3600_000;

/** A clusters store that answers `list` with a fleet in the given phases. */
function fleet(phaseCounts: Record<string, number>, oldestCreatedAt: string) {
  return {
    list: jest.fn(async () => ({
      items: [{ createdAt: oldestCreatedAt }],
      phaseCounts,
      totalCount: Object.values(phaseCounts).reduce((a, b) => a + b, 0),
    })),
  } as unknown as DatabaseClusterStore;
}

/** A compliance history that is written once. */
function complianceHistory(written = false) {
  let history = written;
  return {
    hasHistory: jest.fn(async () => history),
    backfill: jest.fn(async () => {
      history = true;
      return 3;
    }),
  };
}

describe('demoHistoryTask', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const logger = mockServices.logger.mock();

  it('waits while the demo fleet provisions, then replays cost one day at a time, once', async () => {
    const phases: Record<string, number> = {
      Running: 20,
      Provisioning: 2,
      PendingApproval: 2,
    };
    const recorded: Date[] = [];
    let history = false;
    const compliance = complianceHistory();
    const task = demoHistoryTask({
      clusterStore: fleet(
        phases,
        new Date(now.getTime() - 3.5 * DAY).toISOString(),
      ),
      recordCostSnapshot: async at => {
        recorded.push(at);
        history = true;
        return 24;
      },
      hasCostHistory: async () => history,
      complianceHistory: compliance,
      logger,
      clock: () => now,
    });
    await task.task.fn(new AbortController().signal as any);
    expect(recorded).toEqual([]);
    expect(compliance.backfill).not.toHaveBeenCalled();
    expect(task.settled()).toBe(false);

    // Pending approvals do not hold it up; provisioning clusters do.
    delete phases.Provisioning;
    phases.Running = 22;
    await task.task.fn(new AbortController().signal as any);
    expect(recorded.map(d => d.toISOString())).toEqual([
      // Day by day from the oldest request (3.5 days ago), then up to now.
      '2026-11-22T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
      '2026-11-24T12:00:00.000Z',
    ]);
    expect(history).toBe(true);
    // Compliance history follows, up to the same moment.
    expect(compliance.backfill).toHaveBeenCalledTimes(1);
    expect(compliance.backfill).toHaveBeenCalledWith(now);
    expect(task.settled()).toBe(true);
    await task.task.fn(new AbortController().signal as any);
    expect(recorded).toHaveLength(4);
    expect(compliance.backfill).toHaveBeenCalledTimes(1);
  });

  it('leaves a fleet with cost and compliance history alone', async () => {
    const record = jest.fn();
    const compliance = complianceHistory(true);
    const task = demoHistoryTask({
      clusterStore: fleet({ Running: 3 }, '2026-10-01T00:00:00Z'),
      recordCostSnapshot: record,
      hasCostHistory: async () => true,
      complianceHistory: compliance,
      logger,
      clock: () => now,
    });
    await task.task.fn(new AbortController().signal as any);
    expect(record).not.toHaveBeenCalled();
    expect(compliance.backfill).not.toHaveBeenCalled();
    expect(task.settled()).toBe(true);
  });

  it('backfills only compliance into a demo database that has cost history', async () => {
    const record = jest.fn();
    const compliance = complianceHistory();
    const task = demoHistoryTask({
      clusterStore: fleet({ Running: 3 }, '2026-10-01T00:00:00Z'),
      recordCostSnapshot: record,
      hasCostHistory: async () => true,
      complianceHistory: compliance,
      logger,
      clock: () => now,
    });
    await task.task.fn(new AbortController().signal as any);
    expect(record).not.toHaveBeenCalled();
    expect(compliance.backfill).toHaveBeenCalledTimes(1);
    expect(task.settled()).toBe(true);
  });

  it('is off unless the demo fleet is', () => {
    const deps = {
      clusterStore: fleet({}, '2026-10-01T00:00:00Z'),
      recordCostSnapshot: jest.fn(),
      hasCostHistory: jest.fn(),
      complianceHistory: complianceHistory(),
      logger,
    };
    const config = (demoData?: object) =>
      new ConfigReader(demoData ? { palette: { demoData } } : {});
    expect(demoHistoryIfEnabled(config(), deps)).toBeUndefined();
    expect(demoHistoryIfEnabled(config({ seed: true }), deps)).toBeUndefined();
    expect(
      demoHistoryIfEnabled(config({ fleet: false }), deps),
    ).toBeUndefined();
    expect(demoHistoryIfEnabled(config({ fleet: true }), deps)).toMatchObject({
      task: { id: 'palette-demo-history', scope: 'global' },
    });
  });

  it('backfills anyway once its patience runs out', async () => {
    let t = now.getTime();
    const record = jest.fn(async () => 1);
    const task = demoHistoryTask({
      clusterStore: fleet(
        { Provisioning: 1 },
        new Date(t - 1.5 * DAY).toISOString(),
      ),
      recordCostSnapshot: record,
      hasCostHistory: async () => false,
      complianceHistory: complianceHistory(),
      logger,
      clock: () => new Date(t),
      patienceMs: 60_000,
    });
    await task.task.fn(new AbortController().signal as any);
    expect(record).not.toHaveBeenCalled();
    t += 61_000;
    await task.task.fn(new AbortController().signal as any);
    expect(record).toHaveBeenCalledTimes(2);
  });
});
