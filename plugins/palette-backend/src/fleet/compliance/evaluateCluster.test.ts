import {
  ComplianceRuleId,
  ScanResult,
} from '@palette-backstage/plugin-palette-common';
import { evaluateCluster } from './evaluateCluster';
import { ClusterFacts, EvaluationContext } from './facts';
import { RULES } from './ruleCatalog';
import { complianceScore } from './score';
import { compliantFacts, testContext } from './testFacts';

function finding(
  rule: ComplianceRuleId,
  facts: Partial<ClusterFacts>,
  context: Partial<EvaluationContext> = {},
) {
  const found = evaluateCluster(compliantFacts(facts), testContext(context));
  return found.find(f => f.rule === rule)!;
}

const scan = (kind: ScanResult['kind'], passed: boolean): ScanResult => ({
  kind,
  tool: kind === 'cis' ? 'kube-bench' : 'trivy',
  receivedAt: '2026-11-23T10:00:00.000Z',
  passed,
  counts: {},
  summary: passed ? 'all good' : '2 failed',
});

describe('evaluateCluster', () => {
  it('passes every rule for a compliant cluster, in catalog order, scoring 100', () => {
    const findings = evaluateCluster(compliantFacts(), testContext());
    expect(findings.map(f => f.rule)).toEqual(Object.keys(RULES));
    expect(findings.filter(f => !f.passed)).toEqual([]);
    expect(findings.every(f => f.action === undefined)).toBe(true);
    expect(complianceScore(findings)).toBe(100);
  });

  it.each<[ComplianceRuleId, Partial<ClusterFacts>, RegExp, RegExp]>([
    [
      'kubernetes.supported',
      { kubernetesVersion: 'v1.32.12' },
      /Kubernetes 1\.32 is outside the supported minors \(1\.35, 1\.34, 1\.33\)/,
      /Upgrade to Kubernetes 1\.33 or newer/,
    ],
    [
      'kubernetes.supported',
      { kubernetesVersion: undefined },
      /not known yet/,
      /Wait for the cluster/,
    ],
    [
      'kubernetes.endOfLife',
      { kubernetesVersion: '1.33.13' },
      /reached end of life on 2026-06-28/,
      /Upgrade to a supported Kubernetes minor \(1\.35\)/,
    ],
    [
      'profile.notDeprecated',
      {
        profile: {
          ...compliantFacts().profile!,
          version: '1.0.0',
          deprecated: true,
          versionsBehind: 2,
        },
      },
      /aws-standard@1\.0\.0 is deprecated/,
      /Upgrade to profile version 1\.2\.0/,
    ],
    [
      'profile.notDeprecated',
      { profile: { ...compliantFacts().profile!, found: false } },
      /is not published/,
      /Upgrade to profile version 1\.2\.0/,
    ],
    [
      'profile.current',
      {
        profile: {
          ...compliantFacts().profile!,
          version: '1.0.0',
          versionsBehind: 3,
        },
      },
      /3 versions behind the latest \(at most 2 allowed\)/,
      /Upgrade to profile version 1\.2\.0/,
    ],
    [
      'drift.none',
      { drift: ['HelmChartProxy/monitoring spec.version'] },
      /1 field\(s\) drifted.*HelmChartProxy\/monitoring spec\.version/,
      /re-apply the desired state/,
    ],
    [
      'addons.required',
      {
        packNames: ['ubuntu', 'kubernetes', 'cilium', 'kube-prometheus-stack'],
      },
      /Missing required add-on\(s\) in production: policy engine$/,
      /Add kyverno or gatekeeper/,
    ],
    [
      'controlPlane.highlyAvailable',
      { controlPlane: { replicas: 1, managed: false } },
      /1 replica\(s\) in production, which requires 3 or more/,
      /Scale the control plane to 3 replicas/,
    ],
    [
      'pools.withinPolicy',
      {
        pools: [{ name: 'batch', instanceType: 'p4d.24xlarge', maxNodes: 20 }],
      },
      /pool batch grows to 20 nodes \(at most 10\); pool batch uses p4d\.24xlarge \(allowed: m5\.large, m5\.xlarge\)/,
      /Resize the pools/,
    ],
    [
      'owner.exists',
      { ownerExists: false },
      /group:default\/team-apollo does not exist in the catalog/,
      /Transfer the cluster/,
    ],
    [
      'scan.cis',
      { scans: { cis: scan('cis', false) } },
      /latest CIS benchmark scan failed \(kube-bench, .*\): 2 failed/,
      /Fix the failing CIS checks/,
    ],
    [
      'scan.conformance',
      { scans: { conformance: scan('conformance', false) } },
      /latest conformance scan failed/,
      /conformance tests/,
    ],
    [
      'scan.vulnerabilities',
      { scans: { vulnerabilities: scan('vulnerabilities', false) } },
      /latest vulnerability scan failed \(trivy/,
      /Patch or upgrade/,
    ],
  ])('fails %s with a reason and an action', (rule, facts, reason, action) => {
    const result = finding(rule, facts);
    expect(result).toMatchObject({
      rule,
      severity: RULES[rule].severity,
      passed: false,
    });
    expect(result.reason).toMatch(reason);
    expect(result.action).toMatch(action);
  });

  it.each<[ComplianceRuleId, Partial<ClusterFacts>, RegExp]>([
    [
      'kubernetes.endOfLife',
      { kubernetesVersion: '1.35.0' },
      /no announced end of life/,
    ],
    ['kubernetes.endOfLife', {}, /^Kubernetes 1\.34 has no announced/],
    [
      'profile.current',
      { profile: { ...compliantFacts().profile!, versionsBehind: 2 } },
      /2 version\(s\) behind \(at most 2 allowed\)/,
    ],
    [
      'addons.required',
      { environment: 'dev', packNames: [] },
      /Environment dev requires no add-ons/,
    ],
    [
      'controlPlane.highlyAvailable',
      { controlPlane: { replicas: 1, managed: true } },
      /managed by the provider/,
    ],
    [
      'controlPlane.highlyAvailable',
      { environment: 'dev', controlPlane: { replicas: 1, managed: false } },
      /dev does not require high availability/,
    ],
    [
      'pools.withinPolicy',
      {
        policy: undefined,
        pools: [{ name: 'big', instanceType: 'x', maxNodes: 999 }],
      },
      /No governance policy applies/,
    ],
    [
      'pools.withinPolicy',
      { policy: { label: 'any', maxPoolSize: undefined } },
      /respect policy any/,
    ],
    [
      'owner.exists',
      { ownerExists: undefined },
      /could not be checked: the catalog did not answer/,
    ],
    ['scan.cis', {}, /No CIS benchmark scan has been reported yet/],
    ['scan.conformance', {}, /No conformance scan has been reported yet/],
    [
      'scan.vulnerabilities',
      { scans: { vulnerabilities: scan('vulnerabilities', true) } },
      /latest vulnerability scan passed \(trivy, .*\): all good/,
    ],
  ])('passes %s (%#)', (rule, facts, reason) => {
    const result = finding(rule, facts);
    expect(result.passed).toBe(true);
    expect(result.reason).toMatch(reason);
  });

  it('passes end of life before the date and fails it from the date on', () => {
    const facts = { kubernetesVersion: '1.33.13' };
    expect(
      finding('kubernetes.endOfLife', facts, {
        now: new Date('2026-06-27T23:00:00Z'),
      }),
    ).toMatchObject({
      passed: true,
      reason: 'Kubernetes 1.33 reaches end of life on 2026-06-28',
    });
    expect(
      finding('kubernetes.endOfLife', facts, {
        now: new Date('2026-06-28T00:00:00Z'),
      }).passed,
    ).toBe(false);
  });

  it('weights the score by severity', () => {
    // One critical rule (10) fails: 2 critical, 4 high, 4 medium and 2 low
    // rules weigh 2×10 + 4×5 + 4×3 + 2×1 = 54 in total.
    const findings = evaluateCluster(
      compliantFacts({
        scans: { vulnerabilities: scan('vulnerabilities', false) },
      }),
      testContext(),
    );
    expect(complianceScore(findings)).toBe(Math.round((44 / 54) * 100));
    expect(complianceScore([])).toBe(100);
  });
  it('treats profile, drift and add-on rules as not applicable on read-only imports, and checks their discovered version', () => {
    const imported = compliantFacts({
      profile: undefined,
      imported: 'read-only',
      drift: ['HelmChartProxy/x spec.version'],
      packNames: [],
      kubernetesVersion: '1.32.3',
    });
    const findings = evaluateCluster(imported, testContext());
    const byRule = Object.fromEntries(findings.map(f => [f.rule, f]));
    for (const rule of [
      'profile.current',
      'profile.notDeprecated',
      'drift.none',
      'addons.required',
    ]) {
      expect(byRule[rule]).toMatchObject({ passed: true });
      expect(byRule[rule].reason).toMatch(/^Not applicable: /);
    }
    expect(byRule['kubernetes.supported']).toMatchObject({ passed: false });
    expect(byRule['kubernetes.supported'].reason).toMatch(/1\.32/);
  });

  it('still checks drift and required add-ons of managed imports', () => {
    const findings = evaluateCluster(
      compliantFacts({
        profile: undefined,
        imported: 'managed',
        drift: ['HelmChartProxy/x spec.version'],
        packNames: [],
      }),
      testContext(),
    );
    const byRule = Object.fromEntries(findings.map(f => [f.rule, f]));
    expect(byRule['drift.none'].passed).toBe(false);
    expect(byRule['addons.required'].passed).toBe(false);
    expect(byRule['profile.current'].reason).toMatch(/^Not applicable/);
  });
});
