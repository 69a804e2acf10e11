import { WorkloadCluster } from '../model/types';
import { minorOf, semverOf } from '../model/version';
import { SeededRandom } from '../random';
import { Check, Control, KUBEADM_CONTROLS, managedControls } from './cisChecks';
import { ageOf, scanSeed } from './seed';

/** The benchmark kube-bench picks for the cluster's distribution and version. */
function benchmarkOf(model: WorkloadCluster): string {
  switch (model.flavour) {
    case 'eks':
      return 'eks-1.5.0';
    case 'aks':
      return 'aks-1.7';
    case 'gke':
      return 'gke-1.6.0';
    default:
      return minorOf(model.gitVersion) >= 28 ? 'cis-1.10' : 'cis-1.8';
  }
}

/**
 * A `kube-bench --json` report: `{ Controls, Totals }`. Manual checks WARN;
 * automated checks PASS except a few that FAIL (or WARN), more of them on
 * older Kubernetes versions; the same cluster and version give the same report.
 */
export function kubeBenchReport(model: WorkloadCluster) {
  const random = new SeededRandom(scanSeed(model, 'kube-bench'));
  const age = ageOf(model);
  const failRate = Math.min(0.25, 0.03 + 0.03 * age);
  const version = benchmarkOf(model);
  const detected = semverOf(model.gitVersion).split('.').slice(0, 2).join('.');
  const controls =
    model.flavour === 'kubeadm'
      ? KUBEADM_CONTROLS
      : managedControls(model.flavour);
  const status = ([, , manual]: Check) => {
    if (manual) return 'WARN';
    if (random.chance(failRate)) return 'FAIL';
    return random.chance(0.03) ? 'WARN' : 'PASS';
  };

  const Controls = controls.map((control: Control) => {
    const totals = { pass: 0, fail: 0, warn: 0, info: 0 };
    const tests = control.sections.map(section => {
      const counts = { pass: 0, fail: 0, warn: 0, info: 0 };
      const results = section.checks.map(check => {
        const s = status(check);
        counts[s.toLowerCase() as 'pass' | 'fail' | 'warn'] += 1;
        return result(check, s);
      });
      totals.pass += counts.pass;
      totals.fail += counts.fail;
      totals.warn += counts.warn;
      return {
        section: section.section,
        type: '',
        ...counts,
        desc: section.desc,
        results,
      };
    });
    return {
      id: control.id,
      version,
      detected_version: detected,
      text: control.text,
      node_type: control.node_type,
      tests,
      total_pass: totals.pass,
      total_fail: totals.fail,
      total_warn: totals.warn,
      total_info: totals.info,
    };
  });
  const sum = (
    field: 'total_pass' | 'total_fail' | 'total_warn' | 'total_info',
  ) => Controls.reduce((n, c) => n + c[field], 0);
  return {
    Controls,
    Totals: {
      total_pass: sum('total_pass'),
      total_fail: sum('total_fail'),
      total_warn: sum('total_warn'),
      total_info: sum('total_info'),
    },
  };
}

function result([number, desc, manual]: Check, status: string) {
  const remediation = manual
    ? 'Review the setting against your site policy and adjust it as the benchmark recommends.'
    : `Edit the component's configuration so that: ${desc
        .replace(/^Ensure that /, '')
        .replace(/ \((Automated|Manual)\)$/, '')}.`;
  return {
    test_number: number,
    test_desc: desc,
    audit: '',
    AuditEnv: '',
    AuditConfig: '',
    type: manual ? 'manual' : '',
    remediation,
    test_info: [remediation],
    status,
    actual_value: status === 'FAIL' ? 'not compliant' : '',
    scored: !manual,
    IsMultiple: false,
    expected_result: '',
    reason: '',
  };
}
