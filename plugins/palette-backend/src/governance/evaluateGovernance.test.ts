import { GovernancePolicy } from '@palette-backstage/plugin-palette-common';
import { devRequest } from '../clusters/testFixtures';
import { effectivePolicy } from './effectivePolicy';
import { footprintOf } from './estimate';
import { evaluateGovernance, TeamUsageTotals } from './evaluateGovernance';
import { HOURS_PER_MONTH, INSTANCE_TYPES } from './priceTable';

const NONE: TeamUsageTotals = {
  clusters: 0,
  nodes: 0,
  vcpus: 0,
  monthlyCost: 0,
};

const policy = (p: Partial<GovernancePolicy> = {}): GovernancePolicy => ({
  project: '*',
  environment: '*',
  requireApproval: false,
  ...p,
});

const rules = (d: ReturnType<typeof evaluateGovernance>) =>
  d.violations.map(v => `${v.rule} @ ${v.field}`);

describe('footprintOf', () => {
  it('counts control plane and pools, autoscaled pools at their maximum', () => {
    const request = devRequest('x', {
      controlPlane: { replicas: 3 },
      workerPools: [
        { name: 'a', instanceType: 'medium', count: 2 },
        {
          name: 'b',
          instanceType: 'large',
          count: 1,
          autoscaling: { min: 1, max: 4 },
        },
      ],
    });
    const medium = INSTANCE_TYPES.medium;
    const large = INSTANCE_TYPES.large;
    const fp = footprintOf(request, 'dev');
    expect(fp.nodes).toBe(3 + 2 + 4);
    expect(fp.vcpus).toBe(5 * medium.vcpus + 4 * large.vcpus);
    expect(fp.monthlyCost).toBeCloseTo(
      (5 * medium.hourly + 4 * large.hourly) * HOURS_PER_MONTH,
      2,
    );
    expect(fp.unknownInstanceTypes).toEqual([]);
  });

  it('charges a managed control plane its fee instead of machines', () => {
    const request = devRequest('x', {
      workerPools: [{ name: 'a', instanceType: 'm5.large', count: 2 }],
    });
    const fp = footprintOf(request, 'eks');
    expect(fp.nodes).toBe(2);
    expect(fp.monthlyCost).toBeCloseTo((0.1 + 2 * 0.096) * HOURS_PER_MONTH, 2);
  });
});

describe('effectivePolicy', () => {
  const all = [
    policy({ description: 'any' }),
    policy({ environment: 'production', description: 'any production' }),
    policy({ project: 'system:default/payments', description: 'payments' }),
    policy({
      project: 'system:default/payments',
      environment: 'production',
      description: 'payments production',
    }),
  ];
  it.each([
    ['system:default/payments', 'production', 'payments production'],
    ['System:default/Payments', 'dev', 'payments'],
    ['system:default/storefront', 'production', 'any production'],
    ['system:default/storefront', 'dev', 'any'],
  ])('%s in %s gets the most specific policy', (project, env, expected) => {
    expect(effectivePolicy(all, project, env)?.description).toBe(expected);
  });
  it('is undefined without policies', () => {
    expect(effectivePolicy([], 'system:default/x', 'dev')).toBeUndefined();
  });
});

