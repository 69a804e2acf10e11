import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Router from 'express-promise-router';
import request from 'supertest';
import { AuditLog } from '../audit/AuditLog';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { CREATED, newCluster } from '../clusters/testFixtures';
import { ProfileStore } from '../database';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseGovernanceStore } from '../governance/DatabaseGovernanceStore';
import { createFleetCompliance } from '../fleet/compliance';
import { PackRegistry } from '../packs';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(120_000);

const policy = createSteeredPolicy();
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(
      join(__dirname, '../fleet/compliance/scans/__fixtures__', name),
      'utf8',
    ),
  );

/** Profiles the clusters run: current, without add-ons. */
const profiles = {
  getProfile: async (name: string) => ({
    name,
    latestVersion: '1.0.0',
    versions: [{ version: '1.0.0', deprecated: false }],
  }),
  getVersion: async () => ({
    layers: [{ packName: 'kubernetes', packVersion: '1.34.10' }],
  }),
} as unknown as ProfileStore;

/**
 * The compliance routes mounted by a test plugin, as palette-backend mounts
 * them, with the real HTTP auth, auditor and error handling of a backend.
 */
let clusterStore: DatabaseClusterStore;
const testPlugin = createBackendPlugin({
  pluginId: 'palette',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
      },
      async init({
        config,
        database,
        httpRouter,
        httpAuth,
        permissions,
        auditor,
        logger,
      }) {
        const db = await database.getClient();
        await applyDatabaseMigrations(db);
        const auditLog = new AuditLog(db);
        clusterStore = new DatabaseClusterStore({ db, auditLog });
        const compliance = createFleetCompliance({
          config,
          db,
          logger,
          clusters: clusterStore,
          profiles,
          packs: PackRegistry.withBuiltinPacks(),
          governance: new DatabaseGovernanceStore({ db, auditLog }),
          ownerExists: async () => true,
        });
        const router = Router();
        compliance.registerRoutes(router, { httpAuth, permissions, auditor });
        httpRouter.use(router);
      },
    });
  },
});

describe('compliance routes', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  beforeAll(async () => {
    backend = await startTestBackend({
      features: [testPlugin, steeredPermissions(policy).factory],
    });
    await clusterStore.create(newCluster('pay-dev'), CREATED);
  });
  afterAll(() => backend.stop());
  beforeEach(() => policy.denied.clear());

  const get = (path: string) =>
    request(backend.server)
      .get(`/api/palette${path}`)
      .set('authorization', as('alice'));
  const postScan = (cluster: string, kind: string, body: unknown) =>
    request(backend.server)
      .post(`/api/palette/clusters/${cluster}/scans/${kind}`)
      .set('authorization', as('alice'))
      .send(body as object);

  it('takes a scan report and shows it in the cluster compliance', async () => {
    const scan = await postScan(
      'pay-dev',
      'vulnerabilities',
      fixture('grype.json'),
    );
    expect(scan.status).toBe(201);
    expect(scan.body).toMatchObject({
      kind: 'vulnerabilities',
      tool: 'grype',
      passed: false,
    });

    const res = await get('/clusters/pay-dev/compliance');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cluster: 'pay-dev', scans: [scan.body] });
    expect(res.body.findings).toHaveLength(12);
    expect(res.body.findings).toContainEqual(
      expect.objectContaining({
        rule: 'scan.vulnerabilities',
        passed: false,
        severity: 'critical',
      }),
    );
  });

  it('serves the fleet views', async () => {
    const summary = await get('/fleet/compliance/summary');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ clusters: 1, compliantClusters: 0 });
    expect(summary.body.failingBySeverity.critical).toBe(1);

    const rules = await get('/fleet/compliance/rules');
    expect(rules.body.items).toHaveLength(12);

    const failing = await get(
      '/fleet/compliance/rules/scan.vulnerabilities/clusters?limit=5',
    );
    expect(failing.body).toMatchObject({
      totalCount: 1,
      items: [{ cluster: 'pay-dev', passed: false }],
    });
    const passing = await get(
      '/fleet/compliance/rules/drift.none/clusters?status=passing',
    );
    expect(passing.body.totalCount).toBe(1);

    const scores = await get('/fleet/compliance/scores?by=team');
    expect(scores.body.items).toEqual([
      expect.objectContaining({
        key: 'group:default/team-apollo',
        clusters: 1,
        failing: 1,
      }),
    ]);

    const today = new Date().toISOString().slice(0, 10);
    const trend = await get(
      `/fleet/compliance/trend?from=${today}&to=${today}`,
    );
    expect(trend.body.points).toEqual([
      { day: today, score: summary.body.score },
    ]);

    const csv = await get('/fleet/compliance/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="fleet-compliance-/,
    );
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'cluster,owner,project,environment,profile,score,evaluatedAt,rule,severity,passed,reason,action',
    );
    expect(lines).toHaveLength(13);
  });

  it('rejects bad input with a 400 that says what is wrong', async () => {
    const bad = await postScan('pay-dev', 'cis', { Controls: [{ id: '1' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /^Invalid kube-bench report: Controls\.0\.text: /,
    );
    expect((await postScan('pay-dev', 'sbom', {})).body.error.message).toMatch(
      /^Invalid scan kind: scan kind: Invalid option/,
    );
    expect((await get('/fleet/compliance/scores?by=region')).status).toBe(400);
    expect(
      (await get('/fleet/compliance/rules/no.such/clusters')).body.error
        .message,
    ).toMatch(/Invalid rule id/);
    expect(
      (await get('/fleet/compliance/rules/drift.none/clusters?limit=0')).status,
    ).toBe(400);
    expect(
      (await get('/fleet/compliance/trend?from=2026-13-01')).body.error.message,
    ).toMatch(/from: must be a date/);
    expect(
      (await get('/fleet/compliance/trend?from=2026-11-02&to=2026-11-01')).body
        .error.message,
    ).toBe('Invalid query: from must not be after to');
    expect(
      (await get('/fleet/compliance/trend?from=2024-01-01&to=2026-01-01'))
        .status,
    ).toBe(400);
  });

  it('requires palette.fleet.read for the fleet views', async () => {
    policy.denied.add('palette.fleet.read');
    for (const path of [
      'summary',
      'rules',
      'rules/drift.none/clusters',
      'scores?by=team',
      'trend',
      'export.csv',
    ]) {
      const res = await get(`/fleet/compliance/${path}`);
      expect(res.status).toBe(403);
    }
  });

  it('hides clusters the caller may not read and requires update for scans', async () => {
    expect((await get('/clusters/nope/compliance')).status).toBe(404);
    expect(
      (await postScan('nope', 'cis', fixture('kube-bench.json'))).status,
    ).toBe(404);

    policy.denied.add('palette.cluster.update');
    const denied = await postScan('pay-dev', 'cis', fixture('kube-bench.json'));
    expect(denied.status).toBe(403);
    expect((await get('/clusters/pay-dev/compliance')).body.scans).toHaveLength(
      1,
    );

    policy.denied.add('palette.cluster.read');
    expect((await get('/clusters/pay-dev/compliance')).status).toBe(404);
    expect(
      (await postScan('pay-dev', 'cis', fixture('kube-bench.json'))).status,
    ).toBe(404);
  });
});
