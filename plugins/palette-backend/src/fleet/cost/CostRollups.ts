import {
  BudgetStatus,
  CostDimension,
  CostGroup,
  CostTrend,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { CLUSTERS_TABLE } from '../../clusters/rows';
import { COST_ATTRIBUTION } from './CostMonths';
import {
  COST_ACCRUALS_TABLE,
  COST_DAILY_TABLE,
  COST_MONTHLY_TABLE,
} from './costTables';
import { cents } from './estimateCost';
import { DayRange, periodsOf, splitRange } from './periods';

/**
 * The SQL expression of each dimension over cost rows, daily or monthly
 * (same on both engines).
 */
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

/** The columns of a cost row a roll-up reads, daily and monthly alike. */
const ROW_COLUMNS = ['cluster_id', ...COST_ATTRIBUTION, 'cost'];

/**
 * The roll-ups of fleet cost. Each is an aggregate the database computes
 * over the range's rows: whole months from the monthly rows, the days at
 * either end from the daily ones (both indexed by their period), so that
 * the work and the data sent back grow with the number of groups and
 * months, never with the days of the fleet's history.
 */
export class CostRollups {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** The daily rows of `[from, to)`. */
  #days(from: string, to: string) {
    return this.#db(COST_DAILY_TABLE)
      .where('day', '>=', from)
      .andWhere('day', '<', to);
  }

  /**
   * The cost rows of `[from, to)` (ranges that follow each other, e.g. the
   * previous period and the queried one), as one `day`-keyed row source:
   * a monthly row's `day` is its month's first day, and a month is read
   * whole only if it lies whole in one range, so that `day >= from` still
   * tells the ranges apart. `where` filters every part (on PostgreSQL and
   * SQLite alike it then uses each table's index).
   */
  #inRange(
    ranges: Array<[string, string]>,
    where: Record<string, string> = {},
  ): Knex.QueryBuilder {
    const parts = ranges
      .flatMap(([from, to]) => splitRange(from, to))
      .map(part =>
        part.rows === 'days'
          ? this.#days(part.from, part.to)
              .where(where)
              .select('day', ...ROW_COLUMNS)
          : this.#db(COST_MONTHLY_TABLE)
              .where('month', '>=', part.from)
              .andWhere('month', '<', part.to)
              .where(where)
              .select('month as day', ...ROW_COLUMNS),
      );
    const [first, ...rest] = parts;
    return this.#db.from((rest.length ? first.unionAll(rest) : first).as('r'));
  }

  /** Spend in a range and in the same-length range before it. */
  async totals(range: DayRange): Promise<{ total: number; previous: number }> {
    const [row] = await this.#inRange([
      [range.previousFrom, range.from],
      [range.from, range.to],
    ]).select(
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
    const [row] = await this.#inRange([[from, to]], where).sum({
      cost: 'cost',
    });
    return num(row?.cost);
  }

  /** Groups by a dimension, biggest first, with the previous period's spend. */
  async breakdown(
    by: CostDimension,
    range: DayRange,
    limit: number,
  ): Promise<CostGroup[]> {
    const rows = await this.#inRange([
      [range.previousFrom, range.from],
      [range.from, range.to],
    ])
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
    return rows.map((r: Record<string, unknown>) => ({
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
    // Days need the daily rows; months add up from whole months and ends.
    const source: Knex.QueryBuilder =
      granularity === 'day'
        ? this.#days(range.from, range.to)
        : this.#inRange([[range.from, range.to]]);
    const rows = await (groupBy
      ? this.#groupedTrend(source, period, groupBy)
      : source
          .select(this.#db.raw(`${period} AS period`))
          .select(this.#db.raw('SUM(cost) AS cost'))
          .groupByRaw('1'));
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

  /**
   * Spend per period and group in one pass over the rows: the groups that
   * cost most over the whole range (as a breakdown ranks them) keep their
   * key, the rest add up as `other`, and so does a NULL key, which matches
   * no group.
   */
  #groupedTrend(
    source: Knex.QueryBuilder,
    period: string,
    groupBy: CostDimension,
  ) {
    const db = this.#db;
    return (
      db
        .with(
          'g',
          source
            .select(db.raw(`${period} AS period`))
            .select(db.raw(`${DIMENSION_SQL[groupBy]} AS group_key`))
            .select(db.raw('SUM(cost) AS cost'))
            .groupByRaw('1, 2'),
        )
        .with(
          't',
          db('g')
            .select('group_key')
            .groupBy('group_key')
            .orderByRaw('SUM(cost) DESC, group_key')
            .limit(TREND_GROUPS),
        )
        .from('g')
        .leftJoin('t', 't.group_key', 'g.group_key')
        .select('g.period as period')
        .select(
          db.raw(
            "CASE WHEN t.group_key IS NULL THEN 'other' ELSE g.group_key END AS group_key",
          ),
        )
        .sum({ cost: 'g.cost' })
        // Positional: PostgreSQL would not match a repeated CASE.
        .groupByRaw('1, 2')
    );
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
    const rows = await this.#inRange([[from, to]])
      .groupBy('owner')
      .select('owner')
      .sum({ cost: 'cost' });
    return new Map(
      rows.map((r: Record<string, unknown>) => [String(r.owner), num(r.cost)]),
    );
  }

  /** A cluster's daily cost over `[from, to)`, every day present. */
  async daily(clusterId: string, range: DayRange) {
    const rows = await this.#days(range.from, range.to)
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
    // From the deleted clusters, few, each probing its own days by the
    // primary key, rather than every row of the range.
    const [deleted] = await this.#db(`${CLUSTERS_TABLE} as c`)
      .whereNotNull('c.deleted_at')
      .whereExists(
        this.#db(`${COST_DAILY_TABLE} as d`)
          .select(this.#db.raw('1'))
          .whereRaw('d.cluster_id = c.id')
          .andWhere('d.day', '>=', range.from)
          .andWhere('d.day', '<', range.to),
      )
      .count({ n: '*' });
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
