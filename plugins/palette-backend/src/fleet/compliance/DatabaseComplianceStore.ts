import {
  ClusterRuleFinding,
  ComplianceFinding,
  ComplianceRuleId,
  ComplianceSeverity,
  ComplianceSummary,
  RuleStatus,
  ScanKind,
  ScanResult,
  ScoreGroup,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { CLUSTERS_TABLE } from '../../clusters/rows';
import {
  parseJson,
  toBoolean,
  toCount,
  toIsoTimestamp,
} from '../../database/util';
import { RULES } from './ruleCatalog';
import { ParsedScan } from './scans/types';

const SCANS = 'palette_compliance_scans';
const RESULTS = 'palette_compliance_results';
const FINDINGS = 'palette_compliance_findings';
const SNAPSHOTS = 'palette_compliance_snapshots';

/** The cluster columns the score roll-ups group by. */
export const SCORE_DIMENSIONS = {
  team: 'owner',
  project: 'project',
  environment: 'environment',
  profile: 'profile_name',
} as const;
export type ScoreDimension = keyof typeof SCORE_DIMENSIONS;

/** One cluster's stored evaluation. */
export interface StoredEvaluation {
  score: number;
  evaluatedAt: string;
  findings: ComplianceFinding[];
}

/** A finding row of the CSV export. */
export type ExportRow = ClusterRuleFinding & {
  score: number;
  evaluatedAt: string;
};

/** Where a collected report came from, and a hash of its raw content. */
export interface CollectedReport {
  /** e.g. `configmap palette-scans/kube-bench`. */
  source: string;
  contentHash: string;
}

/** Rows per insert when writing history: well below SQLite's variable limit. */
const HISTORY_BATCH = 200;

const UTC_DAY = (date: Date) => date.toISOString().slice(0, 10);

function scanRow(options: {
  clusterId: string;
  scan: ParsedScan;
  receivedAt: Date;
  receivedBy: string;
  collected?: CollectedReport;
}) {
  const { scan } = options;
  return {
    id: randomUUID(),
    cluster_id: options.clusterId,
    kind: scan.kind,
    tool: scan.tool,
    received_at: options.receivedAt,
    passed: scan.passed,
    counts: JSON.stringify(scan.counts),
    summary: scan.summary,
    received_by: options.receivedBy,
    source: options.collected?.source ?? null,
    content_hash: options.collected?.contentHash ?? null,
  };
}
const average = (value: unknown) =>
  value === null || value === undefined ? undefined : Math.round(Number(value));

function rowToFinding(row: any): ComplianceFinding {
  return {
    rule: row.rule as ComplianceRuleId,
    severity: row.severity as ComplianceSeverity,
    passed: toBoolean(row.passed),
    reason: row.reason,
    ...(row.action ? { action: row.action } : {}),
  };
}

function rowToScan(row: any): ScanResult {
  return {
    kind: row.kind as ScanKind,
    tool: row.tool,
    receivedAt: toIsoTimestamp(row.received_at),
    passed: toBoolean(row.passed),
    counts: parseJson(row.counts) ?? {},
    summary: row.summary,
  };
}

/**
 * Scans, the latest findings and score of each cluster, and daily score
 * snapshots. Every fleet view is computed in SQL over live clusters (those
 * with an `active_name`), so it stays one query whatever the fleet's size.
 */
export class DatabaseComplianceStore {
  readonly #db: Knex;

  constructor(options: { db: Knex }) {
    this.#db = options.db;
  }

  /** Keeps a parsed report; earlier reports stay as history. */
  async recordScan(
    clusterId: string,
    scan: ParsedScan,
    receivedAt: Date,
    receivedBy: string,
    collected?: CollectedReport,
  ): Promise<ScanResult> {
    await this.#db(SCANS).insert(
      scanRow({ clusterId, scan, receivedAt, receivedBy, collected }),
    );
    return { ...scan, receivedAt: receivedAt.toISOString() };
  }

  /** The content hash of the latest report collected from each source of a cluster. */
  async collectedHashes(clusterId: string): Promise<Map<string, string>> {
    const latest = this.#db(SCANS)
      .where({ cluster_id: clusterId })
      .whereNotNull('source')
      .groupBy('source')
      .select('source')
      .max({ received_at: 'received_at' })
      .as('latest');
    const rows = await this.#db(`${SCANS} as s`)
      .join(latest, join =>
        join
          .on('s.source', 'latest.source')
          .andOn('s.received_at', 'latest.received_at'),
      )
      .where('s.cluster_id', clusterId)
      .select('s.source', 's.content_hash');
    return new Map(rows.map(row => [row.source, row.content_hash]));
  }

  /** Whether any cluster has a snapshot of a (UTC) day before `day`. */
  async hasSnapshotsBefore(day: string): Promise<boolean> {
    return (
      (await this.#db(SNAPSHOTS).where('day', '<', day).first()) !== undefined
    );
  }

  /**
   * Writes backdated history (scans and daily snapshots) in one
   * transaction, unless snapshots before `before` exist by then: a second
   * backend instance that raced to it writes nothing. Returns whether it wrote.
   */
  async recordHistory(history: {
    before: string;
    receivedBy: string;
    scans: Array<{ clusterId: string; scan: ParsedScan; receivedAt: Date }>;
    snapshots: Array<{ clusterId: string; day: string; score: number }>;
  }): Promise<boolean> {
    return this.#db.transaction(async tx => {
      if (await tx(SNAPSHOTS).where('day', '<', history.before).first())
        return false;
      const scans = history.scans.map(s =>
        scanRow({ ...s, receivedBy: history.receivedBy }),
      );
      for (let i = 0; i < scans.length; i += HISTORY_BATCH)
        await tx(SCANS).insert(scans.slice(i, i + HISTORY_BATCH));
      const snapshots = history.snapshots.map(s => ({
        cluster_id: s.clusterId,
        day: s.day,
        score: s.score,
      }));
      for (let i = 0; i < snapshots.length; i += HISTORY_BATCH)
        await tx(SNAPSHOTS)
          .insert(snapshots.slice(i, i + HISTORY_BATCH))
          .onConflict(['cluster_id', 'day'])
          .ignore();
      return true;
    });
  }

  /** The latest scan of each kind per cluster. */
  async latestScans(
    clusterIds: readonly string[],
  ): Promise<Map<string, Partial<Record<ScanKind, ScanResult>>>> {
    const result = new Map<string, Partial<Record<ScanKind, ScanResult>>>();
    if (!clusterIds.length) return result;
    const latest = this.#db(SCANS)
      .whereIn('cluster_id', clusterIds)
      .groupBy('cluster_id', 'kind')
      .select('cluster_id', 'kind')
      .max({ received_at: 'received_at' })
      .as('latest');
    const rows = await this.#db(`${SCANS} as s`)
      .join(latest, join =>
        join
          .on('s.cluster_id', 'latest.cluster_id')
          .andOn('s.kind', 'latest.kind')
          .andOn('s.received_at', 'latest.received_at'),
      )
      .select('s.*');
    for (const row of rows) {
      const scans = result.get(row.cluster_id) ?? {};
      scans[row.kind as ScanKind] = rowToScan(row);
      result.set(row.cluster_id, scans);
    }
    return result;
  }

  /** A cluster's scans, newest first. */
  async scanHistory(
    clusterId: string,
    options: { kind?: ScanKind; limit?: number } = {},
  ): Promise<ScanResult[]> {
    const query = this.#db(SCANS).where({ cluster_id: clusterId });
    if (options.kind) query.where({ kind: options.kind });
    const rows = await query
      .orderBy('received_at', 'desc')
      .limit(options.limit ?? 50);
    return rows.map(rowToScan);
  }

  /**
   * Replaces a cluster's findings and score, and sets its snapshot of the
   * (UTC) day, all in one transaction so that views never see half of it.
   */
  async saveEvaluation(
    clusterId: string,
    evaluation: { score: number; findings: ComplianceFinding[] },
    evaluatedAt: Date,
  ): Promise<void> {
    const failing = evaluation.findings.filter(f => !f.passed).length;
    await this.#db.transaction(async tx => {
      await tx(RESULTS)
        .insert({
          cluster_id: clusterId,
          score: evaluation.score,
          failing,
          evaluated_at: evaluatedAt,
        })
        .onConflict('cluster_id')
        .merge();
      await tx(FINDINGS).where({ cluster_id: clusterId }).delete();
      if (evaluation.findings.length)
        await tx(FINDINGS).insert(
          evaluation.findings.map(f => ({
            cluster_id: clusterId,
            rule: f.rule,
            severity: f.severity,
            passed: f.passed,
            reason: f.reason,
            action: f.action ?? null,
          })),
        );
      await tx(SNAPSHOTS)
        .insert({
          cluster_id: clusterId,
          day: UTC_DAY(evaluatedAt),
          score: evaluation.score,
        })
        .onConflict(['cluster_id', 'day'])
        .merge();
    });
  }

  /** A cluster's latest evaluation, if it has been evaluated. */
  async getEvaluation(
    clusterId: string,
  ): Promise<StoredEvaluation | undefined> {
    const result = await this.#db(RESULTS)
      .where({ cluster_id: clusterId })
      .first();
    if (!result) return undefined;
    const findings = await this.#db(FINDINGS).where({ cluster_id: clusterId });
    const order = Object.keys(RULES);
    return {
      score: Number(result.score),
      evaluatedAt: toIsoTimestamp(result.evaluated_at),
      findings: findings
        .map(rowToFinding)
        .sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule)),
    };
  }

  /** Live clusters joined with their latest results. */
  #evaluated(db: Knex = this.#db) {
    return db(`${RESULTS} as r`)
      .join(`${CLUSTERS_TABLE} as c`, 'c.id', 'r.cluster_id')
      .whereNotNull('c.active_name');
  }

  async summary(now: Date): Promise<ComplianceSummary> {
    const totals = await this.#evaluated()
      .select(
        this.#db.raw('count(*) as clusters'),
        this.#db.raw('avg(r.score) as score'),
        this.#db.raw(
          'sum(case when r.failing = 0 then 1 else 0 end) as compliant',
        ),
        this.#db.raw('max(r.evaluated_at) as evaluated_at'),
      )
      .first();
    const bySeverity = (await this.#evaluated()
      .join(`${FINDINGS} as f`, 'f.cluster_id', 'r.cluster_id')
      .where('f.passed', false)
      .groupBy('f.severity')
      .select('f.severity')
      .count({ count: '*' })) as Array<{ severity: string; count: unknown }>;
    const failingBySeverity: Record<ComplianceSeverity, number> = {
      critical: 0,
      high: 0,
      medium: 0,
      low: 0,
    };
    for (const row of bySeverity)
      failingBySeverity[row.severity as ComplianceSeverity] = toCount(
        row.count,
      );
    const previous = await this.#db(SNAPSHOTS)
      .where('day', '<', UTC_DAY(now))
      .groupBy('day')
      .select('day')
      .avg({ score: 'score' })
      .orderBy('day', 'desc')
      .first();
    const clusters = toCount(totals?.clusters);
    return {
      score: average(totals?.score) ?? 100,
      ...(previous ? { previousScore: average(previous.score) } : {}),
      clusters,
      compliantClusters: toCount(totals?.compliant),
      failingBySeverity,
      ...(clusters && totals?.evaluated_at
        ? { evaluatedAt: toIsoTimestamp(totals.evaluated_at) }
        : {}),
    };
  }

  /** Failing and passing counts of every rule, in catalog order. */
  async ruleStatus(): Promise<RuleStatus[]> {
    const rows = await this.#evaluated()
      .join(`${FINDINGS} as f`, 'f.cluster_id', 'r.cluster_id')
      .groupBy('f.rule')
      .select(
        'f.rule',
        this.#db.raw('sum(case when f.passed then 1 else 0 end) as passing'),
        this.#db.raw('sum(case when f.passed then 0 else 1 end) as failing'),
      );
    const byRule = new Map(rows.map(row => [row.rule, row]));
    return (Object.keys(RULES) as ComplianceRuleId[]).map(rule => ({
      rule,
      severity: RULES[rule].severity,
      description: RULES[rule].description,
      failing: toCount(byRule.get(rule)?.failing ?? 0),
      passing: toCount(byRule.get(rule)?.passing ?? 0),
    }));
  }

  #findings() {
    return this.#evaluated()
      .join(`${FINDINGS} as f`, 'f.cluster_id', 'r.cluster_id')
      .select(
        'f.*',
        'c.name as cluster',
        'c.owner',
        'c.project',
        'c.environment',
        'c.profile_name',
        'c.profile_version',
        'r.score',
        'r.evaluated_at',
      );
  }

  /** The clusters failing (or passing) one rule, by cluster name, a page at a time. */
  async clustersForRule(
    rule: ComplianceRuleId,
    options: { passed: boolean; limit: number; offset: number },
  ): Promise<{ items: ClusterRuleFinding[]; totalCount: number }> {
    const filtered = this.#findings()
      .where('f.rule', rule)
      .where('f.passed', options.passed);
    const [count] = await filtered.clone().clearSelect().count({ count: '*' });
    const rows = await filtered
      .orderBy('c.name')
      .limit(options.limit)
      .offset(options.offset);
    return { items: rows.map(toRuleFinding), totalCount: toCount(count.count) };
  }

  /** Average score, cluster count and failing clusters per group. */
  async scoresBy(dimension: ScoreDimension): Promise<ScoreGroup[]> {
    const column = `c.${SCORE_DIMENSIONS[dimension]}`;
    const rows = await this.#evaluated()
      .groupBy(column)
      .select(
        `${column} as key`,
        this.#db.raw('avg(r.score) as score'),
        this.#db.raw('count(*) as clusters'),
        this.#db.raw(
          'sum(case when r.failing > 0 then 1 else 0 end) as failing',
        ),
      )
      .orderBy('score', 'asc')
      .orderBy('key', 'asc');
    return rows.map(row => ({
      key: row.key,
      score: average(row.score) ?? 100,
      clusters: toCount(row.clusters),
      failing: toCount(row.failing),
    }));
  }

  /**
   * The fleet score per day: the average of that day's snapshots. Clusters
   * deleted since still count on the days they existed.
   */
  async trend(
    from: string,
    to: string,
  ): Promise<Array<{ day: string; score: number }>> {
    const rows = (await this.#db(SNAPSHOTS)
      .whereBetween('day', [from, to])
      .groupBy('day')
      .select('day')
      .avg({ score: 'score' })
      .orderBy('day')) as Array<{ day: string; score: unknown }>;
    return rows.map(row => ({
      day: String(row.day),
      score: average(row.score)!,
    }));
  }

  /** Every finding of every live cluster, by cluster and rule, for the CSV export. */
  async exportRows(): Promise<ExportRow[]> {
    const rows = await this.#findings().orderBy('c.name').orderBy('f.rule');
    return rows.map(row => ({
      ...toRuleFinding(row),
      score: Number(row.score),
      evaluatedAt: toIsoTimestamp(row.evaluated_at),
    }));
  }
}

function toRuleFinding(row: any): ClusterRuleFinding {
  return {
    ...rowToFinding(row),
    cluster: row.cluster,
    owner: row.owner,
    project: row.project,
    environment: row.environment,
    profile: `${row.profile_name}@${row.profile_version}`,
  };
}
