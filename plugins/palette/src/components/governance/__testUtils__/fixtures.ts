import {
  AuditEvent,
  ClusterApproval,
  StoredGovernancePolicy,
  StoredTeamQuota,
  TeamUsage,
} from '@palette-backstage/plugin-palette-common';

/** A pending request of jane's for production, for the platform team. */
export function approval(
  overrides: Partial<ClusterApproval> = {},
): ClusterApproval {
  return {
    cluster: 'prod-eks-01',
    state: 'Pending',
    requestedBy: 'user:default/jane',
    requestedAt: '2026-10-06T09:00:00Z',
    approverGroup: 'group:default/platform-team',
    expiresAt: '2026-10-13T09:00:00Z',
    summary: {
      owner: 'group:default/team-apollo',
      project: 'system:default/payments',
      environment: 'production',
      profile: { name: 'aws-infra', version: '1.1.0' },
      addOnProfiles: [{ name: 'observability', version: '2.0.0' }],
      cloudAccount: 'aws-prod',
      region: 'eu-west-1',
      nodes: 6,
      estimatedMonthlyCost: 840.96,
    },
    ...overrides,
  };
}

/** The production policy of payments: aws-infra 1.1.0 only, approval by the platform team. */
export function policy(
  overrides: Partial<StoredGovernancePolicy> = {},
): StoredGovernancePolicy {
  return {
    project: 'system:default/payments',
    environment: 'production',
    description: 'Production needs a second pair of eyes',
    allowedProfiles: [{ name: 'aws-infra', versions: ['1.1.0'] }],
    allowedRegions: ['eu-west-1'],
    allowedCloudAccounts: ['aws-prod'],
    allowedInstanceTypes: ['m5.large', 'm5.xlarge'],
    maxPoolSize: 10,
    requireApproval: true,
    approverGroup: 'group:default/platform-team',
    updatedAt: '2026-10-01T09:00:00Z',
    updatedBy: 'user:default/admin',
    ...overrides,
  };
}

/** Team apollo's quota. */
export function quota(
  overrides: Partial<StoredTeamQuota> = {},
): StoredTeamQuota {
  return {
    team: 'group:default/team-apollo',
    maxClusters: 5,
    maxNodes: 40,
    maxVcpus: 160,
    monthlyBudget: 5000,
    updatedAt: '2026-10-01T09:00:00Z',
    updatedBy: 'user:default/admin',
    ...overrides,
  };
}

/** What team apollo runs: 3 of 5 clusters, nodes near the limit. */
export function usage(overrides: Partial<TeamUsage> = {}): TeamUsage {
  return {
    team: 'group:default/team-apollo',
    clusters: 3,
    nodes: 36,
    vcpus: 100,
    monthlyCost: 5200,
    quota: quota(),
    ...overrides,
  };
}

/** An audited publish of aws-infra 1.1.0. */
export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: '42',
    occurredAt: '2026-10-06T09:00:00Z',
    actor: 'user:default/jane',
    action: 'profile.publish',
    target: 'profile:aws-infra@1.1.0',
    before: { latestVersion: '1.0.0' },
    after: { latestVersion: '1.1.0' },
    ...overrides,
  };
}
