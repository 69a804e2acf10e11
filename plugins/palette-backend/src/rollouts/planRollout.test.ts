import { InputError, NotAllowedError } from '@backstage/errors';
import { environmentRank, PlanCandidate, planRollout } from './planRollout';

const cluster = (
  name: string,
  environment: string,
  version = '1.0.0',
  overrides: Partial<PlanCandidate> = {},
): PlanCandidate => ({
  name,
  environment,
  phase: 'Running',
  profile: { name: 'web', version },
  deleting: false,
  ...overrides,
});

const plan = (
  candidates: PlanCandidate[],
  overrides: Partial<Parameters<typeof planRollout>[0]> = {},
) =>
  planRollout({
    profile: 'web',
    targetVersion: '1.10.0',
    canarySize: 1,
    batchSize: 2,
    candidates,
    mayUpdate: () => true,
    ...overrides,
  });

const names = (waves: ReturnType<typeof planRollout>) =>
  waves.map(w => w.map(c => `${c.name}:${c.status}`));

describe('planRollout', () => {
  it('ranks dev-like environments first and production last', () => {
    expect(
      ['production', 'qa', 'staging', 'dev', 'perf', 'prod-eu'].sort(
        (a, b) => environmentRank(a) - environmentRank(b),
      ),
    ).toEqual(['qa', 'dev', 'staging', 'perf', 'production', 'prod-eu']);
  });

  it('plans a canary then batches, in environment then name order, only clusters on older versions (semver)', () => {
    const waves = plan([
      cluster('p2', 'production'),
      cluster('p1', 'production', '1.9.0'),
      cluster('d2', 'dev'),
      cluster('d1', 'dev', '1.2.0'),
      cluster('s1', 'staging'),
      // 1.10.0 is not older than 1.10.0, 1.11.0 is newer (not "1.11" < "1.10" as strings).
      cluster('current', 'dev', '1.10.0'),
      cluster('newer', 'dev', '1.11.0'),
      cluster('gone', 'dev', '1.0.0', { deleting: true }),
      cluster('waiting', 'dev', '1.0.0', { phase: 'PendingApproval' }),
    ]);
    expect(names(waves)).toEqual([
      ['d1:Pending'],
      ['d2:Pending', 's1:Pending'],
      ['p1:Pending', 'p2:Pending'],
    ]);
    expect(waves[0][0].fromVersion).toBe('1.2.0');
  });

  it('skips, with the reason, clusters the creator may not update and explicitly named ones that cannot move', () => {
    const waves = plan(
      [
        cluster('a', 'dev'),
        cluster('b', 'dev'),
        cluster('c', 'dev'),
        cluster('imported', 'dev', '', { profile: undefined }),
        cluster('done', 'dev', '1.10.0'),
      ],
      {
        mayUpdate: name => name !== 'b',
        explicit: new Set(['a', 'b', 'c', 'imported', 'done', 'nowhere']),
        missing: ['nowhere'],
      },
    );
    expect(names(waves)).toEqual([
      ['a:Pending', 'b:Skipped'],
      ['c:Pending', 'done:Skipped', 'imported:Skipped', 'nowhere:Skipped'],
    ]);
    const flat = waves.flat();
    expect(flat.find(c => c.name === 'b')!.message).toBe(
      'the rollout creator is not allowed to update this cluster',
    );
    expect(flat.find(c => c.name === 'imported')!.message).toMatch(
      /^imported cluster/,
    );
    expect(flat.find(c => c.name === 'done')!.message).toBe(
      'already runs 1.10.0',
    );
    expect(flat.find(c => c.name === 'nowhere')!.message).toBe(
      'no live cluster has this name',
    );
  });

  it('refuses a rollout with nothing to move: 403 when only permissions stand in the way, 400 otherwise', () => {
    expect(() =>
      plan([cluster('a', 'dev')], { mayUpdate: () => false }),
    ).toThrow(NotAllowedError);
    expect(() => plan([cluster('a', 'dev', '1.10.0')])).toThrow(InputError);
    expect(() => plan([])).toThrow(
      'No cluster of profile "web" matching the selector runs a version older than 1.10.0',
    );
  });
});
