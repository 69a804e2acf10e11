import { NotAllowedError } from '@backstage/errors';
import {
  ClusterRequest,
  CloudType,
  GovernanceDecision,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { Queryable } from '../database/util';
import { DatabaseGovernanceStore } from './DatabaseGovernanceStore';
import { effectivePolicy } from './effectivePolicy';
import { footprintOf, RequestFootprint } from './estimate';
import { describeViolations, evaluateGovernance } from './evaluateGovernance';

/** The rules that count what a team holds; re-checked under the team's lock. */
const isQuotaRule = (rule: string) =>
  rule.startsWith('quota.') || rule.startsWith('budget.');

/**
 * Governance as the cluster use cases need it: one evaluation for every path
 * (API, scaffolder, UI), and the quota re-check inside the transaction that
 * stores a change, under a per-team lock, so that two simultaneous requests
 * cannot together exceed a quota.
 */
export class GovernanceService {
  constructor(
    readonly store: DatabaseGovernanceStore,
    private readonly options: {
      approvalExpiryMs: number;
      clock?: () => Date;
      /**
       * A request's monthly cost from the cost model, at its largest
       * (autoscaling maxima); the fixed price table of `priceTable.ts` when
       * absent.
       */
      monthlyCost?: (request: ClusterRequest, provider: CloudType) => number;
    },
  ) {}

  /** The evaluation of a new request, or of a change to an existing cluster (`existingId`). */
  async evaluate(
    request: ClusterRequest,
    provider: CloudType,
    options: { existingId?: string; db?: Queryable } = {},
  ): Promise<GovernanceDecision> {
    const { db, existingId } = options;
    const [policies, quota, usage] = await Promise.all([
      this.store.listPolicies(db),
      this.store.getQuota(request.owner, db),
      this.store.usage(request.owner, { db, excludeClusterId: existingId }),
    ]);
    return evaluateGovernance({
      request,
      provider,
      footprint: this.footprint(request, provider),
      policy: effectivePolicy(policies, request.project, request.environment),
      quota,
      usage,
      existing: Boolean(existingId),
    });
  }

  /** Throws a 403 listing every violation, if there are any. */
  static refuse(decision: GovernanceDecision): void {
    if (decision.violations.length) {
      throw new NotAllowedError(
        `Governance does not allow this request: ${describeViolations(
          decision.violations,
        )}`,
      );
    }
  }

  /**
   * The check to run inside the storing transaction: lock the team, count
   * again, refuse if a quota or budget is now exceeded.
   */
  quotaGuard(
    request: ClusterRequest,
    provider: CloudType,
    existingId?: string,
  ): (tx: Knex.Transaction) => Promise<void> {
    return async tx => {
      await this.store.lockTeam(tx, request.owner);
      const decision = await this.evaluate(request, provider, {
        existingId,
        db: tx,
      });
      GovernanceService.refuse({
        ...decision,
        violations: decision.violations.filter(v => isQuotaRule(v.rule)),
      });
    };
  }

  footprint(request: ClusterRequest, provider: CloudType): RequestFootprint {
    const footprint = footprintOf(request, provider);
    const priced = this.options.monthlyCost?.(request, provider);
    return priced === undefined
      ? footprint
      : { ...footprint, monthlyCost: priced };
  }

  /** When a new approval expires. */
  approvalExpiry(): string {
    const now = this.options.clock?.() ?? new Date();
    return new Date(
      now.getTime() + this.options.approvalExpiryMs,
    ).toISOString();
  }
}
