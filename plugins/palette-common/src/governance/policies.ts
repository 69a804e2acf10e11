import { z } from 'zod';
import { semverSchema } from '../packs/types';
import { PROFILE_NAME_PATTERN } from '../profiles/types';

/** A project (System ref) or environment a policy applies to; `*` for any. @public */
export const POLICY_WILDCARD = '*';

/** A profile a policy allows, at some versions or at any. @public */
export const allowedProfileSchema = z.object({
  name: z.string().regex(PROFILE_NAME_PATTERN, 'must be a profile name'),
  /** Only these versions; any published version when absent. */
  versions: z.array(semverSchema).min(1).optional(),
});
/** @public */
export type AllowedProfile = z.infer<typeof allowedProfileSchema>;

/**
 * What may be requested in a project and environment. Every list is a
 * whitelist; an absent list allows anything. The most specific policy
 * applies: (project, environment), then (project, `*`), then
 * (`*`, environment), then (`*`, `*`).
 *
 * @public
 */
export const governancePolicySchema = z
  .object({
    /** A System entity ref such as `system:default/payments`, or `*`. */
    project: z.string().min(1),
    /** An environment such as `production`, or `*`. */
    environment: z.string().min(1),
    description: z.string().max(2000).optional(),
    allowedProfiles: z.array(allowedProfileSchema).optional(),
    allowedRegions: z.array(z.string().min(1)).optional(),
    allowedCloudAccounts: z.array(z.string().min(1)).optional(),
    /** Instance types or sizes (e.g. `m5.large`, `medium`). */
    allowedInstanceTypes: z.array(z.string().min(1)).optional(),
    /** Largest node count of one pool (its autoscaling max included). */
    maxPoolSize: z.number().int().min(1).max(1000).optional(),
    /** Requests must be approved by a member of `approverGroup` first. */
    requireApproval: z.boolean().default(false),
    /** A group entity ref, e.g. `group:default/platform-team`. */
    approverGroup: z.string().min(1).optional(),
  })
  .refine(p => !p.requireApproval || p.approverGroup, {
    message: 'an approver group is required when approval is required',
    path: ['approverGroup'],
  });
/** @public */
export type GovernancePolicy = z.output<typeof governancePolicySchema>;
/** @public */
export type GovernancePolicyInput = z.input<typeof governancePolicySchema>;

/** A stored policy, with who changed it last. @public */
export type StoredGovernancePolicy = GovernancePolicy & {
  updatedAt: string;
  updatedBy: string;
};

/**
 * A team's quota: at most this many live clusters, nodes and vCPUs, and a
 * monthly budget (in the price model's currency) for the estimated cost of
 * its clusters. An absent limit is no limit.
 *
 * @public
 */
export const teamQuotaSchema = z.object({
  /** A group entity ref, e.g. `group:default/team-apollo`. */
  team: z.string().min(1),
  maxClusters: z.number().int().min(0).optional(),
  maxNodes: z.number().int().min(0).optional(),
  maxVcpus: z.number().int().min(0).optional(),
  monthlyBudget: z.number().min(0).optional(),
});
/** @public */
export type TeamQuota = z.infer<typeof teamQuotaSchema>;

/** A stored quota, with who changed it last. @public */
export type StoredTeamQuota = TeamQuota & {
  updatedAt: string;
  updatedBy: string;
};

/** What a team uses now, against its quota. @public */
export interface TeamUsage {
  team: string;
  clusters: number;
  nodes: number;
  vcpus: number;
  /** Estimated monthly cost of its live clusters. */
  monthlyCost: number;
  quota?: TeamQuota;
}
