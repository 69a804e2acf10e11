import { ConflictError, NotFoundError } from '@backstage/errors';
import { MaintenanceWindow } from '@palette-backstage/plugin-palette-common';
import { AuditLog } from '../audit/AuditLog';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { CREATED, manualClock, newCluster } from '../clusters/testFixtures';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { DatabaseMaintenanceWindowStore } from './DatabaseMaintenanceWindowStore';
import { DatabaseRolloutStore, NewRollout } from './DatabaseRolloutStore';
import { countClustersPerVersion, toProfileUsage } from './profileUsage';

jest.setTimeout(60_000);

const databases = createPaletteTestDatabases();
const ALICE = 'user:default/alice';

const rollout = (overrides: Partial<NewRollout> = {}): NewRollout => ({
  profile: 'dev-full',
  targetVersion: '1.1.0',
  selector: { environments: ['dev'] },
  canarySize: 1,
  batchSize: 2,
  healthTimeoutMinutes: 30,
  waves: [
    [{ name: 'a', fromVersion: '1.0.0', status: 'Pending' }],
    [
      { name: 'b', fromVersion: '1.0.0', status: 'Pending' },
      {
        name: 'c',
        fromVersion: '1.0.0',
        status: 'Skipped',
        message: 'not allowed',
      },
    ],
  ],
  ...overrides,
});

