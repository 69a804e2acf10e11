import { Knex } from 'knex';

/** A knex instance or a transaction of it. */
export type Queryable = Knex | Knex.Transaction;

/** Whether the knex instance talks to PostgreSQL. */
export function isPostgres(db: Queryable): boolean {
  return db.client.config.client === 'pg' || db.client.dialect === 'postgresql';
}

/**
 * Whether an error is a unique or primary key violation, on PostgreSQL
 * (`23505`), SQLite (better-sqlite3 and sqlite3) or MySQL.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'ER_DUP_ENTRY'
  ) {
    return true;
  }
  // node-sqlite3 reports the generic SQLITE_CONSTRAINT code.
  return (
    code === 'SQLITE_CONSTRAINT' &&
    typeof message === 'string' &&
    /UNIQUE constraint failed/.test(message)
  );
}

/** A timestamp column as ISO 8601: Date on PostgreSQL, epoch milliseconds on SQLite. */
export function toIsoTimestamp(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return new Date(Number(value)).toISOString();
  }
  if (typeof value === 'string') {
    const numeric = Number(value);
    return new Date(
      value.trim() !== '' && Number.isFinite(numeric) ? numeric : value,
    ).toISOString();
  }
  throw new TypeError(`Not a timestamp: ${String(value)}`);
}

/** A boolean column: boolean on PostgreSQL, 0 or 1 on SQLite. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

/** A JSON text column, parsed; `undefined` for NULL. */
export function parseJson<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  return JSON.parse(String(value)) as T;
}

/** Escapes `%`, `_` and `\` for `LIKE ... ESCAPE '\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, c => `\\${c}`);
}

/** A count(*) result: a string (bigint) on PostgreSQL, a number on SQLite. */
export function toCount(value: unknown): number {
  return Number(value ?? 0);
}
