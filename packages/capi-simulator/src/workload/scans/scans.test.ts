import { startSimulator } from '../../Simulator';
import { workloadClients } from '../__testUtils__/workloadClients';
import { DEMO_EXISTING_CLUSTERS } from '../existing/demoClusters';
import { buildWorkloadCluster } from '../model/buildCluster';
import { WorkloadClusterDescription } from '../model/description';
import { kubeBenchReport } from './kubeBench';
import { sonobuoyStatus } from './sonobuoy';
import { trivyClusterReport } from './trivy';

const model = (d: WorkloadClusterDescription, gitVersion = d.gitVersion) =>
  buildWorkloadCluster({ ...d, gitVersion });

const severities = (report: ReturnType<typeof trivyClusterReport>) =>
  report.Resources.flatMap(r =>
    r.Results.flatMap(x => (x.Vulnerabilities ?? []).map(v => v.Severity)),
  );

describe('simulated scan reports', () => {
  it('kube-bench: controls whose totals add up, as `kube-bench --json` prints them', () => {
    for (const d of DEMO_EXISTING_CLUSTERS) {
      const report = kubeBenchReport(model(d));
      expect(report.Controls.length).toBeGreaterThan(0);
      for (const control of report.Controls) {
        expect(control).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            text: expect.any(String),
            node_type: expect.any(String),
            version: expect.any(String),
          }),
        );
        const statuses = control.tests.flatMap(t =>
          t.results.map(r => r.status),
        );
        expect(control.total_pass).toBe(
          statuses.filter(s => s === 'PASS').length,
        );
        expect(control.total_fail).toBe(
          statuses.filter(s => s === 'FAIL').length,
        );
        expect(control.total_warn).toBe(
          statuses.filter(s => s === 'WARN').length,
        );
      }
      const sum = (f: 'total_pass' | 'total_fail' | 'total_warn') =>
        report.Controls.reduce((n, c) => n + c[f], 0);
      expect(report.Totals).toMatchObject({
        total_pass: sum('total_pass'),
        total_fail: sum('total_fail'),
        total_warn: sum('total_warn'),
      });
      // Most checks pass.
      expect(report.Totals.total_pass).toBeGreaterThan(
        report.Totals.total_fail * 3,
      );
    }
    const [eks, kubeadm] = DEMO_EXISTING_CLUSTERS;
    expect(kubeBenchReport(model(eks)).Controls[0].version).toBe('eks-1.5.0');
    expect(
      kubeBenchReport(model(kubeadm)).Controls.map(c => c.node_type),
    ).toEqual(['master', 'etcd', 'controlplane', 'node', 'policies']);
  });

  it('Sonobuoy: a finished run, e2e passing on most clusters', () => {
    const runs = Array.from({ length: 40 }, (_, i) =>
      sonobuoyStatus(
        model({ ...DEMO_EXISTING_CLUSTERS[1], name: `edge-${i}` }),
      ),
    );
    for (const run of runs) {
      expect(run.status).toBe('complete');
      const [e2e, ...logs] = run.plugins;
      expect(e2e).toMatchObject({ plugin: 'e2e', status: 'complete' });
      expect(e2e['result-counts'].passed).toBeGreaterThan(300);
      expect(logs).toHaveLength(3);
    }
    const failed = runs.filter(r => r.plugins[0]['result-status'] === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(runs.length / 3);
    for (const run of failed)
      expect(
        (run.plugins[0]['result-counts'] as Record<string, number>).failed,
      ).toBeGreaterThan(0);
  });

  it('Trivy: a k8s report per workload, worse on older Kubernetes minors', () => {
    const [eks] = DEMO_EXISTING_CLUSTERS;
    const report = trivyClusterReport(model(eks));
    expect(report.ClusterName).toBe('legacy-payments');
    expect(report.Resources.map(r => `${r.Kind}/${r.Name}`)).toEqual(
      expect.arrayContaining(['DaemonSet/kube-proxy', 'DaemonSet/aws-node']),
    );
    for (const resource of report.Resources)
      for (const result of resource.Results) {
        expect(typeof result.Target).toBe('string');
        for (const v of result.Vulnerabilities ?? [])
          expect(v.VulnerabilityID).toMatch(/^CVE-\d{4}-\d+$/);
      }

    const tally = (gitVersion: string) => {
      const all = DEMO_EXISTING_CLUSTERS.flatMap(d =>
        severities(trivyClusterReport(model(d, gitVersion))),
      );
      return {
        total: all.length,
        severe: all.filter(s => s === 'CRITICAL' || s === 'HIGH').length,
        critical: all.filter(s => s === 'CRITICAL').length,
      };
    };
    const newest = tally('v1.34.1');
    const older = tally('v1.31.4');
    const oldest = tally('v1.28.9');
    expect(newest.severe).toBe(0);
    expect(older.total).toBeGreaterThan(newest.total);
    expect(oldest.severe).toBeGreaterThan(older.severe);
    expect(oldest.critical).toBeGreaterThan(0);
  });

  it('is deterministic per cluster name and Kubernetes version', () => {
    const [eks, edge] = DEMO_EXISTING_CLUSTERS;
    const reports = (m: ReturnType<typeof model>) =>
      JSON.stringify([
        kubeBenchReport(m),
        sonobuoyStatus(m),
        trivyClusterReport(m),
      ]);
    expect(reports(model(eks))).toBe(reports(model(eks)));
    expect(reports(model(eks))).not.toBe(reports(model(eks, 'v1.30.2-eks-1')));
    expect(reports(model(edge))).not.toBe(
      reports(model({ ...edge, name: 'edge-retail-02' })),
    );
  });

  it('are served as ConfigMaps in palette-scans, one per tool', async () => {
    const sim = await startSimulator({ timing: 'instant', controllers: false });
    try {
      const w = workloadClients(
        sim.existingClusterKubeconfig('edge-retail-01'),
      );
      const list = () =>
        w.core.listNamespacedConfigMap({
          namespace: 'palette-scans',
          labelSelector: 'palette.io/scan-report',
        });
      const first = await list();
      expect(
        first.items.map(c => [
          c.metadata!.name,
          c.metadata!.labels!['palette.io/scan-report'],
        ]),
      ).toEqual([
        ['kube-bench', 'kube-bench'],
        ['sonobuoy', 'sonobuoy'],
        ['trivy', 'trivy'],
      ]);
      const [bench, sonobuoy, trivy] = first.items.map(c =>
        JSON.parse(c.data!['report.json']),
      );
      expect(Object.keys(bench)).toEqual(['Controls', 'Totals']);
      expect(sonobuoy).toMatchObject({
        status: 'complete',
        plugins: expect.any(Array),
      });
      expect(trivy).toMatchObject({
        ClusterName: 'edge-retail-01',
        Resources: expect.any(Array),
      });
      expect((await list()).items.map(c => c.data)).toEqual(
        first.items.map(c => c.data),
      );
      const one = await w.core.listNamespacedConfigMap({
        namespace: 'palette-scans',
        labelSelector: 'palette.io/scan-report=trivy',
      });
      expect(one.items.map(c => c.metadata!.name)).toEqual(['trivy']);
      expect(
        (await w.core.listNamespacedConfigMap({ namespace: 'default' })).items,
      ).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