describe.each(PALETTE_TEST_DATABASE_IDS)('rollout store on %s', engine => {
  async function setup() {
    const knex = await databases.init(engine);
    await applyDatabaseMigrations(knex);
    const clock = manualClock();
    const auditLog = new AuditLog(knex, { clock: clock.fn });
    return {
      knex,
      clock,
      auditLog,
      store: new DatabaseRolloutStore({ db: knex, auditLog, clock: clock.fn }),
      windows: new DatabaseMaintenanceWindowStore({
        db: knex,
        auditLog,
        clock: clock.fn,
      }),
      clusters: new DatabaseClusterStore({ db: knex, auditLog }),
    };
  }

  it('stores a rollout with its waves and counts, and audits its creation', async () => {
    const { store, auditLog } = await setup();
    const created = await store.create(rollout(), ALICE);
    expect(created).toMatchObject({
      profile: 'dev-full',
      targetVersion: '1.1.0',
      selector: { environments: ['dev'] },
      status: 'Pending',
      createdBy: ALICE,
      runAs: ALICE,
      counts: { Pending: 2, Skipped: 1 },
    });
    expect(created.waves).toEqual([
      {
        index: 0,
        kind: 'canary',
        status: 'Pending',
        clusters: [{ name: 'a', status: 'Pending', fromVersion: '1.0.0' }],
      },
      {
        index: 1,
        kind: 'batch',
        status: 'Pending',
        clusters: [
          { name: 'b', status: 'Pending', fromVersion: '1.0.0' },
          expect.objectContaining({
            name: 'c',
            status: 'Skipped',
            message: 'not allowed',
            finishedAt: '2026-11-23T10:00:00.000Z',
          }),
        ],
      },
    ]);
    const [event] = await auditLog.list({ target: `rollout:${created.id}` });
    expect(event).toMatchObject({
      actor: ALICE,
      action: 'rollout.create',
      after: expect.objectContaining({ waves: [['a'], ['b', 'c']] }),
    });
    expect(await store.get('00000000-0000-4000-8000-000000000000')).toBe(
      undefined,
    );
  });

  it('lists newest first, filtered by status and profile, with counts per rollout', async () => {
    const { store, clock } = await setup();
    const first = await store.create(rollout(), ALICE);
    clock.advance(1000);
    const second = await store.create(
      rollout({
        profile: 'aws-infra',
        waves: [[{ name: 'x', fromVersion: '1.0.0', status: 'Pending' }]],
      }),
      ALICE,
    );
    await store.change(second.id, () => ({ status: 'Running' }), {
      actor: ALICE,
      action: 'rollout.start',
    });
    const all = await store.list();
    expect(all.totalCount).toBe(2);
    expect(all.items.map(i => [i.id, i.counts])).toEqual([
      [second.id, { Pending: 1 }],
      [first.id, { Pending: 2, Skipped: 1 }],
    ]);
    expect(all.items[0]).not.toHaveProperty('waves');
    expect(
      (await store.list({ status: ['Running'] })).items.map(i => i.id),
    ).toEqual([second.id]);
    expect(
      (await store.list({ profile: 'dev-full' })).items.map(i => i.id),
    ).toEqual([first.id]);
    const page = await store.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ totalCount: 2, items: [{ id: first.id }] });
  });

  it('changes a rollout and its clusters in one audited transaction, or not at all', async () => {
    const { store, auditLog } = await setup();
    const { id } = await store.create(rollout(), ALICE);
    const changed = await store.change(
      id,
      () => ({
        status: 'Cancelled',
        message: 'Cancelled by alice',
        finished: true,
        clusters: [{ name: 'a', status: 'Skipped', message: 'cancelled' }],
      }),
      { actor: ALICE, action: 'rollout.cancel' },
    );
    expect(changed).toMatchObject({
      status: 'Cancelled',
      message: 'Cancelled by alice',
      finishedAt: expect.any(String),
      counts: { Skipped: 2, Pending: 1 },
    });
    await expect(
      store.change(
        id,
        current => {
          DatabaseRolloutStore.requireStatus(current, ['Paused'], 'resumed');
          return { status: 'Running' };
        },
        { actor: ALICE, action: 'rollout.resume' },
      ),
    ).rejects.toThrow(
      new ConflictError(
        `Rollout ${id} is Cancelled: it can be resumed only when Paused`,
      ),
    );
    // Nothing to do: no audit event either.
    await store.change(id, () => undefined, { actor: ALICE, action: 'noop' });
    const actions = (await auditLog.list({ target: `rollout:${id}` })).map(
      e => e.action,
    );
    expect(actions).toEqual(['rollout.cancel', 'rollout.create']);
    await expect(
      store.change('00000000-0000-4000-8000-000000000000', () => ({}), {
        actor: ALICE,
        action: 'x',
      }),
    ).rejects.toThrow(NotFoundError);
  });

  it('moves a cluster only from the expected status (compare-and-set), once', async () => {
    const { store, auditLog } = await setup();
    const { id } = await store.create(rollout(), ALICE);
    const claim = () =>
      store.moveCluster(
        id,
        'a',
        ['Pending', 'Waiting'],
        { status: 'Updating', started: true },
        {
          actor: ALICE,
          action: 'rollout.cluster.upgrade',
          detail: { to: '1.1.0' },
        },
      );
    const results = await Promise.all([claim(), claim(), claim()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(
      await store.moveCluster(id, 'a', ['Updating'], {
        requestedGeneration: 4,
      }),
    ).toBe(true);
    const [item] = (await store.get(id))!.items;
    expect(item).toMatchObject({
      status: 'Updating',
      requestedGeneration: 4,
      startedAt: '2026-11-23T10:00:00.000Z',
    });
    const events = await auditLog.list({ action: 'rollout.cluster.upgrade' });
    expect(events).toEqual([
      expect.objectContaining({
        target: 'cluster:a',
        after: { rollout: id, status: 'Updating', to: '1.1.0' },
      }),
    ]);
    expect(await store.listActiveIds()).toEqual([id]);
    await store.change(id, () => ({ status: 'Paused' }), {
      actor: ALICE,
      action: 'rollout.pause',
    });
    // Paused, but a is still under way: the runner keeps watching it.
    expect(await store.listActiveIds()).toEqual([id]);
    await store.moveCluster(id, 'a', ['Updating'], {
      status: 'Succeeded',
      finished: true,
    });
    expect(await store.listActiveIds()).toEqual([]);
  });

  it('keeps clusters’ own maintenance windows, audited, gone with the cluster', async () => {
    const { windows, clusters, auditLog } = await setup();
    await clusters.create(newCluster('a'), CREATED);
    const b = await clusters.create(newCluster('b'), CREATED);
    const window = {
      cron: '0 2 * * 6',
      durationMinutes: 120,
      timeZone: 'Europe/Berlin',
    };
    await windows.set('a', window, ALICE);
    await windows.set('b', { cron: '0 3 * * *', durationMinutes: 60 }, ALICE);
    await windows.set('b', { cron: '0 4 * * *', durationMinutes: 60 }, ALICE);
    expect(await windows.get('a')).toEqual(window);
    expect(await windows.getMany(['a', 'b', 'c'])).toEqual(
      new Map<string, MaintenanceWindow>([
        ['a', window],
        ['b', { cron: '0 4 * * *', durationMinutes: 60 }],
      ]),
    );
    await windows.set('a', null, ALICE);
    expect(await windows.get('a')).toBeUndefined();
    await expect(windows.set('nowhere', window, ALICE)).rejects.toThrow(
      NotFoundError,
    );
    const events = await auditLog.list({
      action: 'cluster.maintenance-window.update',
    });
    expect(events.map(e => [e.target, e.before, e.after])).toEqual([
      ['cluster:a', window, undefined],
      [
        'cluster:b',
        { cron: '0 3 * * *', durationMinutes: 60 },
        { cron: '0 4 * * *', durationMinutes: 60 },
      ],
      ['cluster:b', undefined, { cron: '0 3 * * *', durationMinutes: 60 }],
      ['cluster:a', undefined, window],
    ]);
    await clusters.markDeleted(b.id, 'gone');
    expect(await windows.get('b')).toBeUndefined();
  });

  it('counts live clusters per profile version in the database', async () => {
    const { knex, clusters } = await setup();
    await clusters.create(newCluster('a'), CREATED);
    await clusters.create(newCluster('b'), CREATED);
    await clusters.create(
      newCluster('c', { profile: { name: 'dev-full', version: '1.1.0' } }),
      CREATED,
    );
    const gone = await clusters.create(
      newCluster('d', { profile: { name: 'dev-full', version: '1.1.0' } }),
      CREATED,
    );
    await clusters.markDeleted(gone.id, 'gone');
    await clusters.create(
      newCluster('e', { profile: { name: 'other', version: '1.0.0' } }),
      CREATED,
    );
    const counts = await countClustersPerVersion(knex, 'dev-full');
    expect(counts).toEqual(
      new Map([
        ['1.0.0', 2],
        ['1.1.0', 1],
      ]),
    );
    const usage = toProfileUsage(
      {
        name: 'dev-full',
        latestVersion: '1.2.0',
        versions: ['1.2.0', '1.1.0', '1.0.0'].map(version => ({
          version,
          changeNote: '',
          publishedAt: '',
          publishedBy: '',
          deprecated: false,
        })),
      } as any,
      counts,
    );
    expect(usage).toEqual({
      profile: 'dev-full',
      latestVersion: '1.2.0',
      versions: [
        { version: '1.2.0', clusters: 0 },
        { version: '1.1.0', clusters: 1 },
        { version: '1.0.0', clusters: 2 },
      ],
    });
  });
});
