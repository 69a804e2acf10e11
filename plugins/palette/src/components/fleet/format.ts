import { CostDimension } from '@palette-backstage/plugin-palette-common';
import { FleetDateRange } from '../../api/PaletteApi';

/**
 * Money in the price model's currency, e.g. `$1,234.50`; in whole units
 * (`$412`) when `whole`, for estimates that are no more precise than that.
 */
export function formatMoney(
  value: number,
  currency = 'USD',
  { whole = false }: { whole?: boolean } = {},
): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      ...(whole ? { minimumFractionDigits: 0 } : {}),
      maximumFractionDigits: whole || Math.abs(value) >= 1000 ? 0 : 2,
    }).format(value);
  } catch {
    // An unknown currency code: the number and the code.
    return `${value.toFixed(whole ? 0 : 2)} ${currency}`;
  }
}

/**
 * A range of money, e.g. `$412–$780`: autoscaled pools cost between their
 * minimum and maximum. One amount when both ends read the same.
 */
export function formatMoneyRange(
  range: { min: number; max: number },
  currency = 'USD',
  options: { whole?: boolean } = {},
): string {
  const min = formatMoney(range.min, currency, options);
  const max = formatMoney(range.max, currency, options);
  return min === max ? min : `${min}–${max}`;
}

/** The change from `previous` to `current` in percent; none without a base. */
export function percentChange(
  current: number,
  previous: number,
): number | undefined {
  if (!previous) return undefined;
  return ((current - previous) / previous) * 100;
}

/** A signed percentage, e.g. `+12%` or `−3.5%`. */
export function formatPercent(value: number): string {
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : value.toFixed(1);
  return `${value > 0 ? '+' : ''}${rounded}%`.replace('-', '−');
}

/** The ranges the cost page offers. */
export const RANGE_PRESETS = [
  { value: 'month', label: 'This month' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: '12m', label: 'Last 12 months' },
] as const;

/** One of the ranges the cost page offers. */
export type RangePreset = (typeof RANGE_PRESETS)[number]['value'];

/** A date range with the granularity its trend is drawn in. */
export interface PresetRange extends Required<FleetDateRange> {
  granularity: 'day' | 'month';
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day = 1) =>
  new Date(Date.UTC(year, month, day));

/** The dates of a preset, in UTC, `to` exclusive (tomorrow or next month). */
export function rangeOf(preset: RangePreset, now = new Date()): PresetRange {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  const tomorrow = isoDay(utc(y, m, d + 1));
  switch (preset) {
    case '30d':
      return {
        from: isoDay(utc(y, m, d - 29)),
        to: tomorrow,
        granularity: 'day',
      };
    case '90d':
      return {
        from: isoDay(utc(y, m, d - 89)),
        to: tomorrow,
        granularity: 'day',
      };
    case '12m':
      return {
        from: isoDay(utc(y, m - 11)),
        to: isoDay(utc(y, m + 1)),
        granularity: 'month',
      };
    default:
      return {
        from: isoDay(utc(y, m)),
        to: isoDay(utc(y, m + 1)),
        granularity: 'day',
      };
  }
}

/** This month as `YYYY-MM` (UTC), as budgets are kept. */
export const monthOf = (now = new Date()) => isoDay(now).slice(0, 7);

/** How each cost dimension is named on screen. */
export const DIMENSION_LABELS: Record<CostDimension, string> = {
  team: 'Team',
  project: 'Project',
  environment: 'Environment',
  provider: 'Provider',
  region: 'Region',
  profile: 'Profile',
  profileVersion: 'Profile version',
  cluster: 'Cluster',
};

/** A group key as shown: entity refs without kind and namespace. */
export function groupLabel(key: string): string {
  if (!key) return '(none)';
  const match = /^[a-z]+:(?:[^/]+\/)?(.+)$/i.exec(key);
  return match ? match[1] : key;
}
