/**
 * One reason a request is refused by governance, naming the request field
 * it concerns (`profile.version`, `region`, `workerPools.1.count`...).
 *
 * @public
 */
export interface GovernanceViolation {
  /** A stable rule id, e.g. `policy.region`, `quota.clusters`, `budget.monthly`. */
  rule: string;
  field: string;
  message: string;
}

/** The outcome of one governance evaluation of a request. @public */
export interface GovernanceDecision {
  /** Every violation at once; empty when the request may go ahead. */
  violations: GovernanceViolation[];
  /** The policy that applied, by its scope. */
  policy?: { project: string; environment: string };
  /** The request needs an approval from this group before it provisions. */
  approval?: { approverGroup: string };
  /** Estimated monthly cost of the request (the fixed price table until the cost model lands). */
  estimatedMonthlyCost: number;
  /** The requesting team's usage including this request. */
  usageAfter: { clusters: number; nodes: number; vcpus: number; monthlyCost: number };
}
