import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ProfileDetails,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../../audit/AuditLog';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import { CREATED, manualClock, newCluster } from '../../clusters/testFixtures';
import { ProfileStore } from '../../database';
import { applyDatabaseMigrations } from '../../database/migrations';
import { DatabaseGovernanceStore } from '../../governance/DatabaseGovernanceStore';
import { PackRegistry } from '../../packs';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../../__testUtils__/testDatabases';
import { ComplianceService } from './ComplianceService';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DEFAULT_COMPLIANCE_SETTINGS } from './settings';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const ZEPHYR = 'group:default/team-zephyr';
const GHOST = 'group:default/team-ghost';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(__dirname, 'scans', '__fixtures__', name), 'utf8'),
  );

/** Two profiles: `prod-std` current with the production add-ons, `dev-full` deprecated and behind. */
function fakeProfiles(): ProfileStore {
  const version = (v: string, deprecated = false) => ({
    version: v,
    changeNote: '',
    publishedAt: '2026-11-01T00:00:00.000Z',
    publishedBy: 'user:default/priya',
    deprecated,
  });
  const profiles: Record<string, Partial<ProfileDetails>> = {
    'prod-std': {
      name: 'prod-std',
      latestVersion: '2.0.0',
      versions: [version('2.0.0')],
    },
    'dev-full': {
      name: 'dev-full',
      latestVersion: '1.3.0',
      versions: ['1.3.0', '1.2.0', '1.1.0']
        .map(v => version(v))
        .concat(version('1.0.0', true)),
    },
  };
  const layers: Record<string, string[]> = {
    'prod-std': [
      'ubuntu',
      'kubernetes',
      'cilium',
      'kyverno',
      'kube-prometheus-stack',
    ],
    'dev-full': ['ubuntu', 'kubernetes', 'cilium'],
  };
  return {
    getProfile: async (name: string) => profiles[name] as ProfileDetails,
    getVersion: async (name: string) =>
      ({
        layers: layers[name].map(packName => ({
          packName,
          packVersion: '1.0.0',
        })),
      } as ProfileVersion),
  } as Partial<ProfileStore> as ProfileStore;
}

