import {
  BudgetStatus,
  ClusterCost,
  ClusterRequest,
  CostBreakdown,
  CostDimension,
  CostEstimate,
  CostTrend,
  FleetCostSummary,
} from '@palette-backstage/plugin-palette-common';
import { HOURS_PER_MONTH } from './defaultPrices';
import { ClusterRecord } from '../../clusters/types';
import { CostRollups } from './CostRollups';
import { budgetStatus } from './CostRollups';
import { cents, estimateCost } from './estimateCost';
import { monthOf, parseMonth, resolveRange, isoDay } from './periods';
import { PriceContext, PriceModel } from './PriceModel';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Team quotas as cost reads them (the governance store has them). */
export interface BudgetSource {
  listQuotas(): Promise<Array<{ team: string; monthlyBudget?: number }>>;
}

type RangeQuery = { from?: string; to?: string };

/** Fleet cost: estimates from the price model, and roll-ups of accrued spend. */
export class CostService {
  readonly #model: PriceModel;
  readonly #rollups: CostRollups;
  readonly #budgets: BudgetSource;
  readonly #clock: () => Date;

  constructor(options: {
    model: PriceModel;
    rollups: CostRollups;
    budgets: BudgetSource;
    clock?: () => Date;
  }) {
    this.#model = options.model;
    this.#rollups = options.rollups;
    this.#budgets = options.budgets;
    this.#clock = options.clock ?? (() => new Date());
  }

  get currency(): string {
    return this.#model.currency;
  }

  estimate(request: ClusterRequest, ctx: PriceContext): CostEstimate {
    return estimateCost(this.#model, request, ctx);
  }

  /** Hours from now to the end of the month of `now`. */
  #hoursLeftInMonth(now: Date) {
    const end = Date.parse(`${monthOf(now.getTime()).end}T00:00:00.000Z`);
    return (end - now.getTime()) / HOUR_MS;
  }

  async summary(query: RangeQuery): Promise<FleetCostSummary> {
    const now = this.#clock();
    const range = resolveRange(query, now);
    const month = monthOf(now.getTime());
    const [totals, monthToDate, rates, clusters] = await Promise.all([
      this.#rollups.totals(range),
      this.#rollups.spend(month.start, month.end),
      this.#rollups.runRates(),
      this.#rollups.clusterCounts(range),
    ]);
    const hourly = [...rates.values()].reduce((a, b) => a + b, 0);
    return {
      currency: this.currency,
      from: range.from,
      to: range.to,
      total: cents(totals.total),
      previousTotal: cents(totals.previous),
      runRate: {
        hourly: cents(hourly),
        monthly: cents(hourly * HOURS_PER_MONTH),
      },
      monthToDate: cents(monthToDate),
      forecastMonth: cents(monthToDate + hourly * this.#hoursLeftInMonth(now)),
      clusters,
    };
  }

  async breakdown(
    query: RangeQuery & { by: CostDimension; limit: number },
  ): Promise<CostBreakdown> {
    const range = resolveRange(query, this.#clock());
    return {
      by: query.by,
      from: range.from,
      to: range.to,
      currency: this.currency,
      items: await this.#rollups.breakdown(query.by, range, query.limit),
    };
  }

  async trend(
    query: RangeQuery & {
      granularity: 'day' | 'month';
      groupBy?: CostDimension;
    },
  ): Promise<CostTrend> {
    const range = resolveRange(query, this.#clock());
    return {
      granularity: query.granularity,
      currency: this.currency,
      points: await this.#rollups.trend(
        range,
        query.granularity,
        query.groupBy,
      ),
    };
  }

  /**
   * Each team's month against its budget: teams with a quota, and teams that
   * spent without one. The forecast adds the current run-rate for the hours
   * left: none for a past month, all of them for a future one.
   */
  async budgets(month?: string): Promise<{ items: BudgetStatus[] }> {
    const now = this.#clock();
    const { start, end } = month ? parseMonth(month) : monthOf(now.getTime());
    const startMs = Date.parse(`${start}T00:00:00.000Z`);
    const endMs = Date.parse(`${end}T00:00:00.000Z`);
    const hoursLeft =
      (endMs - Math.min(Math.max(now.getTime(), startMs), endMs)) / HOUR_MS;
    const [spent, rates, quotas] = await Promise.all([
      this.#rollups.spendByTeam(start, end),
      this.#rollups.runRates(),
      this.#budgets.listQuotas(),
    ]);
    const budgets = new Map(quotas.map(q => [q.team, q.monthlyBudget]));
    const teams = [...new Set([...budgets.keys(), ...spent.keys()])].sort();
    return {
      items: teams.map(team =>
        budgetStatus(
          team,
          budgets.get(team),
          spent.get(team) ?? 0,
          rates.get(team) ?? 0,
          hoursLeft,
        ),
      ),
    };
  }

  async clusterCost(
    cluster: Pick<ClusterRecord, 'id' | 'name'>,
  ): Promise<ClusterCost> {
    const now = this.#clock();
    const today = isoDay(now.getTime());
    const tomorrow = isoDay(now.getTime() + DAY_MS);
    const month = monthOf(now.getTime());
    const [hourly, monthToDate, lifetime, daily] = await Promise.all([
      this.#rollups.clusterRunRate(cluster.id),
      this.#rollups.spend(month.start, month.end, { cluster_id: cluster.id }),
      this.#rollups.spend('0000-01-01', '9999-12-31', {
        cluster_id: cluster.id,
      }),
      this.#rollups.daily(cluster.id, {
        from: isoDay(Date.parse(`${today}T00:00:00.000Z`) - 29 * DAY_MS),
        to: tomorrow,
        previousFrom: today,
      }),
    ]);
    return {
      cluster: cluster.name,
      currency: this.currency,
      runRate: {
        hourly: cents(hourly),
        monthly: cents(hourly * HOURS_PER_MONTH),
      },
      monthToDate: cents(monthToDate),
      lifetime: cents(lifetime),
      daily,
    };
  }

  /** The breakdown as CSV, for spreadsheets and chargeback. */
  async exportCsv(
    query: RangeQuery & { by: CostDimension; limit: number },
  ): Promise<string> {
    const breakdown = await this.breakdown(query);
    const header = [
      query.by,
      `cost_${this.currency}`,
      'previous_cost',
      'clusters',
      'from',
      'to',
    ];
    const lines = breakdown.items.map(g =>
      [g.key, g.cost, g.previousCost, g.clusters, breakdown.from, breakdown.to]
        .map(csvField)
        .join(','),
    );
    return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
  }
}

/**
 * One CSV field: quoted when needed, and with a leading quote before `=`,
 * `+`, `-` or `@` so that a spreadsheet never runs a group name as a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
