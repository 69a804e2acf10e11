import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import {
  ALICE,
  createRolloutTestbed,
  mayUpdateAll,
  RolloutTestbed,
} from './__testUtils__/rolloutTestbed';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const MINUTE = 60_000;

describe.each(PALETTE_TEST_DATABASE_IDS)('rollout runner on %s', engine => {
  let bed: RolloutTestbed;

  async function setup(rolloutsConfig: object = {}) {
    bed = await createRolloutTestbed(
      await databases.init(engine),
      rolloutsConfig,
    );
    return bed;
  }

  const request = (overrides: object = {}) => ({
    profile: 'dev-full',
    targetVersion: '1.1.0',
    selector: {},
    canarySize: 1,
    batchSize: 2,
    healthTimeoutMinutes: 30,
    dryRun: false,
    ...overrides,
  });

  /** Lets the step a create, resume or rollback triggers finish first. */
  async function settled<T>(
    rollouts: ReturnType<RolloutTestbed['instance']>,
    action: Promise<T>,
  ): Promise<T> {
    const result = await action;
    await rollouts.runner.idle();
    return result;
  }

  /** Cluster statuses by name. */
  async function statuses(
    rollouts: ReturnType<RolloutTestbed['instance']>,
    id: string,
  ) {
    const rollout = await rollouts.service.get(id);
    return Object.fromEntries(rollout.items.map(i => [i.name, i.status]));
  }

  it('starts the canary first, then each wave once the previous one is healthy', async () => {
    await setup();
    for (const [name, env] of [
      ['prod-a', 'production'],
      ['dev-a', 'dev'],
      ['stage-a', 'staging'],
      ['dev-b', 'dev'],
      ['prod-b', 'production'],
    ])
      await bed.addCluster(name, env);
    const rollouts = bed.instance();
    const created = await settled(
      rollouts,
      rollouts.service.create(request(), ALICE, mayUpdateAll),
    );
    expect(
      created.waves.map(w => [w.kind, w.clusters.map(c => c.name)]),
    ).toEqual([
      ['canary', ['dev-a']],
      ['batch', ['dev-b', 'stage-a']],
      ['batch', ['prod-a', 'prod-b']],
    ]);
    expect(created.status).toBe('Pending');

    await rollouts.runner.tick();
    expect(await statuses(rollouts, created.id)).toEqual({
      'dev-a': 'Updating',
      'dev-b': 'Pending',
      'stage-a': 'Pending',
      'prod-a': 'Pending',
      'prod-b': 'Pending',
    });
    expect((await bed.clusterStore.get('dev-a'))!.profile?.version).toBe(
      '1.1.0',
    );
    // Not applied yet: the canary is not healthy, the next wave waits.
    await rollouts.runner.tick();
    expect((await statuses(rollouts, created.id))['dev-b']).toBe('Pending');

    await bed.converge('dev-a');
    await rollouts.runner.tick();
    expect(await statuses(rollouts, created.id)).toMatchObject({
      'dev-a': 'Succeeded',
      'dev-b': 'Updating',
      'stage-a': 'Updating',
      'prod-a': 'Pending',
    });
    await bed.converge('dev-b');
    await rollouts.runner.tick();
    // Half a wave is not a wave: production waits for stage-a too.
    expect((await statuses(rollouts, created.id))['prod-a']).toBe('Pending');
    await bed.converge('stage-a');
    await rollouts.runner.tick();
    await bed.converge('prod-a');
    await bed.converge('prod-b');
    await rollouts.runner.tick();

    const done = await rollouts.service.get(created.id);
    expect(done.status).toBe('Completed');
    expect(done.finishedAt).toBeDefined();
    expect(done.counts).toEqual({ Succeeded: 5 });
    expect(done.message).toBe('5 cluster(s) run dev-full@1.1.0');
    expect(await bed.upgradesPerCluster()).toEqual({
      'dev-a': 1,
      'dev-b': 1,
      'stage-a': 1,
      'prod-a': 1,
      'prod-b': 1,
    });
    // The cluster's own audit event is the creator's; the rollout's names both.
    const [upgrade] = await bed.auditLog.list({
      action: 'cluster.upgrade',
      target: 'cluster:prod-b',
    });
    expect(upgrade.actor).toBe(ALICE);
    const [start] = await bed.auditLog.list({
      action: 'rollout.cluster.upgrade',
      target: 'cluster:prod-b',
    });
    expect(start).toMatchObject({
      actor: ALICE,
      after: expect.objectContaining({
        rollout: created.id,
        createdBy: ALICE,
        from: '1.0.0',
        to: '1.1.0',
      }),
    });
  });

  it('waits for closed maintenance windows, the cluster window overriding the environment one', async () => {
    // 2026-11-24 is a Tuesday; production opens on Saturdays at 02:00 UTC.
    await setup({
      maintenanceWindows: {
        production: { cron: '0 2 * * 6', durationMinutes: 120 },
      },
    });
    await bed.addCluster('prod-a', 'production');
    await bed.addCluster('prod-b', 'production');
    const rollouts = bed.instance();
    await rollouts.windows.set(
      'prod-b',
      { cron: '0 10 * * *', durationMinutes: 60 },
      ALICE,
    );
    const { id } = await settled(
      rollouts,
      rollouts.service.create(request({ canarySize: 2 }), ALICE, mayUpdateAll),
    );
    await rollouts.runner.tick();
    let rollout = await rollouts.service.get(id);
    expect(rollout.status).toBe('Running');
    expect(rollout.items).toEqual([
      expect.objectContaining({
        name: 'prod-a',
        status: 'Waiting',
        message: 'window opens 2026-11-28T02:00:00.000Z',
      }),
      expect.objectContaining({ name: 'prod-b', status: 'Updating' }),
    ]);
    await bed.converge('prod-b');
    bed.clock.advance(60 * MINUTE);
    await rollouts.runner.tick();
    expect(await statuses(rollouts, id)).toEqual({
      'prod-a': 'Waiting',
      'prod-b': 'Succeeded',
    });
    // Saturday 02:30: open.
    bed.clock.advance(3 * 24 * 60 * MINUTE + 15.5 * 60 * MINUTE);
    await rollouts.runner.tick();
    rollout = await rollouts.service.get(id);
    expect(rollout.items[0]).toMatchObject({
      name: 'prod-a',
      status: 'Updating',
    });
    expect(rollout.items[0].message).toBeUndefined();
  });

  it('halts on a failure, lets the rest of the wave finish, and resumes with a retry', async () => {
    await setup();
    for (const name of ['a', 'b', 'c', 'd']) await bed.addCluster(name);
    const rollouts = bed.instance();
    const { id } = await settled(
      rollouts,
      rollouts.service.create(request({ canarySize: 2 }), ALICE, mayUpdateAll),
    );
    await rollouts.runner.tick();
    await bed.converge('a', 'Degraded');
    await rollouts.runner.tick();
    let rollout = await rollouts.service.get(id);
    expect(rollout.status).toBe('PartiallyApplied');
    expect(rollout.message).toBe(
      'Halted: a failed (Degraded on 1.1.0: Degraded for a test). Resume to retry, or roll back.',
    );
    expect(await statuses(rollouts, id)).toEqual({
      a: 'Failed',
      b: 'Updating',
      c: 'Pending',
      d: 'Pending',
    });
    // b was under way: it finishes and is recorded, nothing new starts.
    await bed.converge('b');
    await rollouts.runner.tick();
    expect(await statuses(rollouts, id)).toEqual({
      a: 'Failed',
      b: 'Succeeded',
      c: 'Pending',
      d: 'Pending',
    });

    await expect(rollouts.service.pause(id, ALICE)).rejects.toThrow(
      /is PartiallyApplied: it can be paused only when Pending or Running/,
    );
    // Someone repairs a; resuming retries it: it already asks for 1.1.0,
    // so its health is watched again rather than upgraded a second time.
    await bed.converge('a');
    const resumed = await settled(
      rollouts,
      rollouts.service.resume(id, ALICE, mayUpdateAll),
    );
    expect(resumed.status).toBe('Running');
    expect((await rollouts.service.get(id)).items[0]).toMatchObject({
      name: 'a',
      status: 'Updating',
    });
    await rollouts.runner.tick();
    expect(await statuses(rollouts, id)).toEqual({
      a: 'Succeeded',
      b: 'Succeeded',
      c: 'Updating',
      d: 'Updating',
    });
    await bed.converge('c');
    await bed.converge('d');
    await rollouts.runner.tick();
    rollout = await rollouts.service.get(id);
    expect(rollout.status).toBe('Completed');
    expect(await bed.upgradesPerCluster()).toEqual({ a: 1, b: 1, c: 1, d: 1 });
  });

  it('fails clusters that are not healthy in time, and refused upgrades at once', async () => {
    await setup();
    await bed.addCluster('slow');
    await bed.addCluster('other');
    const rollouts = bed.instance();
    const { id } = await settled(
      rollouts,
      rollouts.service.create(
        request({ canarySize: 1, healthTimeoutMinutes: 10 }),
        ALICE,
        mayUpdateAll,
      ),
    );
    await rollouts.runner.tick();
    bed.clock.advance(11 * MINUTE);
    await rollouts.runner.tick();
    const rollout = await rollouts.service.get(id);
    expect(rollout.status).toBe('PartiallyApplied');
    expect(rollout.items[0]).toMatchObject({
      name: 'other',
      status: 'Failed',
      message:
        'not healthy on 1.1.0 within 10 minutes (the change was not applied yet)',
    });

    // A version deprecated since is refused by the cluster service: Failed, with its reason.
    await bed.profiles.setDeprecated('dev-full', '1.1.0', true, ALICE);
    await settled(rollouts, rollouts.service.resume(id, ALICE, mayUpdateAll));
    await bed.converge('other');
    await rollouts.runner.tick();
    await rollouts.runner.tick();
    const after = await rollouts.service.get(id);
    expect(after.items.find(i => i.name === 'slow')).toMatchObject({
      status: 'Failed',
      message: expect.stringContaining('upgrade refused: Invalid upgrade'),
    });
    expect(after.status).toBe('PartiallyApplied');
  });

  it('rolls back the failed clusters, or all the moved ones', async () => {
    await setup();
    for (const name of ['a', 'b', 'c', 'd']) await bed.addCluster(name);
    const rollouts = bed.instance();
    const first = await settled(
      rollouts,
      rollouts.service.create(
        request({ canarySize: 2, selector: { clusters: ['a', 'b', 'd'] } }),
        ALICE,
        mayUpdateAll,
      ),
    );
    await rollouts.runner.tick();
    await bed.converge('a', 'Failed');
    await bed.converge('b');
    await rollouts.runner.tick();
    expect((await rollouts.service.get(first.id)).status).toBe(
      'PartiallyApplied',
    );

    const rolling = await settled(
      rollouts,
      rollouts.service.rollback(first.id, 'failed', ALICE, mayUpdateAll),
    );
    expect(rolling.status).toBe('RolledBack');
    expect(rolling.finishedAt).toBeUndefined();
    // d never started: it stays on 1.0.0, skipped for good.
    expect(await statuses(rollouts, first.id)).toEqual({
      a: 'RollingBack',
      b: 'Succeeded',
      d: 'Skipped',
    });
    expect((await bed.clusterStore.get('a'))!.profile?.version).toBe('1.0.0');
    await bed.converge('a');
    await rollouts.runner.tick();
    const rolledBack = await rollouts.service.get(first.id);
    expect(rolledBack.items[0]).toMatchObject({
      name: 'a',
      status: 'RolledBack',
    });
    expect(rolledBack.finishedAt).toBeDefined();
    expect(rolledBack.message).toBe('Rolled back: a');
    await expect(
      rollouts.service.rollback(first.id, 'all', ALICE, mayUpdateAll),
    ).rejects.toThrow(/is RolledBack: it can be rolled back only when/);

    // A completed rollout goes back entirely.
    const second = await settled(
      rollouts,
      rollouts.service.create(
        request({ canarySize: 1, selector: { clusters: ['c'] } }),
        ALICE,
        mayUpdateAll,
      ),
    );
    await rollouts.runner.tick();
    await bed.converge('c');
    await rollouts.runner.tick();
    expect((await rollouts.service.get(second.id)).status).toBe('Completed');
    await settled(
      rollouts,
      rollouts.service.rollback(second.id, 'all', ALICE, mayUpdateAll),
    );
    await bed.converge('c');
    await rollouts.runner.tick();
    const all = await rollouts.service.get(second.id);
    expect(all.items[0]).toMatchObject({ name: 'c', status: 'RolledBack' });
    expect((await bed.clusterStore.get('c'))!.profile?.version).toBe('1.0.0');
  });

  it('continues after a restart in the middle of a rollout, upgrading nobody twice', async () => {
    await setup();
    for (const name of ['a', 'b', 'c']) await bed.addCluster(name);
    const before = bed.instance();
    const { id } = await settled(
      before,
      before.service.create(request(), ALICE, mayUpdateAll),
    );
    await before.runner.tick();
    await before.runner.tick();

    // A new backend instance on the same database: nothing in memory survives.
    const after = bed.instance();
    await after.runner.tick();
    expect(await statuses(after, id)).toEqual({
      a: 'Updating',
      b: 'Pending',
      c: 'Pending',
    });
    await bed.converge('a');
    await after.runner.tick();
    await bed.converge('b');
    await bed.converge('c');
    await after.runner.tick();
    expect((await after.service.get(id)).status).toBe('Completed');
    expect(await bed.upgradesPerCluster()).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('times out a claim whose upgrade was interrupted, without asking twice', async () => {
    await setup();
    await bed.addCluster('a');
    const rollouts = bed.instance();
    // Stored directly: no step is triggered, the test plays the stopped backend.
    const { id } = await rollouts.store.create(
      {
        ...request(),
        waves: [[{ name: 'a', fromVersion: '1.0.0', status: 'Pending' }]],
      },
      ALICE,
    );
    // What a backend that stopped between the claim and the upgrade leaves behind.
    await rollouts.store.moveCluster(id, 'a', ['Pending'], {
      status: 'Updating',
      started: true,
    });
    await rollouts.runner.tick();
    expect(await bed.upgradesPerCluster()).toEqual({});
    bed.clock.advance(31 * MINUTE);
    await rollouts.runner.tick();
    const rollout = await rollouts.service.get(id);
    expect(rollout.status).toBe('PartiallyApplied');
    expect(rollout.items[0].message).toMatch(
      /interrupted before it was requested/,
    );
  });

  it('never upgrades a cluster twice when two instances tick at once', async () => {
    await setup();
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const name of names) await bed.addCluster(name);
    const one = bed.instance();
    const two = bed.instance();
    const { id } = await one.service.create(
      request({ canarySize: 3, batchSize: 2 }),
      ALICE,
      mayUpdateAll,
    );
    for (let round = 0; round < 4; round++) {
      await Promise.all([
        one.runner.tick(),
        two.runner.tick(),
        one.runner.tick(),
      ]);
      for (const name of names) await bed.converge(name);
    }
    await Promise.all([one.runner.tick(), two.runner.tick()]);
    await one.runner.idle();
    expect((await one.service.get(id)).status).toBe('Completed');
    expect(await bed.upgradesPerCluster()).toEqual(
      Object.fromEntries(names.map(n => [n, 1])),
    );
    const completions = await bed.auditLog.list({ action: 'rollout.complete' });
    expect(completions).toHaveLength(1);
  });
});
