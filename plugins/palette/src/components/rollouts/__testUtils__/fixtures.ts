import {
  Rollout,
  RolloutCluster,
  RolloutWave,
} from '@palette-backstage/plugin-palette-common';

/** One cluster's part in a rollout, on 1.0.0. */
export function rolloutCluster(
  overrides: Partial<RolloutCluster> = {},
): RolloutCluster {
  return {
    name: 'dev-eks-01',
    status: 'Pending',
    fromVersion: '1.0.0',
    ...overrides,
  };
}

/** A wave of clusters. */
export function wave(
  index: number,
  clusters: RolloutCluster[],
  overrides: Partial<RolloutWave> = {},
): RolloutWave {
  return {
    index,
    kind: index === 0 ? 'canary' : 'batch',
    status: 'Pending',
    clusters,
    ...overrides,
  };
}

/** Counts by status over every wave, as palette-backend reports them. */
export function countsOf(waves: RolloutWave[]): Rollout['counts'] {
  const counts: Rollout['counts'] = {};
  for (const w of waves)
    for (const c of w.clusters) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return counts;
}

/**
 * A rollout of aws-infra 1.1.0 that halted: the canary succeeded, the
 * first batch has a failed cluster, one cluster was skipped.
 */
export function rollout(overrides: Partial<Rollout> = {}): Rollout {
  const waves = overrides.waves ?? [
    wave(
      0,
      [
        rolloutCluster({
          name: 'dev-eks-01',
          status: 'Succeeded',
          startedAt: '2026-10-06T09:00:00Z',
          finishedAt: '2026-10-06T09:20:00Z',
        }),
      ],
      { status: 'Succeeded' },
    ),
    wave(
      1,
      [
        rolloutCluster({ name: 'dev-eks-02', status: 'Succeeded' }),
        rolloutCluster({
          name: 'dev-eks-03',
          status: 'Failed',
          message: 'not healthy after 60 min: 1 of 3 machines not ready',
        }),
        rolloutCluster({
          name: 'dev-eks-04',
          status: 'Skipped',
          fromVersion: '0.9.0',
          message: 'paused',
        }),
      ],
      { status: 'Failed' },
    ),
    wave(2, [rolloutCluster({ name: 'dev-eks-05' })]),
  ];
  return {
    id: 'r-1',
    profile: 'aws-infra',
    targetVersion: '1.1.0',
    selector: { environments: ['dev'] },
    canarySize: 1,
    batchSize: 3,
    healthTimeoutMinutes: 60,
    status: 'PartiallyApplied',
    message: 'dev-eks-03 failed: not healthy after 60 min',
    waves,
    counts: countsOf(waves),
    createdBy: 'user:default/jane',
    createdAt: '2026-10-06T08:55:00Z',
    updatedAt: '2026-10-06T10:00:00Z',
    ...overrides,
  };
}

/** A rollout as lists show it, without its waves. */
export function rolloutItem(overrides: Partial<Rollout> = {}) {
  const { waves: _waves, ...item } = rollout(overrides);
  return item;
}
