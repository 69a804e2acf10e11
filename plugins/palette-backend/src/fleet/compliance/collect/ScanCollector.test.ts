import { mockServices } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATED, newCluster } from '../../../clusters/testFixtures';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../../../__testUtils__/testDatabases';
import { complianceTestbed } from '../__testUtils__/complianceTestbed';
import {
  FakeCluster,
  FakeConfigMap,
  startFakeWorkloadClusters,
} from '../__testUtils__/fakeWorkloadClusters';
import { SCAN_COLLECTOR_ACTOR, ScanCollector } from './ScanCollector';
import { DEFAULT_SCAN_COLLECTION_SETTINGS } from './settings';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const LABEL = 'palette.io/scan-report';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', 'scans', '__fixtures__', name), 'utf8');

/** A report ConfigMap as the simulator and the scanners leave it. */
const report = (tool: string, content: string): FakeConfigMap => ({
  name: tool,
  labels: { [LABEL]: tool },
  data: { 'report.json': content },
});

const REPORTS = () => [
  report('kube-bench', fixture('kube-bench.json')),
  report('sonobuoy', fixture('sonobuoy-status.json')),
  report('trivy', fixture('trivy-k8s.json')),
  // Not a report: no label.
  { name: 'kube-root-ca.crt', data: { 'ca.crt': '...' } },
];

