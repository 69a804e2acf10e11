import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  createRolloutTestbed,
  RolloutTestbed,
  rolloutRoutesApp,
  ClusterPolicy,
} from '../rollouts/__testUtils__/rolloutTestbed';
import { createPaletteTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createPaletteTestDatabases();
const alice = mockCredentials.user.header('user:default/alice');

describe('rollout routes', () => {
  let bed: RolloutTestbed;
  let rollouts: ReturnType<RolloutTestbed['instance']>;
  let app: ReturnType<typeof rolloutRoutesApp>['app'];
  let auditEvents: ReturnType<typeof rolloutRoutesApp>['auditEvents'];
  let policy: ClusterPolicy;

  beforeEach(async () => {
    bed = await createRolloutTestbed(await databases.init('SQLITE_3'), {
      maintenanceWindows: {
        production: { cron: '0 2 * * 6', durationMinutes: 120 },
      },
    });
    for (const name of ['a', 'b', 'c']) await bed.addCluster(name);
    await bed.addCluster('p', 'production');
    policy = { denied: new Set(), deniedOn: {} };
    rollouts = bed.instance();
    ({ app, auditEvents } = rolloutRoutesApp(rollouts, policy));
  });
  afterEach(() => rollouts.runner.idle());

  const post = (path: string, body: object = {}) =>
    request(app).post(path).set('authorization', alice).send(body);
  const get = (path: string) =>
    request(app).get(path).set('authorization', alice);
  const create = (body: object = {}) =>
    post('/rollouts', { profile: 'dev-full', targetVersion: '1.1.0', ...body });

  it('creates a rollout for a rollout manager, leaving out the clusters they may not update', async () => {
    policy.deniedOn['palette.cluster.update'] = ['b'];
    const res = await create({ canarySize: 1, batchSize: 5 });
    expect(res.status).toBe(201);
    expect(
      res.body.waves.map((w: any) =>
        w.clusters.map((c: any) => [c.name, c.status]),
      ),
    ).toEqual([
      [
        ['a', 'Pending'],
        ['b', 'Skipped'],
      ],
      [
        ['c', 'Pending'],
        ['p', 'Pending'],
      ],
    ]);
    expect(res.body.waves[0].clusters[1].message).toBe(
      'the rollout creator is not allowed to update this cluster',
    );
    expect(auditEvents).toEqual([
      {
        eventId: 'rollout-change',
        meta: { action: 'rollout.create', target: 'rollout:new' },
        outcome: 'success',
      },
    ]);
    const [stored] = await bed.auditLog.list({ action: 'rollout.create' });
    expect(stored.target).toBe(`rollout:${res.body.id}`);

    const list = await get('/rollouts?status=Pending,Running');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.id)).toEqual([res.body.id]);
    const one = await get(`/rollouts/${res.body.id}`);
    expect(one.body).toMatchObject({
      id: res.body.id,
      createdBy: 'user:default/alice',
    });
    expect(one.body).not.toHaveProperty('runAs');
    expect(one.body).not.toHaveProperty('items');
  });

  it('plans without storing on a dry run', async () => {
    const res = await create({ dryRun: true, canarySize: 2 });
    expect(res.status).toBe(200);
    expect(res.body.waves.map((w: any) => w.clusters.length)).toEqual([2, 2]);
    expect((await get('/rollouts')).body.totalCount).toBe(0);
  });

  it('refuses callers without the permissions: 403, and 403 when they may update none of the clusters', async () => {
    policy.denied.add('palette.rollout.manage');
    expect((await create()).status).toBe(403);
    policy.denied.clear();
    policy.deniedOn['palette.cluster.update'] = ['a', 'b', 'c', 'p'];
    const none = await create();
    expect(none.status).toBe(403);
    expect(none.body.error.message).toMatch(
      /not allowed to update any of the 4 cluster/,
    );
    policy.denied.add('palette.fleet.read');
    expect((await get('/rollouts')).status).toBe(403);
    expect(
      (
        await request(app)
          .get('/rollouts')
          .set('authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
  });

  it('answers bad input with 400 and unknown things with 404', async () => {
    const bad = await create({ canarySize: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/canarySize/);
    expect((await create({ targetVersion: '9.9.9' })).status).toBe(404);
    expect((await create({ profile: 'nope' })).status).toBe(404);
    await bed.profiles.setDeprecated(
      'dev-full',
      '1.1.0',
      true,
      'user:default/p',
    );
    const deprecated = await create();
    expect(deprecated.status).toBe(400);
    expect(deprecated.body.error.message).toMatch(/deprecated/);
    expect((await create({ targetVersion: '1.0.0' })).status).toBe(400);
    expect((await get('/rollouts?status=Bogus')).status).toBe(400);
    expect(
      (await get('/rollouts/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect(
      (await post('/rollouts/00000000-0000-4000-8000-000000000000/pause'))
        .status,
    ).toBe(404);
    const { body } = await create();
    expect(
      (await post(`/rollouts/${body.id}/rollback`, { scope: 'some' })).status,
    ).toBe(400);
  });

  it('pauses, resumes and cancels, refusing invalid transitions with 409', async () => {
    const { body } = await create();
    await rollouts.runner.idle();
    const paused = await post(`/rollouts/${body.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('Paused');
    const again = await post(`/rollouts/${body.id}/pause`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `Rollout ${body.id} is Paused: it can be paused only when Pending or Running`,
    );
    // Resuming re-checks each cluster still to move for the resuming user.
    policy.deniedOn['palette.cluster.update'] = ['c'];
    const resumed = await post(`/rollouts/${body.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('Running');
    const c = resumed.body.waves
      .flatMap((w: any) => w.clusters)
      .find((x: any) => x.name === 'c');
    expect(c).toMatchObject({
      status: 'Skipped',
      message: 'user:default/alice is not allowed to update this cluster',
    });
    const rollback = await post(`/rollouts/${body.id}/rollback`, {
      scope: 'all',
    });
    expect(rollback.status).toBe(409);
    const cancelled = await post(`/rollouts/${body.id}/cancel`);
    expect(cancelled.body).toMatchObject({
      status: 'Cancelled',
      finishedAt: expect.any(String),
    });
    expect((await post(`/rollouts/${body.id}/resume`)).status).toBe(409);
    const actions = (
      await bed.auditLog.list({ target: `rollout:${body.id}` })
    ).map(e => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'rollout.create',
        'rollout.pause',
        'rollout.resume',
        'rollout.cancel',
      ]),
    );
    expect(
      auditEvents
        .filter(e => e.outcome === 'fail')
        .map(e => (e.meta as any).action),
    ).toEqual(['rollout.pause', 'rollout.rollback', 'rollout.resume']);
  });

  it('reads and sets a cluster maintenance window with palette.cluster.update on it', async () => {
    const initial = await get('/clusters/p/maintenance-window');
    expect(initial.body).toEqual({
      window: null,
      environmentWindow: { cron: '0 2 * * 6', durationMinutes: 120 },
      open: false,
      nextOpening: '2026-11-28T02:00:00.000Z',
    });
    const window = {
      cron: '0 9 * * *',
      durationMinutes: 120,
      timeZone: 'Europe/Berlin',
    };
    const put = (name: string, body: object) =>
      request(app)
        .put(`/clusters/${name}/maintenance-window`)
        .set('authorization', alice)
        .send(body);
    const set = await put('p', { window });
    expect(set.status).toBe(200);
    // Now is 11:00 in Berlin: the two-hour window from 09:00 has just closed.
    expect(set.body).toMatchObject({
      window,
      open: false,
      nextOpening: '2026-11-25T08:00:00.000Z',
    });
    expect(
      (await put('p', { window: { ...window, cron: '0 9 * * funday' } }))
        .status,
    ).toBe(400);
    expect(
      (await put('p', { window: { ...window, timeZone: 'Mars/Base' } })).status,
    ).toBe(400);
    expect((await put('p', { window: { cron: '0 9 * * *' } })).status).toBe(
      400,
    );
    expect((await put('nowhere', { window })).status).toBe(404);
    policy.deniedOn['palette.cluster.update'] = ['a'];
    expect((await put('a', { window })).status).toBe(403);
    policy.deniedOn['palette.cluster.read'] = ['a'];
    expect((await get('/clusters/a/maintenance-window')).status).toBe(404);
    const removed = await put('p', { window: null });
    expect(removed.body.window).toBeNull();
    const [event] = await bed.auditLog.list({
      action: 'cluster.maintenance-window.update',
    });
    expect(event).toMatchObject({
      target: 'cluster:p',
      before: window,
      actor: 'user:default/alice',
    });
  });
});
