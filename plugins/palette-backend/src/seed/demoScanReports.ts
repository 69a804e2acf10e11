// Scan reports in the scanners' own JSON formats (the same shapes as
// kube-bench, Sonobuoy and Trivy print), for the demo history. They are
// parsed by the product like any uploaded report. Vulnerability IDs say
// DEMO so that nobody mistakes them for real advisories.

/** `kube-bench --json` with `fails` failing checks across control plane and nodes. */
export function demoKubeBenchReport(fails: number) {
  const controlPlaneFails = Math.ceil(fails / 2);
  const nodeFails = fails - controlPlaneFails;
  const control = (
    id: string,
    text: string,
    nodeType: string,
    checks: number,
    failed: number,
    warnings: number,
  ) => ({
    id,
    version: 'cis-1.10',
    text,
    node_type: nodeType,
    tests: [],
    total_pass: checks - failed - warnings,
    total_fail: failed,
    total_warn: warnings,
    total_info: 0,
  });
  return {
    Controls: [
      control(
        '1',
        'Control Plane Security Configuration',
        'master',
        66,
        controlPlaneFails,
        11,
      ),
      control(
        '4',
        'Worker Node Security Configuration',
        'node',
        25,
        nodeFails,
        2,
      ),
    ],
  };
}

/** `sonobuoy status --json` of a finished conformance run with `failed` failed tests. */
export function demoSonobuoyReport(failed: number) {
  return {
    status: failed ? 'failed' : 'complete',
    plugins: [
      {
        plugin: 'e2e',
        node: 'global',
        status: 'complete',
        'result-status': failed ? 'failed' : 'passed',
        'result-counts': failed
          ? { passed: 411 - failed, failed, skipped: 6802 }
          : { passed: 411, skipped: 6802 },
      },
      {
        plugin: 'systemd-logs',
        node: 'worker-0',
        status: 'complete',
        'result-status': 'passed',
        'result-counts': { passed: 1 },
      },
    ],
  };
}

/** `trivy k8s -f json --report all` with so many findings per severity. */
export function demoTrivyReport(
  cluster: string,
  counts: { critical: number; high: number; medium: number; low: number },
) {
  const vulnerabilities = Object.entries(counts).flatMap(([severity, n]) =>
    Array.from({ length: n }, (_, i) => ({
      VulnerabilityID: `DEMO-${severity.toUpperCase()}-${i + 1}`,
      PkgName: 'demo-package',
      Severity: severity.toUpperCase(),
    })),
  );
  return {
    ClusterName: cluster,
    Resources: [
      {
        Namespace: 'kube-system',
        Kind: 'DaemonSet',
        Name: 'kube-proxy',
        Results: [
          {
            Target: 'registry.k8s.io/kube-proxy (debian 12.8)',
            Class: 'os-pkgs',
            Type: 'debian',
            Vulnerabilities: vulnerabilities,
          },
        ],
      },
    ],
  };
}
