import { NotFoundError } from '@backstage/errors';
import {
  GovernancePolicy,
  StoredGovernancePolicy,
  StoredTeamQuota,
  TeamQuota,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { AuditLog } from '../audit/AuditLog';
import { isPostgres, Queryable, toIsoTimestamp } from '../database/util';
import { TeamUsageTotals } from './evaluateGovernance';

const POLICIES = 'palette_governance_policies';
const QUOTAS = 'palette_team_quotas';
const CLUSTERS = 'palette_clusters';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Policies per project and environment, quotas per team, and team usage
 * summed from the clusters table. Every change runs in one transaction with
 * its audit event.
 */
export class DatabaseGovernanceStore {
  readonly #db: Knex;
  readonly #audit: AuditLog;
  readonly #clock: () => Date;

  constructor(options: { db: Knex; auditLog: AuditLog; clock?: () => Date }) {
    this.#db = options.db;
    this.#audit = options.auditLog;
    this.#clock = options.clock ?? (() => new Date());
  }

  async listPolicies(
    db: Queryable = this.#db,
  ): Promise<StoredGovernancePolicy[]> {
    const rows = await db(POLICIES).orderBy(['project', 'environment']);
    return rows.map(row => ({
      ...(JSON.parse(row.policy) as GovernancePolicy),
      updatedAt: toIsoTimestamp(row.updated_at),
      updatedBy: row.updated_by,
    }));
  }

  /** Creates or replaces the policy of its project and environment. */
  async savePolicy(
    policy: GovernancePolicy,
    actor: string,
  ): Promise<StoredGovernancePolicy> {
    const now = this.#clock();
    await this.#db.transaction(async tx => {
      const key = { project: policy.project, environment: policy.environment };
      const before = await tx(POLICIES).where(key).first();
      const row = {
        ...key,
        policy: JSON.stringify(policy),
        updated_at: now,
        updated_by: actor,
      };
      if (before) await tx(POLICIES).where(key).update(row);
      else await tx(POLICIES).insert(row);
      await this.#audit.record(
        {
          actor,
          action: 'policy.update',
          target: `policy:${policy.project}/${policy.environment}`,
          ...(before ? { before: JSON.parse(before.policy) } : {}),
          after: policy,
          occurredAt: now,
        },
        tx,
      );
    });
    return { ...policy, updatedAt: now.toISOString(), updatedBy: actor };
  }

  async deletePolicy(
    project: string,
    environment: string,
    actor: string,
  ): Promise<void> {
    await this.#db.transaction(async tx => {
      const before = await tx(POLICIES).where({ project, environment }).first();
      if (!before)
        throw new NotFoundError(
          `No policy for project "${project}" and environment "${environment}"`,
        );
      await tx(POLICIES).where({ project, environment }).delete();
      await this.#audit.record(
        {
          actor,
          action: 'policy.delete',
          target: `policy:${project}/${environment}`,
          before: JSON.parse(before.policy),
          occurredAt: this.#clock(),
        },
        tx,
      );
    });
  }

  async listQuotas(): Promise<StoredTeamQuota[]> {
    const rows = await this.#db(QUOTAS).orderBy('team');
    return rows.map(row => ({
      ...(JSON.parse(row.quota) as TeamQuota),
      updatedAt: toIsoTimestamp(row.updated_at),
      updatedBy: row.updated_by,
    }));
  }

  async getQuota(team: string, db: Queryable = this.#db) {
    const row = await db(QUOTAS)
      .where({ team: lower(team) })
      .first();
    return row ? (JSON.parse(row.quota) as TeamQuota) : undefined;
  }

  async saveQuota(quota: TeamQuota, actor: string): Promise<StoredTeamQuota> {
    const now = this.#clock();
    const team = lower(quota.team);
    const stored = { ...quota, team };
    await this.#db.transaction(async tx => {
      const before = await tx(QUOTAS).where({ team }).first();
      const row = {
        team,
        quota: JSON.stringify(stored),
        updated_at: now,
        updated_by: actor,
      };
      if (before) await tx(QUOTAS).where({ team }).update(row);
      else await tx(QUOTAS).insert(row);
      await this.#audit.record(
        {
          actor,
          action: 'quota.update',
          target: `quota:${team}`,
          ...(before ? { before: JSON.parse(before.quota) } : {}),
          after: stored,
          occurredAt: now,
        },
        tx,
      );
    });
    return { ...stored, updatedAt: now.toISOString(), updatedBy: actor };
  }

  async deleteQuota(team: string, actor: string): Promise<void> {
    await this.#db.transaction(async tx => {
      const before = await tx(QUOTAS)
        .where({ team: lower(team) })
        .first();
      if (!before) throw new NotFoundError(`No quota for team "${team}"`);
      await tx(QUOTAS)
        .where({ team: lower(team) })
        .delete();
      await this.#audit.record(
        {
          actor,
          action: 'quota.delete',
          target: `quota:${lower(team)}`,
          before: JSON.parse(before.quota),
          occurredAt: this.#clock(),
        },
        tx,
      );
    });
  }

  /**
   * What a team's live clusters (pending approvals included: they reserve
   * their share) count against its quota, one cluster optionally left out.
   */
  async usage(
    team: string,
    options: { db?: Queryable; excludeClusterId?: string } = {},
  ): Promise<TeamUsageTotals> {
    const query = (options.db ?? this.#db)(CLUSTERS)
      .whereNotNull('active_name')
      .whereRaw('lower(owner) = ?', [lower(team)]);
    if (options.excludeClusterId)
      query.whereNot('id', options.excludeClusterId);
    const [row] = await query.count({ clusters: '*' }).sum({
      nodes: 'quota_nodes',
      vcpus: 'quota_vcpus',
      cost: 'monthly_cost',
    });
    return {
      clusters: Number(row?.clusters ?? 0),
      nodes: Number(row?.nodes ?? 0),
      vcpus: Number(row?.vcpus ?? 0),
      monthlyCost: Math.round(Number(row?.cost ?? 0) * 100) / 100,
    };
  }

  /** Usage of every team with live clusters or a quota. */
  async usageByTeam(): Promise<Array<TeamUsageTotals & { team: string }>> {
    const rows = await this.#db(CLUSTERS)
      .whereNotNull('active_name')
      .select(this.#db.raw('lower(owner) as team'))
      .count({ clusters: '*' })
      .sum({ nodes: 'quota_nodes', vcpus: 'quota_vcpus', cost: 'monthly_cost' })
      .groupByRaw('lower(owner)')
      .orderBy('team');
    return rows.map((row: any) => ({
      team: row.team,
      clusters: Number(row.clusters),
      nodes: Number(row.nodes ?? 0),
      vcpus: Number(row.vcpus ?? 0),
      monthlyCost: Math.round(Number(row.cost ?? 0) * 100) / 100,
    }));
  }

  /**
   * Serialises quota checks of one team inside a transaction: two
   * simultaneous requests cannot both see the usage before the other. On
   * PostgreSQL a transaction-scoped advisory lock; SQLite runs one write
   * transaction at a time already.
   */
  async lockTeam(tx: Knex.Transaction, team: string): Promise<void> {
    if (isPostgres(tx)) {
      await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
        `palette-quota:${lower(team)}`,
      ]);
    }
  }
}
