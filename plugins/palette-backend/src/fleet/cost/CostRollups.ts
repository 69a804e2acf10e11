import {
  BudgetStatus,
  CostDimension,
  CostGroup,
  CostTrend,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { CLUSTERS_TABLE } from '../../clusters/rows';
import { COST_ACCRUALS_TABLE, COST_DAILY_TABLE } from './CostSnapshots';
import { cents } from './estimateCost';
import { DayRange, periodsOf } from './periods';

/** The SQL expression of each dimension over `palette_cost_daily` (same on both engines). */
const DIMENSION_SQL: Record<CostDimension, string> = {
  team: 'owner',
  project: 'project',
  environment: 'environment',
  provider: 'provider',
  region: 'region',
  profile: 'profile_name',
  profileVersion: "profile_name || '@' || profile_version",
  cluster: 'cluster_name',
};

/** Groups a trend shows one by one; the rest are summed as `other`. */
const TREND_GROUPS = 8;

const num = (v: unknown) => Number(v ?? 0);

/**
 * The roll-ups of fleet cost. Each is an aggregate the database computes
 * over the day range's rows (indexed by day), so that the work and the
 * data sent back grow with the number of groups, never with the fleet's
 * history.
 */
export class CostRollups {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  #inRange(from: string, to: string) {
    return this.#db(COST_DAILY_TABLE)
      .where('day', '>=', from)
      .andWhere('day', '<', to);
  }

  /** Spend in a range and in the same-length range before it. */
  async totals(range: DayRange): Promise<{ total: number; previous: number }> {
    const [row] = await this.#inRange(range.previousFrom, range.to).select(
      this.#db.raw('SUM(CASE WHEN day >= ? THEN cost ELSE 0 END) AS total', [
        range.from,
      ]),
      this.#db.raw('SUM(CASE WHEN day < ? THEN cost ELSE 0 END) AS previous', [
        range.from,
      ]),
    );
    return { total: num(row?.total), previous: num(row?.previous) };
  }

  /** Spend of one set of rows, e.g. a team's or a cluster's. */
  async spend(from: string, to: string, where: Record<string, string> = {}) {
    const [row] = await this.#inRange(from, to)
      .where(where)
      .sum({ cost: 'cost' });
    return num(row?.cost);
  }

  /** Groups by a dimension, biggest first, with the previous period's spend. */
  async breakdown(
    by: CostDimension,
    range: DayRange,
    limit: number,
  ): Promise<CostGroup[]> {
    const rows = await this.#inRange(range.previousFrom, range.to)
      .select(
        this.#db.raw(`${DIMENSION_SQL[by]} AS group_key`),
        this.#db.raw('SUM(CASE WHEN day >= ? THEN cost ELSE 0 END) AS cost', [
          range.from,
        ]),
        this.#db.raw(
          'SUM(CASE WHEN day < ? THEN cost ELSE 0 END) AS previous_cost',
          [range.from],
        ),
        this.#db.raw(
          'COUNT(DISTINCT CASE WHEN day >= ? THEN cluster_id END) AS clusters',
          [range.from],
        ),
      )
      .groupByRaw(DIMENSION_SQL[by])
      .orderByRaw('2 DESC, 1')
      .limit(limit);
    return rows.map(r => ({
      key: String(r.group_key),
      cost: cents(num(r.cost)),
      previousCost: cents(num(r.previous_cost)),
      clusters: num(r.clusters),
    }));
  }

  /** Spend per day or month, optionally split by a dimension (top groups, then `other`). */
  async trend(
    range: DayRange,
    granularity: 'day' | 'month',
    groupBy?: CostDimension,
  ): Promise<CostTrend['points']> {
    const period = granularity === 'day' ? 'day' : 'substr(day, 1, 7)';
    const points = new Map(
      periodsOf(range, granularity).map(p => [
        p,
        {
          period: p,
          cost: 0,
          ...(groupBy ? { groups: {} as Record<string, number> } : {}),
        },
      ]),
    );
    const top = groupBy
      ? (
          await this.breakdown(
            groupBy,
            { ...range, previousFrom: range.from },
            TREND_GROUPS,
          )
        ).map(g => g.key)
      : [];
    const group = top.length
      ? this.#db.raw(
          `CASE WHEN ${DIMENSION_SQL[groupBy!]} IN (${top
            .map(() => '?')
            .join(', ')}) THEN ${DIMENSION_SQL[groupBy!]} ELSE 'other' END`,
          top,
        )
      : this.#db.raw("'other'");
    const rows = await this.#inRange(range.from, range.to)
      .select(
        this.#db.raw(`${period} AS period`),
        { group_key: group },
        this.#db.raw('SUM(cost) AS cost'),
      )
      // Positional: the group expression carries bindings, and PostgreSQL
      // would not match a repeated copy of it against the select list.
      .groupByRaw('1, 2');
    for (const row of rows) {
      const point = points.get(String(row.period));
      if (!point) continue;
      point.cost += num(row.cost);
      if (point.groups) {
        const key = String(row.group_key);
        point.groups[key] = (point.groups[key] ?? 0) + num(row.cost);
      }
    }
    return [...points.values()].map(p => ({
      ...p,
      cost: cents(p.cost),
      ...(p.groups
        ? {
            groups: Object.fromEntries(
              Object.entries(p.groups).map(([k, v]) => [k, cents(v)]),
            ),
          }
        : {}),
    }));
  }

  /** The run-rate (per hour) of live clusters, by team or for all. */
  async runRates(): Promise<Map<string, number>> {
    const rows = await this.#db(`${COST_ACCRUALS_TABLE} as a`)
      .join(`${CLUSTERS_TABLE} as c`, 'c.id', 'a.cluster_id')
      .whereNull('c.deleted_at')
      .groupBy('c.owner')
      .select('c.owner as owner')
      .sum({ hourly: 'a.hourly' });
    return new Map(
      rows.map((r: Record<string, unknown>) => [
        String(r.owner),
        num(r.hourly),
      ]),
    );
  }

  /** One cluster's run-rate (0 before its first accrual). */
  async clusterRunRate(clusterId: string): Promise<number> {
    const row = await this.#db(COST_ACCRUALS_TABLE)
      .where({ cluster_id: clusterId })
      .first('hourly');
    return num(row?.hourly);
  }

  /** Spend per team in a range. */
  async spendByTeam(from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.#inRange(from, to)
      .groupBy('owner')
      .select('owner')
      .sum({ cost: 'cost' });
    return new Map(
      rows.map((r: Record<string, unknown>) => [String(r.owner), num(r.cost)]),
    );
  }

  /** A cluster's daily cost over `[from, to)`, every day present. */
  async daily(clusterId: string, range: DayRange) {
    const rows = await this.#inRange(range.from, range.to)
      .where({ cluster_id: clusterId })
      .select('day', 'cost');
    const byDay = new Map(rows.map(r => [String(r.day), num(r.cost)]));
    return periodsOf(range, 'day').map(day => ({
      day,
      cost: cents(byDay.get(day) ?? 0),
    }));
  }

  /** Live clusters, and deleted clusters that cost something in the range. */
  async clusterCounts(
    range: DayRange,
  ): Promise<{ live: number; deleted: number }> {
    const [live] = await this.#db(CLUSTERS_TABLE)
      .whereNull('deleted_at')
      .count({ n: '*' });
    const [deleted] = await this.#db(`${COST_DAILY_TABLE} as d`)
      .join(`${CLUSTERS_TABLE} as c`, 'c.id', 'd.cluster_id')
      .whereNotNull('c.deleted_at')
      .andWhere('d.day', '>=', range.from)
      .andWhere('d.day', '<', range.to)
      .countDistinct({ n: 'd.cluster_id' });
    return { live: num(live?.n), deleted: num(deleted?.n) };
  }
}

/** A team's status against its budget, forecast at the current run-rate. */
export function budgetStatus(
  team: string,
  budget: number | undefined,
  monthToDate: number,
  hourly: number,
  hoursLeft: number,
): BudgetStatus {
  const forecast = monthToDate + hourly * hoursLeft;
  const overBudget = budget !== undefined && monthToDate > budget;
  return {
    team,
    ...(budget !== undefined ? { budget } : {}),
    monthToDate: cents(monthToDate),
    forecast: cents(forecast),
    overBudget,
    atRisk: budget !== undefined && !overBudget && forecast > budget,
  };
}
