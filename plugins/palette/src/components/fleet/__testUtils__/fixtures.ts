import {
  ClusterCompliance,
  ClusterCost,
  ComplianceSummary,
  CostBreakdown,
  FleetCostSummary,
  RuleStatus,
} from '@palette-backstage/plugin-palette-common';
import { PaletteApi } from '../../../api/PaletteApi';
import { fakeClusterApi } from '../../clusters/__testUtils__/fixtures';

export const costSummary = (
  overrides: Partial<FleetCostSummary> = {},
): FleetCostSummary => ({
  currency: 'USD',
  from: '2026-09-01',
  to: '2026-10-01',
  total: 1200,
  previousTotal: 1000,
  runRate: { hourly: 2.5, monthly: 1825 },
  monthToDate: 950,
  forecastMonth: 1800,
  clusters: { live: 3, deleted: 1 },
  ...overrides,
});

export const breakdown = (by: CostBreakdown['by']): CostBreakdown => ({
  by,
  from: '2026-09-01',
  to: '2026-10-01',
  currency: 'USD',
  items:
    by === 'cluster'
      ? [{ key: 'dev-eks-01', cost: 700, previousCost: 300, clusters: 1 }]
      : [
          {
            key: 'group:default/team-apollo',
            cost: 800,
            previousCost: 500,
            clusters: 2,
          },
          {
            key: 'group:default/team-zeus',
            cost: 400,
            previousCost: 500,
            clusters: 1,
          },
        ],
});

export const complianceSummary = (
  overrides: Partial<ComplianceSummary> = {},
): ComplianceSummary => ({
  score: 82,
  previousScore: 80,
  clusters: 4,
  compliantClusters: 2,
  failingBySeverity: { critical: 1, high: 2, medium: 0, low: 3 },
  evaluatedAt: '2026-09-20T10:00:00Z',
  ...overrides,
});

export const RULES: RuleStatus[] = [
  {
    rule: 'profile.current',
    severity: 'low',
    description: 'Runs the latest profile version',
    failing: 3,
    passing: 1,
  },
  {
    rule: 'kubernetes.supported',
    severity: 'critical',
    description: 'Runs a supported Kubernetes version',
    failing: 1,
    passing: 3,
  },
];

export const clusterCost: ClusterCost = {
  cluster: 'dev-eks-01',
  currency: 'USD',
  runRate: { hourly: 0.5, monthly: 365 },
  monthToDate: 120.25,
  lifetime: 980,
  daily: [
    { day: '2026-09-18', cost: 11 },
    { day: '2026-09-19', cost: 12 },
  ],
};

export const clusterCompliance: ClusterCompliance = {
  cluster: 'dev-eks-01',
  score: 64,
  evaluatedAt: '2026-09-20T10:00:00Z',
  findings: [
    {
      rule: 'drift.none',
      severity: 'high',
      passed: false,
      reason: '2 resources drifted from the profile',
      action: 'reconcile the cluster',
    },
    {
      rule: 'owner.exists',
      severity: 'medium',
      passed: true,
      reason: 'group:default/team-apollo exists',
    },
  ],
  scans: [],
};

/** A PaletteApi mock with answers for fleet cost and compliance. */
export function fakeFleetApi(overrides: Partial<PaletteApi> = {}) {
  return fakeClusterApi({
    getFleetCostSummary: async () => costSummary(),
    getFleetCostBreakdown: async filter => breakdown(filter?.by ?? 'team'),
    getFleetCostTrend: async () => ({
      granularity: 'day',
      currency: 'USD',
      points: [
        { period: '2026-09-01', cost: 40 },
        { period: '2026-09-02', cost: 42 },
      ],
    }),
    listBudgets: async () => ({
      items: [
        {
          team: 'group:default/team-apollo',
          budget: 1000,
          monthToDate: 1100,
          forecast: 1500,
          overBudget: true,
          atRisk: true,
        },
        {
          team: 'group:default/team-zeus',
          budget: 1000,
          monthToDate: 400,
          forecast: 1200,
          overBudget: false,
          atRisk: true,
        },
      ],
    }),
    exportFleetCost: async () => ({ filename: 'cost.csv', content: 'a,b\n' }),
    getComplianceSummary: async () => complianceSummary(),
    listComplianceRules: async () => ({ items: RULES }),
    listComplianceScores: async by => ({
      items: [
        {
          key: by === 'team' ? 'group:default/team-apollo' : 'aws-full',
          score: 75,
          clusters: 2,
          failing: 1,
        },
      ],
    }),
    getComplianceTrend: async () => ({
      points: [
        { day: '2026-09-01', score: 80 },
        { day: '2026-09-02', score: 82 },
      ],
    }),
    listRuleClusters: async () => ({
      items: [
        {
          cluster: 'dev-eks-01',
          owner: 'group:default/team-apollo',
          project: 'system:default/payments',
          environment: 'dev',
          profile: 'aws-full',
          rule: 'kubernetes.supported',
          severity: 'critical',
          passed: false,
          reason: 'Kubernetes 1.27 is past end of life',
          action: 'upgrade to profile version 1.1.0',
        },
      ],
      totalCount: 1,
    }),
    exportCompliance: async () => ({
      filename: 'compliance.csv',
      content: 'a\n',
    }),
    getClusterCost: async () => clusterCost,
    getClusterCompliance: async () => clusterCompliance,
    ...overrides,
  });
}