describe('evaluateGovernance', () => {
  const base = { provider: 'dev' as const, usage: NONE };

  it('accepts a request no policy or quota limits', () => {
    const decision = evaluateGovernance({ ...base, request: devRequest('ok') });
    expect(decision.violations).toEqual([]);
    expect(decision.approval).toBeUndefined();
    expect(decision.usageAfter.clusters).toBe(1);
  });

  it.each<
    [
      string,
      Partial<GovernancePolicy>,
      Partial<ReturnType<typeof devRequest>>,
      string,
    ]
  >([
    [
      'profile',
      { allowedProfiles: [{ name: 'aws-infra' }] },
      {},
      'policy.profile @ profile',
    ],
    [
      'profile version',
      { allowedProfiles: [{ name: 'dev-full', versions: ['1.1.0'] }] },
      {},
      'policy.profileVersion @ profile.version',
    ],
    [
      'add-on profile',
      { allowedProfiles: [{ name: 'dev-full' }] },
      { addOnProfiles: [{ name: 'observability', version: '1.0.0' }] },
      'policy.profile @ addOnProfiles.0',
    ],
    ['region', { allowedRegions: ['eu-west-1'] }, {}, 'policy.region @ region'],
    [
      'cloud account',
      { allowedCloudAccounts: ['aws-prod'] },
      {},
      'policy.cloudAccount @ cloudAccount',
    ],
    [
      'instance type',
      { allowedInstanceTypes: ['small'] },
      {},
      'policy.instanceType @ workerPools.0.instanceType',
    ],
    [
      'control plane instance type',
      { allowedInstanceTypes: ['medium'] },
      { controlPlane: { replicas: 1, instanceType: 'xlarge' } },
      'policy.instanceType @ controlPlane.instanceType',
    ],
    [
      'pool size',
      { maxPoolSize: 1 },
      {},
      'policy.maxPoolSize @ workerPools.0.count',
    ],
    [
      'autoscaling maximum',
      { maxPoolSize: 3 },
      {
        workerPools: [
          {
            name: 'w',
            instanceType: 'medium',
            count: 2,
            autoscaling: { min: 1, max: 5 },
          },
        ],
      },
      'policy.maxPoolSize @ workerPools.0.autoscaling.max',
    ],
  ])(
    'rejects what the %s rule does not allow, and accepts what it does',
    (_rule, p, overrides, expected) => {
      const rejected = evaluateGovernance({
        ...base,
        request: devRequest('x', overrides),
        policy: policy(p),
      });
      expect(rules(rejected)).toEqual([expected]);
      expect(rejected.violations[0].message).toMatch(/not allowed|at most/);
      // The same request with no policy is fine.
      expect(
        evaluateGovernance({ ...base, request: devRequest('x', overrides) })
          .violations,
      ).toEqual([]);
    },
  );

  it('accepts a request that meets every rule of a strict policy', () => {
    const decision = evaluateGovernance({
      ...base,
      request: devRequest('x'),
      policy: policy({
        allowedProfiles: [{ name: 'dev-full', versions: ['1.0.0'] }],
        allowedRegions: ['local'],
        allowedCloudAccounts: ['local'],
        allowedInstanceTypes: ['medium'],
        maxPoolSize: 2,
      }),
    });
    expect(decision.violations).toEqual([]);
  });

  it('returns every violation at once', () => {
    const decision = evaluateGovernance({
      ...base,
      request: devRequest('x'),
      policy: policy({
        allowedRegions: ['eu'],
        allowedCloudAccounts: ['aws'],
        maxPoolSize: 1,
      }),
      quota: { team: 'group:default/team-apollo', maxClusters: 0 },
    });
    expect(rules(decision)).toEqual([
      'policy.region @ region',
      'policy.cloudAccount @ cloudAccount',
      'policy.maxPoolSize @ workerPools.0.count',
      'quota.clusters @ owner',
    ]);
  });

  it('checks cluster, node and vCPU quotas against usage plus the request', () => {
    const request = devRequest('x'); // 1 + 2 medium nodes
    const vcpus = 3 * INSTANCE_TYPES.medium.vcpus;
    const quota = {
      team: 'group:default/team-apollo',
      maxClusters: 2,
      maxNodes: 10,
      maxVcpus: 40,
    };
    const ok = evaluateGovernance({
      ...base,
      request,
      quota,
      usage: { clusters: 1, nodes: 7, vcpus: 40 - vcpus, monthlyCost: 0 },
    });
    expect(ok.violations).toEqual([]);
    const over = evaluateGovernance({
      ...base,
      request,
      quota,
      usage: { clusters: 2, nodes: 8, vcpus: 41 - vcpus, monthlyCost: 0 },
    });
    expect(rules(over)).toEqual([
      'quota.clusters @ owner',
      'quota.nodes @ workerPools',
      'quota.vcpus @ workerPools',
    ]);
    // A change to an existing cluster adds no cluster.
    const change = evaluateGovernance({
      ...base,
      request,
      quota,
      usage: { clusters: 2, nodes: 0, vcpus: 0, monthlyCost: 0 },
      existing: true,
    });
    expect(change.violations).toEqual([]);
  });

  it('refuses a vCPU quota check it cannot make', () => {
    const decision = evaluateGovernance({
      ...base,
      request: devRequest('x', {
        workerPools: [{ name: 'w', instanceType: 'mystery.huge', count: 1 }],
      }),
      quota: { team: 'group:default/team-apollo', maxVcpus: 100 },
    });
    expect(rules(decision)).toEqual([
      'quota.unknownInstanceType @ workerPools',
    ]);
  });

  it('checks the monthly budget with the fixed price table', () => {
    const request = devRequest('x');
    const cost = footprintOf(request, 'dev').monthlyCost;
    const quota = { team: 'group:default/team-apollo', monthlyBudget: 500 };
    expect(
      evaluateGovernance({
        ...base,
        request,
        quota,
        usage: { ...NONE, monthlyCost: 500 - cost },
      }).violations,
    ).toEqual([]);
    const over = evaluateGovernance({
      ...base,
      request,
      quota,
      usage: { ...NONE, monthlyCost: 501 - cost },
    });
    expect(rules(over)).toEqual(['budget.monthly @ owner']);
    expect(over.violations[0].message).toContain('monthly budget is 500.00');
    expect(over.estimatedMonthlyCost).toBe(cost);
  });

  it('asks for an approval where the policy requires one, not for changes', () => {
    const p = policy({
      environment: 'production',
      requireApproval: true,
      approverGroup: 'group:default/platform-team',
    });
    const request = devRequest('x', { environment: 'production' });
    expect(
      evaluateGovernance({ ...base, request, policy: p }).approval,
    ).toEqual({
      approverGroup: 'group:default/platform-team',
    });
    expect(
      evaluateGovernance({ ...base, request, policy: p, existing: true })
        .approval,
    ).toBeUndefined();
  });
});
