import { InputError } from '@backstage/errors';

const DAY_MS = 86_400_000;
/** The longest range a roll-up accepts: about three years of daily points. */
const MAX_RANGE_DAYS = 1100;

const utc = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the month of `ms`, and of the month after (UTC). */
export function monthOf(ms: number): { start: string; end: string } {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { start: isoDay(start), end: isoDay(end) };
}

/** Parses `YYYY-MM` (400 when malformed) to its month. */
export function parseMonth(month: string): { start: string; end: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new InputError(`Invalid month "${month}": expected YYYY-MM`);
  }
  return monthOf(utc(`${month}-01`));
}

/** A day range, `to` exclusive, with the same-length range just before it. */
export interface DayRange {
  from: string;
  to: string;
  previousFrom: string;
}

/** The queried range, this month by default; 400 when empty or too long. */
export function resolveRange(
  query: { from?: string; to?: string },
  now: Date,
): DayRange {
  const month = monthOf(now.getTime());
  const from = query.from ?? month.start;
  const to =
    query.to ??
    (query.from
      ? isoDay(Math.max(utc(from) + DAY_MS, utc(month.end)))
      : month.end);
  const days = (utc(to) - utc(from)) / DAY_MS;
  if (days < 1)
    throw new InputError(`"from" (${from}) must be before "to" (${to})`);
  if (days > MAX_RANGE_DAYS) {
    throw new InputError(`The range may span at most ${MAX_RANGE_DAYS} days`);
  }
  return { from, to, previousFrom: isoDay(utc(from) - days * DAY_MS) };
}

/** Every day or month of a range, so that a trend has no gaps. */
export function periodsOf(
  range: DayRange,
  granularity: 'day' | 'month',
): string[] {
  const periods: string[] = [];
  if (granularity === 'day') {
    for (let t = utc(range.from); t < utc(range.to); t += DAY_MS)
      periods.push(isoDay(t));
    return periods;
  }
  for (
    let m = range.from.slice(0, 7);
    `${m}-01` < range.to;
    m = monthOf(utc(`${m}-01`) + 31 * DAY_MS).start.slice(0, 7)
  ) {
    periods.push(m);
  }
  return periods;
}

/** Part of a day range, read from the daily or from the monthly rows. */
export interface RangePart {
  /** `months`: whole months, `from` and `to` first days of months. */
  rows: 'days' | 'months';
  from: string;
  to: string;
}

/**
 * Splits `[from, to)` into the days before its first whole month, its whole
 * months and the days after its last one, empty parts left out: a roll-up
 * reads whole months from the monthly rows and only the ends from the daily.
 */
export function splitRange(from: string, to: string): RangePart[] {
  const firstMonth = from.slice(8) === '01' ? from : monthOf(utc(from)).end;
  const lastMonthEnd = `${to.slice(0, 7)}-01`;
  if (firstMonth >= lastMonthEnd) {
    return from < to ? [{ rows: 'days', from, to }] : [];
  }
  const parts: RangePart[] = [];
  if (from < firstMonth) parts.push({ rows: 'days', from, to: firstMonth });
  parts.push({ rows: 'months', from: firstMonth, to: lastMonthEnd });
  if (lastMonthEnd < to) parts.push({ rows: 'days', from: lastMonthEnd, to });
  return parts;
}
