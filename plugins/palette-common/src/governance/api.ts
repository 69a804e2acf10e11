import type { StoredGovernancePolicy } from './policies';

/**
 * The REST contract of the governance routes of palette-backend, shared by
 * the router, the scaffolder actions and the frontend:
 *
 * - `GET /governance/policies` → `{ items: StoredGovernancePolicy[] }`
 * - `GET /governance/policies/effective?project=&environment=` →
 *   `{ policy?: StoredGovernancePolicy }` (the most specific that applies)
 * - `PUT /governance/policies` (body `GovernancePolicyInput`, upserted by
 *   project and environment) → `StoredGovernancePolicy` — `palette.policy.manage`
 * - `DELETE /governance/policies?project=&environment=` → 204 — `palette.policy.manage`
 * - `GET /governance/quotas` → `{ items: StoredTeamQuota[] }`
 * - `PUT /governance/quotas` (body `TeamQuota`) → `StoredTeamQuota` — `palette.policy.manage`
 * - `DELETE /governance/quotas?team=` → 204 — `palette.policy.manage`
 * - `GET /governance/usage?team=` → `{ items: TeamUsage[] }`
 * - `POST /governance/evaluate` (body `ClusterRequestInput`) → `GovernanceDecision`
 * - `GET /approvals?state=&mine=&limit=` → `{ items: ClusterApproval[] }`
 * - `POST /clusters/:name/approval` (body `ApprovalDecision`) → `ClusterDetails`
 *   — `palette.cluster.approve` and membership of the approver group
 *
 * A request that governance refuses is a 403 (`NotAllowedError`) whose
 * message lists every violation as `field: message; field: message`.
 */

/** `GET /governance/policies/effective` reply. @public */
export interface EffectivePolicyResponse {
  policy?: StoredGovernancePolicy;
}
