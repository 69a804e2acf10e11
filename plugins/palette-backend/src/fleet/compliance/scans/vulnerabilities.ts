import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseInput } from '../../../service/parseInput';
import { ParsedScan } from './types';

/** The severities both tools use, lower-cased; everything else counts as unknown. */
const SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
  'negligible',
  'unknown',
];

type Counts = Record<string, number>;

function tally(severities: string[]): Counts {
  const counts: Counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const raw of severities) {
    const severity = raw.toLocaleLowerCase('en-US');
    const key = SEVERITIES.includes(severity) ? severity : 'unknown';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

// `grype <target> -o json`
const grypeSchema = z.object({
  matches: z.array(
    z.object({
      vulnerability: z.object({ id: z.string(), severity: z.string() }),
      artifact: z.object({ name: z.string(), version: z.string() }),
    }),
  ),
  descriptor: z.object({ name: z.literal('grype') }).optional(),
});

// `trivy image|fs|rootfs -f json`: `Results`; `trivy k8s -f json --report
// all`: `Resources[].Results`. A result without vulnerabilities omits them.
const trivyResultSchema = z.object({
  Target: z.string(),
  Vulnerabilities: z
    .array(z.object({ VulnerabilityID: z.string(), Severity: z.string() }))
    .nullish(),
});
const trivySchema = z.union([
  z.object({
    SchemaVersion: z.number().int(),
    Results: z.array(trivyResultSchema).nullish(),
  }),
  z.object({
    ClusterName: z.string(),
    Resources: z.array(
      z.object({ Results: z.array(trivyResultSchema).nullish() }),
    ),
  }),
]);

function verdict(tool: string, counts: Counts, maxHigh: number): ParsedScan {
  const passed = counts.critical === 0 && counts.high <= maxHigh;
  return {
    kind: 'vulnerabilities',
    tool,
    passed,
    counts,
    summary: `${counts.critical} critical, ${counts.high} high (at most ${maxHigh} allowed), ${counts.medium} medium, ${counts.low} low`,
  };
}

/**
 * A Grype or Trivy JSON report, told apart by shape. It fails with any
 * critical vulnerability or more high ones than `maxHigh`.
 */
export function parseVulnerabilityReport(
  body: unknown,
  maxHigh: number,
): ParsedScan {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError(
      'Invalid vulnerability report: expected a Grype or Trivy JSON object',
    );
  if ('matches' in body) {
    const report = parseInput(grypeSchema, body, 'Grype report');
    return verdict(
      'grype',
      tally(report.matches.map(m => m.vulnerability.severity)),
      maxHigh,
    );
  }
  if ('SchemaVersion' in body || 'Resources' in body) {
    const report = parseInput(trivySchema, body, 'Trivy report');
    const results =
      'Resources' in report
        ? report.Resources.flatMap(r => r.Results ?? [])
        : report.Results ?? [];
    return verdict(
      'trivy',
      tally(
        results.flatMap(r => (r.Vulnerabilities ?? []).map(v => v.Severity)),
      ),
      maxHigh,
    );
  }
  throw new InputError(
    'Invalid vulnerability report: expected Grype JSON (with "matches") or Trivy JSON (with "SchemaVersion" and "Results", or "ClusterName" and "Resources")',
  );
}