describe.each(PALETTE_TEST_DATABASE_IDS)('ScanCollector on %s', engine => {
  async function setup(
    fleet: Record<string, FakeConfigMap[] | 'no-namespace' | number>,
    options: { concurrency?: number; delayMs?: number } = {},
  ) {
    const testbed = await complianceTestbed(databases, engine);
    const api = await startFakeWorkloadClusters(
      Object.fromEntries(
        Object.entries(fleet).map(([name, spec]): [string, FakeCluster] => [
          name,
          typeof spec === 'number'
            ? { namespaces: {}, failWith: spec }
            : {
                namespaces:
                  spec === 'no-namespace' ? {} : { 'palette-scans': spec },
              },
        ]),
      ),
      { delayMs: options.delayMs },
    );
    const records = [];
    for (const name of Object.keys(fleet)) {
      const record = await testbed.clusters.create(newCluster(name), CREATED);
      await testbed.setPhase(record, 'Running');
      records.push(record);
    }
    const auditor = mockServices.auditor.mock();
    const collector = new ScanCollector({
      service: testbed.service,
      clusters: testbed.clusters,
      readKubeconfig: async record => api.kubeconfig(record.name),
      settings: {
        ...DEFAULT_SCAN_COLLECTION_SETTINGS,
        concurrency: options.concurrency ?? 4,
      },
      auditor,
      logger: testbed.logger,
    });
    const scans = async () =>
      testbed
        .knex('palette_compliance_scans as s')
        .join('palette_clusters as c', 'c.id', 's.cluster_id')
        .orderBy(['c.name', 's.source'])
        .select('c.name', 's.kind', 's.tool', 's.source', 's.received_by');
    return { ...testbed, api, collector, auditor, records, scans };
  }

  it('records each new report through the upload path, then skips unchanged ones', async () => {
    const fleet = { alpha: REPORTS(), bravo: REPORTS() };
    const { api, collector, scans, service, clock, auditor } = await setup(
      fleet,
    );
    try {
      expect(await collector.collectAll()).toEqual({
        clusters: 2,
        recorded: 6,
        unchanged: 0,
        rejected: 0,
        failed: 0,
      });
      const stored = await scans();
      expect(stored).toHaveLength(6);
      expect(stored.slice(0, 3)).toEqual([
        {
          name: 'alpha',
          kind: 'cis',
          tool: 'kube-bench',
          source: 'configmap palette-scans/kube-bench',
          received_by: SCAN_COLLECTOR_ACTOR,
        },
        {
          name: 'alpha',
          kind: 'conformance',
          tool: 'sonobuoy',
          source: 'configmap palette-scans/sonobuoy',
          received_by: SCAN_COLLECTOR_ACTOR,
        },
        {
          name: 'alpha',
          kind: 'vulnerabilities',
          tool: 'trivy',
          source: 'configmap palette-scans/trivy',
          received_by: SCAN_COLLECTOR_ACTOR,
        },
      ]);
      // Recorded as an upload is: the cluster is re-evaluated with the scans.
      const alpha = await service.clusterCompliance('alpha');
      expect(alpha.scans.map(s => s.kind).sort()).toEqual([
        'cis',
        'conformance',
        'vulnerabilities',
      ]);
      expect(
        alpha.findings.find(f => f.rule === 'scan.vulnerabilities'),
      ).toMatchObject({ passed: false });
      expect(auditor.createEvent).toHaveBeenCalledTimes(6);
      expect(auditor.createEvent).toHaveBeenCalledWith({
        eventId: 'cluster-scan',
        meta: {
          action: 'cluster.scan.cis',
          target: 'cluster:alpha',
          source: 'configmap palette-scans/kube-bench',
        },
      });
      // The workload clusters were asked with their own credentials.
      expect(api.requests.map(r => r.token).sort()).toEqual([
        'Bearer secret-token-of-alpha',
        'Bearer secret-token-of-bravo',
      ]);

      clock.advance(3_600_000);
      expect(await collector.collectAll()).toMatchObject({
        recorded: 0,
        unchanged: 6,
      });
      expect(await scans()).toHaveLength(6);

      // A rescan changes one report: only that one is new.
      const trivy = JSON.parse(fixture('trivy-k8s.json'));
      trivy.Resources[0].Results[0].Vulnerabilities = [];
      fleet.bravo[2].data!['report.json'] = JSON.stringify(trivy);
      clock.advance(3_600_000);
      expect(await collector.collectAll()).toMatchObject({
        recorded: 1,
        unchanged: 5,
      });
      const bravo = await service.clusterCompliance('bravo');
      expect(
        bravo.findings.find(f => f.rule === 'scan.vulnerabilities'),
      ).toMatchObject({ passed: true });
    } finally {
      await api.stop();
    }
  });

  it('reads only clusters whose API server should answer, and skips those without the namespace', async () => {
    const { api, collector, clusters, setPhase, scans } = await setup({
      alpha: REPORTS(),
      empty: 'no-namespace',
    });
    try {
      const provisioning = await clusters.create(
        newCluster('provisioning'),
        CREATED,
      );
      await setPhase(provisioning, 'Provisioning');
      await clusters.create(newCluster('requested'), CREATED);

      expect(await collector.collectAll()).toEqual({
        clusters: 2,
        recorded: 3,
        unchanged: 0,
        rejected: 0,
        failed: 0,
      });
      expect([...new Set(api.requests.map(r => r.cluster))].sort()).toEqual([
        'alpha',
        'empty',
      ]);
      expect(new Set((await scans()).map(s => s.name))).toEqual(
        new Set(['alpha']),
      );
    } finally {
      await api.stop();
    }
  });

  it('logs a cluster that cannot be read, without its credentials, and carries on with the others', async () => {
    const { api, collector, scans, logger } = await setup({
      alpha: REPORTS(),
      broken: 500,
      locked: 403,
      zulu: REPORTS(),
    });
    try {
      expect(await collector.collectAll()).toMatchObject({
        clusters: 2,
        recorded: 6,
        failed: 2,
      });
      expect(new Set((await scans()).map(s => s.name))).toEqual(
        new Set(['alpha', 'zulu']),
      );
      const warnings = logger.warn.mock.calls.map(c => String(c[0]));
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^Scan reports of cluster broken were not collected: .*HTTP 500/,
          ),
          expect.stringMatching(
            /^Scan reports of cluster locked were not collected: .*credentials \(HTTP 403\)/,
          ),
        ]),
      );
      const logged = JSON.stringify([
        ...logger.warn.mock.calls,
        ...logger.info.mock.calls,
        ...logger.error.mock.calls,
      ]);
      expect(logged).not.toMatch(/secret-token/);
    } finally {
      await api.stop();
    }
  });

  it('rejects reports it cannot record and records the rest of the cluster', async () => {
    const { api, collector, scans, logger } = await setup({
      alpha: [
        report('kube-bench', fixture('kube-bench.json')),
        report('nessus', '{}'),
        report('trivy', '{ not json'),
        report('sonobuoy', JSON.stringify({ status: 'running', plugins: [] })),
      ],
    });
    try {
      expect(await collector.collectAll()).toMatchObject({
        recorded: 1,
        rejected: 3,
        failed: 0,
      });
      expect((await scans()).map(s => s.tool)).toEqual(['kube-bench']);
      const warnings = logger.warn.mock.calls.map(c => String(c[0]));
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /palette-scans\/nessus .*unknown tool "nessus"/,
          ),
          expect.stringMatching(/palette-scans\/trivy .*is not JSON/),
          expect.stringMatching(/palette-scans\/sonobuoy .*Invalid/),
        ]),
      );
    } finally {
      await api.stop();
    }
  });

  it('reads at most `concurrency` clusters at once', async () => {
    const fleet = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f'].map(n => [`cluster-${n}`, REPORTS()]),
    );
    const { api, collector } = await setup(fleet, {
      concurrency: 2,
      delayMs: 50,
    });
    try {
      expect(await collector.collectAll()).toMatchObject({
        clusters: 6,
        recorded: 18,
      });
      expect(api.maxInFlight()).toBe(2);
    } finally {
      await api.stop();
    }
  });
});
