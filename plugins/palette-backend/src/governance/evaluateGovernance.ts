import {
  ClusterRequest,
  CloudType,
  GovernanceDecision,
  GovernancePolicy,
  GovernanceViolation,
  ProfileRef,
  TeamQuota,
} from '@palette-backstage/plugin-palette-common';
import { footprintOf, RequestFootprint } from './estimate';

/** What a team uses, without the cluster being evaluated. */
export interface TeamUsageTotals {
  clusters: number;
  nodes: number;
  vcpus: number;
  monthlyCost: number;
}

/** The input of {@link evaluateGovernance}. */
export interface GovernanceInput {
  request: ClusterRequest;
  provider: CloudType;
  /** The effective policy of the request's project and environment. */
  policy?: GovernancePolicy;
  /** The owning team's quota. */
  quota?: TeamQuota;
  /** The owning team's usage, this cluster left out. */
  usage: TeamUsageTotals;
  /** A change of an existing cluster: it adds no cluster and needs no new approval. */
  existing?: boolean;
  /** The request's footprint, when priced by the cost model (else the fixed table). */
  footprint?: RequestFootprint;
}

const money = (n: number) => n.toFixed(2);

function profileViolation(
  policy: GovernancePolicy,
  ref: ProfileRef,
  field: string,
): GovernanceViolation | undefined {
  const allowed = policy.allowedProfiles;
  if (!allowed) return undefined;
  const entry = allowed.find(a => a.name === ref.name);
  if (!entry) {
    return {
      rule: 'policy.profile',
      field,
      message: `profile "${ref.name}" is not allowed here (allowed: ${allowed
        .map(a => a.name)
        .join(', ')})`,
    };
  }
  if (entry.versions && !entry.versions.includes(ref.version)) {
    return {
      rule: 'policy.profileVersion',
      field: `${field}.version`,
      message: `version ${ref.version} of "${
        ref.name
      }" is not allowed here (allowed: ${entry.versions.join(', ')})`,
    };
  }
  return undefined;
}

function policyViolations(
  request: ClusterRequest,
  policy: GovernancePolicy,
): GovernanceViolation[] {
  const violations: GovernanceViolation[] = [];
  const push = (v: GovernanceViolation | undefined) => v && violations.push(v);
  push(profileViolation(policy, request.profile, 'profile'));
  request.addOnProfiles.forEach((ref, i) =>
    push(profileViolation(policy, ref, `addOnProfiles.${i}`)),
  );
  if (policy.allowedRegions && !policy.allowedRegions.includes(request.region))
    push({
      rule: 'policy.region',
      field: 'region',
      message: `region "${
        request.region
      }" is not allowed here (allowed: ${policy.allowedRegions.join(', ')})`,
    });
  if (
    policy.allowedCloudAccounts &&
    !policy.allowedCloudAccounts.includes(request.cloudAccount)
  )
    push({
      rule: 'policy.cloudAccount',
      field: 'cloudAccount',
      message: `cloud account "${
        request.cloudAccount
      }" is not allowed here (allowed: ${policy.allowedCloudAccounts.join(
        ', ',
      )})`,
    });
  const types = policy.allowedInstanceTypes;
  const typeViolation = (instanceType: string, field: string) =>
    types && !types.includes(instanceType)
      ? {
          rule: 'policy.instanceType',
          field,
          message: `instance type "${instanceType}" is not allowed here (allowed: ${types.join(
            ', ',
          )})`,
        }
      : undefined;
  if (request.controlPlane.instanceType)
    push(
      typeViolation(
        request.controlPlane.instanceType,
        'controlPlane.instanceType',
      ),
    );
  request.workerPools.forEach((pool, i) => {
    push(typeViolation(pool.instanceType, `workerPools.${i}.instanceType`));
    const max = policy.maxPoolSize;
    if (max === undefined) return;
    if (pool.count > max)
      push({
        rule: 'policy.maxPoolSize',
        field: `workerPools.${i}.count`,
        message: `pool "${pool.name}" asks for ${pool.count} nodes; at most ${max} are allowed here`,
      });
    if (pool.autoscaling && pool.autoscaling.max > max)
      push({
        rule: 'policy.maxPoolSize',
        field: `workerPools.${i}.autoscaling.max`,
        message: `pool "${pool.name}" may autoscale to ${pool.autoscaling.max} nodes; at most ${max} are allowed here`,
      });
  });
  return violations;
}

/**
 * One governance evaluation of a request, as every path (API, scaffolder,
 * UI) gets it: every violation at once, whether an approval is needed, and
 * what the request adds to its team's usage. Pure: the quota check that
 * counts is repeated under a lock when the request is stored.
 */
export function evaluateGovernance(input: GovernanceInput): GovernanceDecision {
  const { request, provider, policy, quota, usage, existing } = input;
  const footprint = input.footprint ?? footprintOf(request, provider);
  const after = {
    clusters: usage.clusters + (existing ? 0 : 1),
    nodes: usage.nodes + footprint.nodes,
    vcpus: usage.vcpus + footprint.vcpus,
    monthlyCost:
      Math.round((usage.monthlyCost + footprint.monthlyCost) * 100) / 100,
  };
  const violations = policy ? policyViolations(request, policy) : [];
  if (quota) {
    const team = request.owner;
    if (quota.maxClusters !== undefined && after.clusters > quota.maxClusters)
      violations.push({
        rule: 'quota.clusters',
        field: 'owner',
        message: `${team} would have ${after.clusters} clusters; its quota is ${quota.maxClusters}`,
      });
    if (quota.maxNodes !== undefined && after.nodes > quota.maxNodes)
      violations.push({
        rule: 'quota.nodes',
        field: 'workerPools',
        message: `${team} would have ${after.nodes} nodes (autoscaling maxima included); its quota is ${quota.maxNodes}`,
      });
    if (quota.maxVcpus !== undefined) {
      if (after.vcpus > quota.maxVcpus)
        violations.push({
          rule: 'quota.vcpus',
          field: 'workerPools',
          message: `${team} would have ${after.vcpus} vCPUs; its quota is ${quota.maxVcpus}`,
        });
      for (const type of footprint.unknownInstanceTypes)
        violations.push({
          rule: 'quota.unknownInstanceType',
          field: 'workerPools',
          message: `the vCPUs of instance type "${type}" are unknown, so ${team}'s vCPU quota cannot be checked; choose a known type`,
        });
    }
    if (
      quota.monthlyBudget !== undefined &&
      after.monthlyCost > quota.monthlyBudget
    )
      violations.push({
        rule: 'budget.monthly',
        field: 'owner',
        message: `${team} would spend an estimated ${money(
          after.monthlyCost,
        )} a month (this cluster ${money(
          footprint.monthlyCost,
        )}); its monthly budget is ${money(quota.monthlyBudget)}`,
      });
  }
  return {
    violations,
    ...(policy
      ? { policy: { project: policy.project, environment: policy.environment } }
      : {}),
    ...(policy?.requireApproval && policy.approverGroup && !existing
      ? { approval: { approverGroup: policy.approverGroup } }
      : {}),
    estimatedMonthlyCost: footprint.monthlyCost,
    usageAfter: after,
  };
}

/** Violations as one line, for a 403. */
export function describeViolations(violations: GovernanceViolation[]): string {
  return violations.map(v => `${v.field}: ${v.message}`).join('; ');
}
