import type {
  AuditEvent,
  ListAuditQuery,
} from '@palette-backstage/plugin-palette-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  escapeLike,
  parseJson,
  Queryable,
  toIsoTimestamp,
} from '../database/util';

/** The table the audit log writes to (created by the package's migrations). */
export const AUDIT_EVENTS_TABLE = 'palette_audit_events';

/** The default and the largest page of {@link AuditLog.list}. */
export const DEFAULT_AUDIT_LIMIT = 100;
/** @see DEFAULT_AUDIT_LIMIT */
export const MAX_AUDIT_LIMIT = 500;

/** What {@link AuditLog.record} is given: an {@link AuditEvent} without its id. */
export interface AuditEventInput {
  /** Entity ref of the user, or the service that acted. */
  actor: string;
  /** e.g. `profile.publish`. */
  action: string;
  /** e.g. `profile:aws-infra` or `profile:aws-infra@1.2.0`. */
  target: string;
  /** The state before the change; absent for a creation. Stored as JSON. */
  before?: unknown;
  /** The state after the change; absent for a deletion. Stored as JSON. */
  after?: unknown;
  /**
   * When it happened. Defaults to the log's clock, made strictly increasing
   * within the process so that events recorded in the same millisecond keep
   * their order.
   */
  occurredAt?: Date;
}

/** Options of {@link AuditLog}. */
export interface AuditLogOptions {
  /** The clock events are stamped with; `() => new Date()` by default. */
  clock?: () => Date;
}

interface AuditEventRow {
  id: string;
  occurred_at: unknown;
  actor: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
}

function toEvent(row: AuditEventRow): AuditEvent {
  const before = parseJson<unknown>(row.before);
  const after = parseJson<unknown>(row.after);
  return {
    id: row.id,
    occurredAt: toIsoTimestamp(row.occurred_at),
    actor: row.actor,
    action: row.action,
    target: row.target,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function parseTime(value: string, field: string): Date {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new InputError(`${field} must be an ISO 8601 date-time`);
  }
  return time;
}

/**
 * The audit log of palette-backend: who changed what, and how. Writers pass
 * their transaction to {@link AuditLog.record} so that the change and its
 * audit row are committed, or rolled back, together.
 *
 * The table comes from the package's migrations
 * (`applyDatabaseMigrations`); the log does not apply them itself.
 */
export class AuditLog {
  readonly #db: Knex;
  readonly #clock: () => Date;
  #lastStamp = 0;

  constructor(db: Knex, options: AuditLogOptions = {}) {
    this.#db = db;
    this.#clock = options.clock ?? (() => new Date());
  }

  #stamp(): Date {
    const now = this.#clock().getTime();
    this.#lastStamp = now > this.#lastStamp ? now : this.#lastStamp + 1;
    return new Date(this.#lastStamp);
  }

  /**
   * Appends an event, in `tx` when given (the transaction of the change).
   * Returns the stored event.
   */
  async record(
    event: AuditEventInput,
    tx?: Knex.Transaction,
  ): Promise<AuditEvent> {
    const db: Queryable = tx ?? this.#db;
    const occurredAt = event.occurredAt ?? this.#stamp();
    const row = {
      id: randomUUID(),
      occurred_at: occurredAt,
      actor: event.actor,
      action: event.action,
      target: event.target,
      before: toJson(event.before),
      after: toJson(event.after),
    };
    await db(AUDIT_EVENTS_TABLE).insert(row);
    return toEvent({ ...row, occurred_at: occurredAt });
  }

  /**
   * Events, newest first. `actor` and `action` match exactly, `target` is a
   * (case-sensitive) prefix, so `profile:aws-infra` finds its versions too;
   * `from` and `to` are inclusive.
   */
  async list(query: Partial<ListAuditQuery> = {}): Promise<AuditEvent[]> {
    const limit = Math.min(
      Math.max(Math.trunc(query.limit ?? DEFAULT_AUDIT_LIMIT), 1),
      MAX_AUDIT_LIMIT,
    );
    const builder = this.#db<AuditEventRow>(AUDIT_EVENTS_TABLE).select();
    if (query.actor !== undefined) {
      builder.where('actor', query.actor);
    }
    if (query.action !== undefined) {
      builder.where('action', query.action);
    }
    if (query.target !== undefined && query.target !== '') {
      // LIKE narrows down (case-insensitively on SQLite), substr makes it exact.
      builder
        .whereRaw(`?? like ? escape '\\'`, [
          'target',
          `${escapeLike(query.target)}%`,
        ])
        .whereRaw('substr(??, 1, ?) = ?', [
          'target',
          query.target.length,
          query.target,
        ]);
    }
    if (query.from !== undefined) {
      builder.where('occurred_at', '>=', parseTime(query.from, 'from'));
    }
    if (query.to !== undefined) {
      builder.where('occurred_at', '<=', parseTime(query.to, 'to'));
    }
    const rows = await builder
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(toEvent);
  }
}
