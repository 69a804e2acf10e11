import { ListAuditFilter } from '../../../api/PaletteApi';

/** The audit page's filters, as typed. */
export interface AuditFilters {
  actor: string;
  /** Prefix of the target, e.g. `profile:aws-infra`. */
  target: string;
  action: string;
  /** `YYYY-MM-DD`, the first day shown (local time). */
  from: string;
  /** `YYYY-MM-DD`, the last day shown (local time). */
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  actor: '',
  target: '',
  action: '',
  from: '',
  to: '',
};

/** The limits the page offers; the server takes at most 500. */
export const AUDIT_LIMITS = [50, 100, 200, 500];

export const hasAuditFilters = (f: AuditFilters) =>
  Object.values(f).some(v => v.trim() !== '');

/** The start (or the end) of a local day as an ISO timestamp. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** What is wrong with the date range, if anything. */
export const dateRangeProblem = (f: AuditFilters) =>
  f.from && f.to && f.to < f.from ? 'must not be before From' : undefined;

/** The server query for the filters: days as whole local days. */
export function toAuditQuery(f: AuditFilters, limit: number): ListAuditFilter {
  const text = (v: string) => v.trim() || undefined;
  return {
    actor: text(f.actor),
    target: text(f.target),
    action: text(f.action),
    from: dayBoundary(f.from, false),
    to: dayBoundary(f.to, true),
    limit,
  };
}
