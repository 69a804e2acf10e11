import { z } from 'zod';

/**
 * The REST contract of fleet cost (palette-backend), shared by the router,
 * the scaffolder and the frontend. Money is in the price model's currency
 * (`palette.cost.currency`, USD by default), rounded to cents.
 *
 * Routes (all under `/api/palette`):
 * - `POST /cost/estimate` (body `ClusterRequestInput`) → `CostEstimate` — signed in
 * - `GET /fleet/cost/summary?from=&to=` → `FleetCostSummary` — `palette.fleet.read`
 * - `GET /fleet/cost/breakdown?by=&from=&to=` → `CostBreakdown` — `palette.fleet.read`
 * - `GET /fleet/cost/trend?granularity=day|month&from=&to=&groupBy=` → `CostTrend` — `palette.fleet.read`
 * - `GET /fleet/cost/budgets?month=YYYY-MM` → `{ items: BudgetStatus[] }` — `palette.fleet.read`
 * - `GET /fleet/cost/export.csv?by=&from=&to=` → text/csv — `palette.fleet.read`
 * - `GET /clusters/:name/cost` → `ClusterCost` — `palette.cluster.read`
 */

/** A cost per hour and per month; autoscaled pools give a range. @public */
export interface CostRange {
  hourly: { min: number; max: number };
  monthly: { min: number; max: number };
}

/** One line of an estimate. @public */
export interface CostLine {
  /** e.g. `control plane (3 × m5.large)`, `pool workers (2–5 × m5.large)`, `EKS control plane fee`, `storage (120 GB)`. */
  item: string;
  cost: CostRange;
}

/** `POST /cost/estimate` reply; also in the dry run and the profile picker. @public */
export interface CostEstimate {
  currency: string;
  total: CostRange;
  lines: CostLine[];
  /** Prices that were not found (priced at 0), e.g. an unknown instance type. */
  warnings: string[];
}

/** Dimensions of cost roll-ups. @public */
export const costDimensionSchema = z.enum([
  'team',
  'project',
  'environment',
  'provider',
  'region',
  'profile',
  'profileVersion',
  'cluster',
]);
/** @public */
export type CostDimension = z.infer<typeof costDimensionSchema>;

/** A date range query (ISO dates, `to` exclusive; default: this month). @public */
export const costRangeQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** `GET /fleet/cost/breakdown` query. @public */
export const costBreakdownQuerySchema = costRangeQuerySchema.extend({
  by: costDimensionSchema.default('team'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `GET /fleet/cost/trend` query. @public */
export const costTrendQuerySchema = costRangeQuerySchema.extend({
  granularity: z.enum(['day', 'month']).default('day'),
  /** Split each point by a dimension (top 8 groups, the rest as `other`). */
  groupBy: costDimensionSchema.optional(),
});

/** One group of a roll-up. @public */
export interface CostGroup {
  key: string;
  cost: number;
  /** The same period just before, for "top movers". */
  previousCost: number;
  clusters: number;
}

/** `GET /fleet/cost/breakdown` reply. @public */
export interface CostBreakdown {
  by: CostDimension;
  from: string;
  to: string;
  currency: string;
  items: CostGroup[];
}

/** `GET /fleet/cost/trend` reply: one point per day or month. @public */
export interface CostTrend {
  granularity: 'day' | 'month';
  currency: string;
  points: Array<{ period: string; cost: number; groups?: Record<string, number> }>;
}

/** `GET /fleet/cost/summary` reply. @public */
export interface FleetCostSummary {
  currency: string;
  from: string;
  to: string;
  /** Spend in the range. */
  total: number;
  /** The same-length period before, for the trend arrow. */
  previousTotal: number;
  /** The fleet's current run-rate from observed nodes. */
  runRate: { hourly: number; monthly: number };
  /** This month so far, and forecast to its end at the current run-rate. */
  monthToDate: number;
  forecastMonth: number;
  clusters: { live: number; deleted: number };
}

/** A team's spend against its budget this month. @public */
export interface BudgetStatus {
  team: string;
  budget?: number;
  monthToDate: number;
  forecast: number;
  overBudget: boolean;
  /** Forecast over budget, but not yet spent over it. */
  atRisk: boolean;
}

/** `GET /clusters/:name/cost` reply. @public */
export interface ClusterCost {
  cluster: string;
  currency: string;
  runRate: { hourly: number; monthly: number };
  monthToDate: number;
  lifetime: number;
  /** Daily cost over the last 30 days. */
  daily: Array<{ day: string; cost: number }>;
}
