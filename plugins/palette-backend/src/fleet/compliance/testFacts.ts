import { ClusterFacts, EvaluationContext } from './facts';
import { DEFAULT_COMPLIANCE_SETTINGS } from './settings';

// Test helpers (not exported from the package).

/** A production cluster that passes every rule; tests break one fact at a time. */
export function compliantFacts(
  overrides: Partial<ClusterFacts> = {},
): ClusterFacts {
  return {
    name: 'payments-prod',
    owner: 'group:default/team-apollo',
    environment: 'production',
    kubernetesVersion: 'v1.34.10',
    profile: {
      name: 'aws-standard',
      version: '1.2.0',
      found: true,
      deprecated: false,
      latestVersion: '1.2.0',
      versionsBehind: 0,
    },
    drift: [],
    packNames: [
      'ubuntu',
      'kubernetes',
      'cilium',
      'kyverno',
      'kube-prometheus-stack',
    ],
    controlPlane: { replicas: 3, managed: false },
    pools: [{ name: 'workers', instanceType: 'm5.large', maxNodes: 4 }],
    policy: {
      label: 'system:default/payments/production',
      maxPoolSize: 10,
      allowedInstanceTypes: ['m5.large', 'm5.xlarge'],
    },
    ownerExists: true,
    scans: {},
    ...overrides,
  };
}

export function testContext(
  overrides: Partial<EvaluationContext> = {},
): EvaluationContext {
  return {
    settings: DEFAULT_COMPLIANCE_SETTINGS,
    kubernetes: {
      supportedMinors: ['1.35', '1.34', '1.33'],
      endOfLife: { '1.31': '2025-10-28', '1.33': '2026-06-28' },
    },
    now: new Date('2026-11-24T08:00:00.000Z'),
    ...overrides,
  };
}
