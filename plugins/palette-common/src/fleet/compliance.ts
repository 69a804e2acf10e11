import { z } from 'zod';

/**
 * The REST contract of fleet compliance (palette-backend).
 *
 * Routes (all under `/api/palette`):
 * - `GET /fleet/compliance/summary` → `ComplianceSummary` — `palette.fleet.read`
 * - `GET /fleet/compliance/rules` → `{ items: RuleStatus[] }` — `palette.fleet.read`
 * - `GET /fleet/compliance/rules/:id/clusters?limit=&offset=` → `{ items: ClusterRuleFinding[], totalCount }` — `palette.fleet.read`
 * - `GET /fleet/compliance/scores?by=team|project|environment|profile` → `{ items: ScoreGroup[] }` — `palette.fleet.read`
 * - `GET /fleet/compliance/trend?from=&to=` → `{ points: Array<{ day, score }> }` — `palette.fleet.read`
 * - `GET /fleet/compliance/export.csv` → text/csv — `palette.fleet.read`
 * - `GET /clusters/:name/compliance` → `ClusterCompliance` — `palette.cluster.read`
 * - `POST /clusters/:name/scans/:kind` (kind `cis` | `conformance` | `vulnerabilities`;
 *   body: the tool's JSON report) → `ScanResult` — `palette.cluster.update`
 */

/** How bad a failing rule is. @public */
export const complianceSeveritySchema = z.enum(['critical', 'high', 'medium', 'low']);
/** @public */
export type ComplianceSeverity = z.infer<typeof complianceSeveritySchema>;

/** The rules the product evaluates for every cluster. @public */
export const complianceRuleIdSchema = z.enum([
  'kubernetes.supported',
  'kubernetes.endOfLife',
  'profile.notDeprecated',
  'profile.current',
  'drift.none',
  'addons.required',
  'controlPlane.highlyAvailable',
  'pools.withinPolicy',
  'owner.exists',
  'scan.cis',
  'scan.conformance',
  'scan.vulnerabilities',
]);
/** @public */
export type ComplianceRuleId = z.infer<typeof complianceRuleIdSchema>;

/** The outcome of one rule for one cluster. @public */
export interface ComplianceFinding {
  rule: ComplianceRuleId;
  severity: ComplianceSeverity;
  passed: boolean;
  /** Why it passed or failed, in words. */
  reason: string;
  /** What to do, for a failing rule (e.g. "upgrade to profile version 1.1.0"). */
  action?: string;
}

/** `GET /clusters/:name/compliance` reply. @public */
export interface ClusterCompliance {
  cluster: string;
  /** 0–100: passed rules weighted by severity. */
  score: number;
  evaluatedAt: string;
  findings: ComplianceFinding[];
  scans: ScanResult[];
}

/** Scan kinds and the tools whose reports are accepted. @public */
export const scanKindSchema = z.enum(['cis', 'conformance', 'vulnerabilities']);
/** @public */
export type ScanKind = z.infer<typeof scanKindSchema>;

/** A parsed scan report. @public */
export interface ScanResult {
  kind: ScanKind;
  /** `kube-bench`, `sonobuoy`, `grype` or `trivy`. */
  tool: string;
  receivedAt: string;
  passed: boolean;
  /** e.g. `{ pass: 110, fail: 3, warn: 12 }` or `{ critical: 0, high: 2 }`. */
  counts: Record<string, number>;
  summary: string;
}

/** One rule across the fleet. @public */
export interface RuleStatus {
  rule: ComplianceRuleId;
  severity: ComplianceSeverity;
  description: string;
  failing: number;
  passing: number;
}

/** A cluster failing (or passing) a rule. @public */
export interface ClusterRuleFinding extends ComplianceFinding {
  cluster: string;
  owner: string;
  project: string;
  environment: string;
  profile: string;
}

/** A group's score. @public */
export interface ScoreGroup {
  key: string;
  score: number;
  clusters: number;
  failing: number;
}

/** `GET /fleet/compliance/summary` reply. @public */
export interface ComplianceSummary {
  score: number;
  previousScore?: number;
  clusters: number;
  compliantClusters: number;
  failingBySeverity: Record<ComplianceSeverity, number>;
  evaluatedAt?: string;
}