describe.each(PALETTE_TEST_DATABASE_IDS)(
  'compliance store and service on %s',
  engine => {
    async function setup(databaseId: TestDatabaseId = engine) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const auditLog = new AuditLog(knex);
      const clusters = new DatabaseClusterStore({ db: knex, auditLog });
      const governance = new DatabaseGovernanceStore({ db: knex, auditLog });
      const clock = manualClock('2026-11-23T10:00:00.000Z');
      const ownerExists = jest.fn(async (ref: string) => ref !== GHOST);
      const service = new ComplianceService({
        store: new DatabaseComplianceStore({ db: knex }),
        clusters,
        profiles: fakeProfiles(),
        governance,
        kubernetesPacks: () =>
          PackRegistry.withBuiltinPacks().list({ layer: 'k8s' }),
        ownerExists,
        settings: DEFAULT_COMPLIANCE_SETTINGS,
        logger: mockServices.logger.mock(),
        clock: clock.fn,
      });
      const prod = (name: string, overrides = {}) =>
        clusters.create(
          newCluster(name, {
            environment: 'production',
            profile: { name: 'prod-std', version: '2.0.0' },
            controlPlane: { replicas: 3 },
            ...overrides,
          }),
          CREATED,
        );
      return {
        knex,
        clusters,
        governance,
        service,
        store: service.store,
        clock,
        prod,
        ownerExists,
      };
    }

    it('evaluates the live fleet and rolls it up in SQL', async () => {
      const { clusters, service, store, prod, ownerExists } = await setup();
      await prod('pay-prod');
      await prod('web-prod', { controlPlane: { replicas: 1 }, owner: ZEPHYR });
      await clusters.create(
        newCluster('pay-dev', {
          profile: { name: 'dev-full', version: '1.0.0' },
        }),
        CREATED,
      );
      const gone = await prod('old-prod', { owner: GHOST });
      await clusters.markDeleted(gone.id, 'Deleted');

      expect(await service.evaluateAll()).toBe(3);
      // One catalog question per owner and run.
      expect(ownerExists).toHaveBeenCalledTimes(2);

      const payProd = await service.clusterCompliance('pay-prod');
      expect(payProd).toMatchObject({
        cluster: 'pay-prod',
        score: 100,
        scans: [],
      });
      expect(payProd.findings.filter(f => !f.passed)).toEqual([]);

      const summary = await store.summary(new Date('2026-11-23T12:00:00Z'));
      expect(summary).toMatchObject({
        clusters: 3,
        compliantClusters: 1,
        failingBySeverity: { critical: 0, high: 1, medium: 1, low: 1 },
        evaluatedAt: '2026-11-23T10:00:00.000Z',
      });
      expect(summary.previousScore).toBeUndefined();

      const rules = await store.ruleStatus();
      expect(rules).toHaveLength(12);
      expect(
        rules.find(r => r.rule === 'controlPlane.highlyAvailable'),
      ).toMatchObject({
        severity: 'high',
        failing: 1,
        passing: 2,
      });
      expect(rules.find(r => r.rule === 'profile.notDeprecated')).toMatchObject(
        { failing: 1, passing: 2 },
      );
      expect(rules.find(r => r.rule === 'profile.current')).toMatchObject({
        failing: 1,
        passing: 2,
      });

      const failing = await store.clustersForRule(
        'controlPlane.highlyAvailable',
        { passed: false, limit: 10, offset: 0 },
      );
      expect(failing).toEqual({
        totalCount: 1,
        items: [
          {
            rule: 'controlPlane.highlyAvailable',
            severity: 'high',
            passed: false,
            reason:
              'The control plane runs 1 replica(s) in production, which requires 3 or more',
            action: 'Scale the control plane to 3 replicas',
            cluster: 'web-prod',
            owner: ZEPHYR,
            project: 'system:default/payments',
            environment: 'production',
            profile: 'prod-std@2.0.0',
          },
        ],
      });
      const passingPage = await store.clustersForRule('owner.exists', {
        passed: true,
        limit: 2,
        offset: 1,
      });
      expect(passingPage.totalCount).toBe(3);
      expect(passingPage.items.map(i => i.cluster)).toEqual([
        'pay-prod',
        'web-prod',
      ]);

      const byEnvironment = await store.scoresBy('environment');
      expect(byEnvironment.map(g => [g.key, g.clusters, g.failing])).toEqual([
        ['dev', 1, 1],
        ['production', 2, 1],
      ]);
      const byTeam = await store.scoresBy('team');
      expect(byTeam.find(g => g.key === ZEPHYR)).toMatchObject({
        clusters: 1,
        failing: 1,
      });
      expect(byTeam.find(g => g.key === ZEPHYR)!.score).toBeLessThan(100);
      expect((await store.scoresBy('profile')).map(g => g.key).sort()).toEqual([
        'dev-full',
        'prod-std',
      ]);
      // The fleet score is the average of the live clusters' scores.
      const scores = await Promise.all(
        (
          await clusters.list()
        ).items.map(async c => (await store.getEvaluation(c.id))!.score),
      );
      expect(summary.score).toBe(
        Math.round(scores.reduce((a, b) => a + b) / scores.length),
      );

      const rows = await store.exportRows();
      expect(rows).toHaveLength(36);
      expect(rows[0]).toMatchObject({
        cluster: 'pay-dev',
        evaluatedAt: '2026-11-23T10:00:00.000Z',
      });
    });

    it('keeps one snapshot per cluster and day, for the trend and the previous score', async () => {
      const { service, store, clock, prod } = await setup();
      await prod('pay-prod');
      await prod('web-prod', { controlPlane: { replicas: 1 } });
      await service.evaluateAll();
      const dayOne = (await store.summary(clock.fn())).score;
      clock.advance(3_600_000);
      await service.evaluateAll(); // same day: replaces the snapshot
      clock.advance(24 * 3_600_000);
      await service.recordScan(
        'pay-prod',
        'vulnerabilities',
        fixture('trivy-k8s.json'),
        'service:scanner',
      );
      await service.evaluateAll();

      const trend = await store.trend('2026-11-01', '2026-11-30');
      expect(trend.map(p => p.day)).toEqual(['2026-11-23', '2026-11-24']);
      expect(trend[0].score).toBe(dayOne);
      expect(trend[1].score).toBeLessThan(dayOne);
      expect(await store.trend('2026-11-24', '2026-11-24')).toEqual([trend[1]]);
      const summary = await store.summary(clock.fn());
      expect(summary).toMatchObject({
        previousScore: dayOne,
        score: trend[1].score,
      });
    });

    it('keeps scan history and evaluates with the latest report of each kind', async () => {
      const { service, store, clock, prod } = await setup();
      const cluster = await prod('pay-prod');

      const failed = await service.recordScan(
        'pay-prod',
        'cis',
        fixture('kube-bench.json'),
        'user:default/alice',
      );
      expect(failed).toMatchObject({
        kind: 'cis',
        tool: 'kube-bench',
        passed: false,
        receivedAt: '2026-11-23T10:00:00.000Z',
      });
      let compliance = await service.clusterCompliance('pay-prod');
      expect(
        compliance.findings.find(f => f.rule === 'scan.cis'),
      ).toMatchObject({ passed: false });
      expect(compliance.score).toBeLessThan(100);

      clock.advance(60_000);
      const fixed = fixture('kube-bench.json');
      fixed.Controls[0].total_fail = 0;
      await service.recordScan('pay-prod', 'cis', fixed, 'user:default/alice');
      await service.recordScan(
        'pay-prod',
        'conformance',
        fixture('sonobuoy-status.json'),
        'service:ci',
      );
      compliance = await service.clusterCompliance('pay-prod');
      expect(compliance.score).toBe(100);
      expect(
        compliance.findings.find(f => f.rule === 'scan.cis')!.reason,
      ).toMatch(/latest CIS benchmark scan passed/);
      expect(compliance.scans.map(s => [s.kind, s.passed]).sort()).toEqual([
        ['cis', true],
        ['conformance', true],
      ]);
      expect(
        (await store.scanHistory(cluster.id, { kind: 'cis' })).map(
          s => s.passed,
        ),
      ).toEqual([true, false]);

      // A bad report stores nothing; an unknown cluster is a 404.
      await expect(
        service.recordScan(
          'pay-prod',
          'cis',
          { Controls: 'all good' },
          'user:default/alice',
        ),
      ).rejects.toThrow(InputError);
      expect(await store.scanHistory(cluster.id)).toHaveLength(3);
      await expect(
        service.recordScan(
          'nope',
          'cis',
          fixture('kube-bench.json'),
          'user:default/alice',
        ),
      ).rejects.toThrow(NotFoundError);
    });
  },
);
