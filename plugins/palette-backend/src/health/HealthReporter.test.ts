import { mockServices } from '@backstage/backend-test-utils';
import {
  RunningSimulator,
  startSimulator,
} from '@palette-backstage/capi-simulator';
import { ManagementClusters } from '../management/ManagementClusters';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { HealthReporter } from './HealthReporter';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

jest.setTimeout(60_000);

describe('HealthReporter', () => {
  const databases = createPaletteTestDatabases();
  const logger = mockServices.logger.mock();
  let simulator: RunningSimulator;
  let dir: string;

  beforeAll(async () => {
    simulator = await startSimulator({ token: 'sekret-token-value' });
    dir = mkdtempSync(join(tmpdir(), 'palette-health-'));
  });
  afterAll(() => simulator.stop());

  function kubeconfigFile(name: string, contents: string) {
    const path = join(dir, name);
    writeFileSync(path, contents);
    return path;
  }

  it.each(PALETTE_TEST_DATABASE_IDS)(
    'reports a healthy database and management cluster on %p',
    async databaseId => {
      const db = await databases.init(databaseId);
      const { clusters, stop } = await ManagementClusters.start(
        [
          {
            name: 'main',
            type: 'kubeconfig',
            kubeconfigPath: kubeconfigFile('ok.yaml', simulator.kubeconfig()),
          },
        ],
        logger,
      );
      try {
        const report = await new HealthReporter(db, clusters).report();
        expect(report.status).toBe('ok');
        expect(report.checks.database).toMatchObject({
          status: 'ok',
          client: databaseId === 'SQLITE_3' ? 'better-sqlite3' : 'pg',
        });
        expect(report.checks.managementClusters).toEqual([
          expect.objectContaining({
            name: 'main',
            type: 'kubeconfig',
            status: 'ok',
            kubernetesVersion: 'v1.34.2',
            clusterApiServed: true,
          }),
        ]);
      } finally {
        await stop();
      }
    },
  );

  it('reports an unreachable management cluster without failing the whole report', async () => {
    const db = await databases.init('SQLITE_3');
    const unreachable = simulator
      .kubeconfig()
      .replace(simulator.url, 'http://127.0.0.1:1');
    const { clusters, stop } = await ManagementClusters.start(
      [
        {
          name: 'down',
          type: 'kubeconfig',
          kubeconfigPath: kubeconfigFile('down.yaml', unreachable),
        },
      ],
      logger,
    );
    try {
      const report = await new HealthReporter(db, clusters).report();
      expect(report.status).toBe('error');
      expect(report.checks.database.status).toBe('ok');
      const [check] = report.checks.managementClusters;
      expect(check.status).toBe('error');
      expect(check.message).toBeTruthy();
      expect(JSON.stringify(report)).not.toContain('sekret-token-value');
      expect(JSON.stringify(report)).not.toContain('127.0.0.1:1');
    } finally {
      await stop();
    }
  });

  it('says when the management cluster refuses the configured credentials, without echoing them', async () => {
    const db = await databases.init('SQLITE_3');
    const wrongToken = simulator
      .kubeconfig()
      .replace('sekret-token-value', 'wrong-token-value');
    const { clusters, stop } = await ManagementClusters.start(
      [
        {
          name: 'refused',
          type: 'kubeconfig',
          kubeconfigPath: kubeconfigFile('refused.yaml', wrongToken),
        },
      ],
      logger,
    );
    try {
      const report = await new HealthReporter(db, clusters).report();
      expect(report.checks.managementClusters[0]).toMatchObject({
        status: 'error',
        message: 'the API server refused the configured credentials (HTTP 401)',
      });
      expect(JSON.stringify(report)).not.toContain('wrong-token-value');
    } finally {
      await stop();
    }
  });
});
