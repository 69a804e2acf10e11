import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import {
  escapeLike,
  isPostgres,
  isUniqueViolation,
  parseJson,
  toBoolean,
  toIsoTimestamp,
} from './util';

jest.setTimeout(60_000);

describe('database utilities', () => {
  const databases = createPaletteTestDatabases();

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'recognizes unique and primary key violations, and only them, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      expect(isPostgres(knex)).toBe(databaseId === 'POSTGRES_17');
      await knex.schema.createTable('t', table => {
        table.string('id').primary();
        table.string('code').unique();
        table.string('required').notNullable();
      });
      await knex('t').insert({ id: 'a', code: 'x', required: 'r' });

      const failure = async (row: Record<string, unknown>) =>
        knex('t')
          .insert(row)
          .then(
            () => {
              throw new Error('expected the insert to fail');
            },
            (error: unknown) => error,
          );
      // Primary key
      expect(
        isUniqueViolation(await failure({ id: 'a', code: 'y', required: 'r' })),
      ).toBe(true);
      // Unique index
      expect(
        isUniqueViolation(await failure({ id: 'b', code: 'x', required: 'r' })),
      ).toBe(true);
      // Other constraint violations are not conflicts.
      expect(
        isUniqueViolation(
          await failure({ id: 'c', code: 'z', required: null }),
        ),
      ).toBe(false);
      expect(isUniqueViolation(new Error('boom'))).toBe(false);
      expect(isUniqueViolation(undefined)).toBe(false);
    },
  );

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'reads back timestamps and booleans as written on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('t', table => {
        table.timestamp('at', { useTz: true, precision: 3 });
        table.boolean('flag');
      });
      const at = new Date('2026-11-23T10:11:12.345Z');
      await knex('t').insert([
        { at, flag: true },
        { at: new Date(0), flag: false },
      ]);
      const rows = await knex('t').orderBy('at', 'desc');
      expect(rows.map(r => toIsoTimestamp(r.at))).toEqual([
        '2026-11-23T10:11:12.345Z',
        '1970-01-01T00:00:00.000Z',
      ]);
      expect(rows.map(r => toBoolean(r.flag))).toEqual([true, false]);
      // Dates compare as dates in WHERE clauses on both engines.
      expect(
        await knex('t')
          .where('at', '>', new Date('2000-01-01'))
          .count({ n: '*' }),
      ).toEqual([{ n: databaseId === 'POSTGRES_17' ? '1' : 1 }]);
    },
  );

  it('converts the other column representations', () => {
    expect(toIsoTimestamp('1700000000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoTimestamp('2026-11-23T10:00:00+02:00')).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect(() => toIsoTimestamp(null)).toThrow(TypeError);
    expect(toBoolean(1)).toBe(true);
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean('1')).toBe(true);
    expect(parseJson<number[]>('[1,2]')).toEqual([1, 2]);
    expect(parseJson(null)).toBeUndefined();
    expect(escapeLike('100%_off\\')).toBe('100\\%\\_off\\\\');
  });
});
