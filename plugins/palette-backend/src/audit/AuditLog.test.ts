import { Knex } from 'knex';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../database/migrations';
import { AUDIT_EVENTS_TABLE, AuditLog } from './AuditLog';

jest.setTimeout(60_000);

const JANE = 'user:default/jane';
const JOE = 'user:default/joe';
const at = (time: string) => new Date(`2026-11-23T${time}Z`);

describe('AuditLog', () => {
  const databases = createPaletteTestDatabases();

  async function setUp(databaseId: (typeof PALETTE_TEST_DATABASE_IDS)[number]) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    return { knex, log: new AuditLog(knex) };
  }

  async function seed(log: AuditLog) {
    await log.record({
      actor: JANE,
      action: 'profile.create',
      target: 'profile:aws-infra',
      after: { name: 'aws-infra' },
      occurredAt: at('10:00:00.000'),
    });
    await log.record({
      actor: JANE,
      action: 'profile.publish',
      target: 'profile:aws-infra@1.0.0',
      after: { version: '1.0.0' },
      occurredAt: at('11:00:00.000'),
    });
    await log.record({
      actor: JOE,
      action: 'profile.create',
      target: 'profile:aws-infra-edge',
      occurredAt: at('12:00:00.000'),
    });
    await log.record({
      actor: JOE,
      action: 'profile.delete',
      target: 'profile:azure_base',
      before: { name: 'azure_base', tags: ['a'] },
      occurredAt: at('13:00:00.000'),
    });
    await log.record({
      actor: JANE,
      action: 'pack.create',
      target: 'pack:my-chart@1.0.0',
      occurredAt: at('14:00:00.000'),
    });
  }

  const targets = (events: { target: string }[]) => events.map(e => e.target);

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'records events and reads them back, newest first, on %p',
    async databaseId => {
      const { log } = await setUp(databaseId);
      const recorded = await log.record({
        actor: JANE,
        action: 'profile.deprecate',
        target: 'profile:aws-infra@1.0.0',
        before: { deprecated: false },
        after: { deprecated: true },
        occurredAt: at('09:30:00.123'),
      });
      expect(recorded.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      await seed(log);

      const events = await log.list();
      expect(events).toHaveLength(6);
      expect(events[5]).toEqual(recorded);
      expect(events[5]).toEqual({
        id: recorded.id,
        occurredAt: '2026-11-23T09:30:00.123Z',
        actor: JANE,
        action: 'profile.deprecate',
        target: 'profile:aws-infra@1.0.0',
        before: { deprecated: false },
        after: { deprecated: true },
      });
      expect(targets(events)).toEqual([
        'pack:my-chart@1.0.0',
        'profile:azure_base',
        'profile:aws-infra-edge',
        'profile:aws-infra@1.0.0',
        'profile:aws-infra',
        'profile:aws-infra@1.0.0',
      ]);
      // Absent before/after are left out rather than null.
      const create = events.find(e => e.target === 'profile:aws-infra-edge')!;
      expect(create).not.toHaveProperty('before');
      expect(create).not.toHaveProperty('after');
    },
  );

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'filters by actor, action, target prefix and time range on %p',
    async databaseId => {
      const { log } = await setUp(databaseId);
      await seed(log);

      expect(targets(await log.list({ actor: JOE }))).toEqual([
        'profile:azure_base',
        'profile:aws-infra-edge',
      ]);
      expect(targets(await log.list({ action: 'profile.create' }))).toEqual([
        'profile:aws-infra-edge',
        'profile:aws-infra',
      ]);
      expect(
        targets(await log.list({ actor: JANE, action: 'profile.create' })),
      ).toEqual(['profile:aws-infra']);

      // A prefix finds the versions too.
      expect(targets(await log.list({ target: 'profile:aws-infra@' }))).toEqual(
        ['profile:aws-infra@1.0.0'],
      );
      expect(targets(await log.list({ target: 'profile:aws-infra' }))).toEqual([
        'profile:aws-infra-edge',
        'profile:aws-infra@1.0.0',
        'profile:aws-infra',
      ]);
      expect(targets(await log.list({ target: 'pack:' }))).toEqual([
        'pack:my-chart@1.0.0',
      ]);
      // LIKE wildcards in the prefix are literal; the match is case-sensitive.
      expect(targets(await log.list({ target: 'profile:azure_' }))).toEqual([
        'profile:azure_base',
      ]);
      expect(await log.list({ target: 'profile:aws_' })).toEqual([]);
      expect(await log.list({ target: 'profile:%' })).toEqual([]);
      expect(await log.list({ target: 'PROFILE:aws' })).toEqual([]);

      // Both ends are inclusive; offsets other than Z are understood.
      expect(
        targets(
          await log.list({
            from: '2026-11-23T11:00:00.000Z',
            to: '2026-11-23T15:00:00+02:00', // 13:00Z
          }),
        ),
      ).toEqual([
        'profile:azure_base',
        'profile:aws-infra-edge',
        'profile:aws-infra@1.0.0',
      ]);
      expect(targets(await log.list({ from: '2026-11-23T13:30:00Z' }))).toEqual(
        ['pack:my-chart@1.0.0'],
      );
      expect(targets(await log.list({ to: '2026-11-23T10:00:00Z' }))).toEqual([
        'profile:aws-infra',
      ]);
      await expect(log.list({ from: 'yesterday' })).rejects.toThrow(/ISO 8601/);
    },
  );

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'limits the page, newest first, on %p',
    async databaseId => {
      const { log } = await setUp(databaseId);
      await seed(log);
      expect(targets(await log.list({ limit: 2 }))).toEqual([
        'pack:my-chart@1.0.0',
        'profile:azure_base',
      ]);
      expect(await log.list({ limit: 0 })).toHaveLength(1);
    },
  );

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'keeps the order of events recorded in the same millisecond on %p',
    async databaseId => {
      const { knex } = await setUp(databaseId);
      const frozen = at('10:00:00.000');
      const log = new AuditLog(knex, { clock: () => frozen });
      for (const n of [1, 2, 3, 4, 5]) {
        await log.record({
          actor: JANE,
          action: 'profile.draft.save',
          target: `profile:p${n}`,
        });
      }
      const events = await log.list();
      expect(targets(events)).toEqual([
        'profile:p5',
        'profile:p4',
        'profile:p3',
        'profile:p2',
        'profile:p1',
      ]);
      expect(events[4].occurredAt).toBe('2026-11-23T10:00:00.000Z');
      expect(events[0].occurredAt).toBe('2026-11-23T10:00:00.004Z');
    },
  );

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'writes in the given transaction, so a rollback drops the event on %p',
    async databaseId => {
      const { knex, log } = await setUp(databaseId);
      const rollback = new Error('rolled back');
      await expect(
        knex.transaction(async (tx: Knex.Transaction) => {
          await log.record(
            { actor: JANE, action: 'profile.delete', target: 'profile:x' },
            tx,
          );
          // Visible inside the transaction...
          expect(await tx(AUDIT_EVENTS_TABLE).count({ n: '*' })).toEqual([
            { n: databaseId === 'POSTGRES_17' ? '1' : 1 },
          ]);
          throw rollback;
        }),
      ).rejects.toBe(rollback);
      // ...and gone with it.
      expect(await log.list()).toEqual([]);

      await knex.transaction(async (tx: Knex.Transaction) => {
        await log.record(
          { actor: JANE, action: 'profile.delete', target: 'profile:y' },
          tx,
        );
      });
      expect(targets(await log.list())).toEqual(['profile:y']);
    },
  );
});
