import { ScanResult } from '@palette-backstage/plugin-palette-common';
import { ClusterRecord } from '../clusters/types';
import { parseScan } from '../fleet/compliance/scans/parseScan';
import {
  demoDraw,
  demoScans,
  pastKubernetesVersion,
  pastView,
} from './demoClusterPast';

const DAY = 24 * 3600_000;
const NOW = Date.parse('2026-11-24T12:00:00.000Z');

const cluster = (name: string, ageDays: number, everRunning = true) =>
  ({
    id: `${name}-id`,
    name,
    provider: 'aws',
    createdAt: new Date(NOW - ageDays * DAY).toISOString(),
    everRunning,
    kubernetesVersion: '1.34.10',
    status: {
      conditions: [],
      controlPlane: { managed: false, version: 'v1.34.10' },
      pools: [],
      kubernetesVersion: 'v1.34.10',
    },
    drifted: true,
    drift: [{ object: 'Deployment/x', path: 'spec.replicas' }],
  } as unknown as ClusterRecord);

const parse = (scan: { kind: any; body: unknown }) =>
  parseScan(scan.kind, scan.body, { maxHighVulnerabilities: 5 });

describe('the demo fleet past', () => {
  it('draws the same numbers for the same cluster, in [0, 1)', () => {
    const draws = ['a', 'b', 'c'].map(n => demoDraw('payments-prod', n));
    expect(draws).toEqual(
      ['a', 'b', 'c'].map(n => demoDraw('payments-prod', n)),
    );
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
    expect(new Set(draws).size).toBe(3);
  });

  it('runs older minors before the upgrades of older clusters only', () => {
    const old = cluster('payments-prod-eu', 120);
    const created = Date.parse(old.createdAt);
    expect(pastKubernetesVersion(old, created + DAY, NOW)).toBe('v1.32.0');
    expect(pastKubernetesVersion(old, NOW - DAY, NOW)).toBe('v1.34.10');
    const minors = new Set(
      Array.from({ length: 120 }, (_, d) =>
        pastKubernetesVersion(old, created + d * DAY, NOW),
      ),
    );
    expect(minors).toEqual(new Set(['v1.32.0', 'v1.33.0', 'v1.34.10']));

    const middle = cluster('storefront-ml', 60);
    expect(
      pastKubernetesVersion(middle, Date.parse(middle.createdAt) + DAY, NOW),
    ).toBe('v1.33.0');
    const young = cluster('payments-dev-bob', 12);
    expect(
      pastKubernetesVersion(young, Date.parse(young.createdAt) + DAY, NOW),
    ).toBe('v1.34.10');
  });

  it('views a cluster as it was: its version then, and no drift', () => {
    const old = cluster('payments-prod-eu', 120);
    const view = pastView(old, Date.parse(old.createdAt) + DAY, NOW);
    expect(view).toMatchObject({
      kubernetesVersion: 'v1.32.0',
      status: {
        kubernetesVersion: 'v1.32.0',
        controlPlane: { version: 'v1.32.0', managed: false },
      },
      drifted: false,
      drift: [],
    });
    expect(old.kubernetesVersion).toBe('1.34.10');
  });

  it('scans weekly in the scanners’ formats, findings being fixed over time', () => {
    const old = cluster('payments-prod-eu', 120);
    const until = NOW - 12 * 3600_000;
    const scans = demoScans(old, NOW, until);
    for (const kind of ['cis', 'conformance', 'vulnerabilities']) {
      const times = scans.filter(s => s.kind === kind).map(s => s.at);
      expect(times.length).toBeGreaterThanOrEqual(16);
      expect(Math.max(...times)).toBeLessThan(until);
      expect(times[1] - times[0]).toBe(7 * DAY);
    }
    const results: ScanResult[] = scans.map(s => ({
      ...parse(s),
      receivedAt: new Date(s.at).toISOString(),
    }));
    const cis = results.filter(r => r.kind === 'cis');
    expect(cis[0].passed).toBe(false);
    expect(cis[cis.length - 1].counts.fail).toBeLessThanOrEqual(1);
    expect(cis[0].counts.fail).toBeGreaterThan(cis[cis.length - 1].counts.fail);
    const vulnerabilities = results.filter(r => r.kind === 'vulnerabilities');
    expect(vulnerabilities[0].tool).toBe('trivy');
    expect(
      vulnerabilities[vulnerabilities.length - 1].counts.high,
    ).toBeLessThan(vulnerabilities[0].counts.high);
  });

  it('has no scans of a cluster that never ran', () => {
    expect(demoScans(cluster('payments-dr', 2, false), NOW, NOW)).toEqual([]);
  });
});
