import {
  kubernetesMinorOf,
  ScanKind,
} from '@palette-backstage/plugin-palette-common';
import { createHash } from 'node:crypto';
import { ClusterRecord } from '../clusters/types';
import {
  demoKubeBenchReport,
  demoSonobuoyReport,
  demoTrivyReport,
} from './demoScanReports';

// What the demo fleet went through before the seed ran: the Kubernetes
// upgrades of its older clusters and weekly scans that improve as teams
// fix their findings. Pure and deterministic (driven by cluster names), so
// that every demo database tells the same story.

const DAY = 24 * 3600_000;
const WEEK = 7 * DAY;

/** A number in [0, 1) fixed by a cluster's name and what it decides. */
export function demoDraw(name: string, purpose: string): number {
  return (
    createHash('sha256').update(`${name}/${purpose}`).digest().readUInt32BE(0) /
    2 ** 32
  );
}

/** The version the cluster runs now (observed), else the desired one. */
const currentVersion = (record: ClusterRecord) =>
  record.status?.kubernetesVersion ??
  record.status?.controlPlane.version ??
  record.kubernetesVersion;

/**
 * The Kubernetes version a cluster ran at `at`: clusters older than six
 * weeks were upgraded one minor since, those older than three months two,
 * at points of their lives drawn from their names. Only the minor matters
 * to the rules, so older minors are given as `.0` releases.
 */
export function pastKubernetesVersion(
  record: ClusterRecord,
  at: number,
  now: number,
): string | undefined {
  const current = currentVersion(record);
  const minor = current ? kubernetesMinorOf(current) : undefined;
  if (!current || !minor) return current;
  const created = Date.parse(record.createdAt);
  const age = now - created;
  // When (as a share of its life) the cluster moved up one minor.
  const upgrades: number[] = [];
  if (age >= 90 * DAY)
    upgrades.push(0.2 + 0.15 * demoDraw(record.name, 'upgrade-1'));
  if (age >= 42 * DAY)
    upgrades.push(0.55 + 0.2 * demoDraw(record.name, 'upgrade-2'));
  const behind = upgrades.filter(share => at < created + share * age).length;
  if (!behind) return current;
  const [major, minorNumber] = minor.split('.').map(Number);
  const prefix = current.startsWith('v') ? 'v' : '';
  return `${prefix}${major}.${minorNumber - behind}.0`;
}

/** The cluster as it was at `at`: its Kubernetes version then, and no drift. */
export function pastView(
  record: ClusterRecord,
  at: number,
  now: number,
): ClusterRecord {
  const version = pastKubernetesVersion(record, at, now);
  return {
    ...record,
    kubernetesVersion: version,
    status: record.status && {
      ...record.status,
      kubernetesVersion: version,
      controlPlane: { ...record.status.controlPlane, version },
    },
    drifted: false,
    drift: [],
  };
}

/** A report a scanner produced at some time, in its own format. */
export interface DemoScan {
  kind: ScanKind;
  at: number;
  body: unknown;
}

/**
 * Weekly CIS, conformance and vulnerability scans of a cluster that ran,
 * from the day after it was requested until `until`. Failing CIS checks
 * are fixed over its life (a few clusters keep one), high vulnerabilities
 * are patched down below the threshold, some clusters had a critical one
 * for a couple of weeks, and some had one failed conformance run.
 */
export function demoScans(
  record: ClusterRecord,
  now: number,
  until: number,
): DemoScan[] {
  if (!record.everRunning) return [];
  const draw = (purpose: string) => demoDraw(record.name, purpose);
  const created = Date.parse(record.createdAt);
  const life = Math.max(now - created, DAY);
  const progress = (at: number) => Math.min(1, (at - created) / life);
  const times = (kind: ScanKind) => {
    const result: number[] = [];
    for (let at = created + DAY + draw(kind) * WEEK; at < until; at += WEEK)
      result.push(Math.floor(at));
    return result;
  };

  const initialFails = 2 + Math.floor(draw('cis') * 5);
  const keptFails = draw('cis-kept') < 0.3 ? 1 : 0;
  const cis = times('cis').map(at => ({
    kind: 'cis' as const,
    at,
    body: demoKubeBenchReport(
      Math.max(keptFails, Math.round(initialFails * (1 - 1.5 * progress(at)))),
    ),
  }));

  const conformanceTimes = times('conformance');
  const failedRun =
    draw('conformance-failed') < 0.35
      ? Math.floor(draw('conformance-run') * conformanceTimes.length)
      : -1;
  const conformance = conformanceTimes.map((at, run) => ({
    kind: 'conformance' as const,
    at,
    body: demoSonobuoyReport(
      run === failedRun ? 1 + Math.floor(draw('conformance-tests') * 3) : 0,
    ),
  }));

  const initialHigh = 3 + Math.floor(draw('high') * 10);
  const criticalFrom =
    draw('critical') < 0.5 ? 0.1 + 0.6 * draw('critical-at') : 2;
  const vulnerabilities = times('vulnerabilities').map((at, run) => {
    const p = progress(at);
    return {
      kind: 'vulnerabilities' as const,
      at,
      body: demoTrivyReport(record.name, {
        critical: p >= criticalFrom && p < criticalFrom + 0.15 ? 1 : 0,
        high: Math.round(initialHigh * (1 - 0.9 * p)) + (run % 3 === 1 ? 1 : 0),
        medium: 8 + Math.floor(draw('medium') * 15) - Math.floor(p * 6),
        low: 15 + Math.floor(draw('low') * 20),
      }),
    };
  });
  return [...cis, ...conformance, ...vulnerabilities];
}
