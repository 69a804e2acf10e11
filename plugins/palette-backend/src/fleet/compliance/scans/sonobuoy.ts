import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseInput } from '../../../service/parseInput';
import { ParsedScan } from './types';

// `sonobuoy status --json`: one entry per plugin and node with the plugin's
// aggregated result once the run has completed.
const statusSchema = z.object({
  status: z.string(),
  plugins: z
    .array(
      z.object({
        plugin: z.string(),
        node: z.string().optional(),
        status: z.string(),
        'result-status': z.string().optional(),
        'result-counts': z
          .record(z.string(), z.number().int().min(0))
          .optional(),
      }),
    )
    .min(1),
});

// A plugin's results tree (`sonobuoy_results.yaml`, or `sonobuoy results
// --mode dump` as JSON): nested items whose leaves are the tests.
interface ResultItem {
  name: string;
  status: string;
  items?: ResultItem[];
}
const itemSchema: z.ZodType<ResultItem> = z.lazy(() =>
  z.object({
    name: z.string(),
    status: z.string(),
    items: z.array(itemSchema).optional(),
  }),
);

function countLeaves(item: ResultItem, counts: Record<string, number>) {
  if (!item.items?.length) {
    counts[item.status] = (counts[item.status] ?? 0) + 1;
    return;
  }
  for (const child of item.items) countLeaves(child, counts);
}

function describe(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ') || 'no tests'
  );
}

function fromStatus(body: unknown): ParsedScan {
  const report = parseInput(statusSchema, body, 'Sonobuoy status report');
  if (report.status !== 'complete' && report.status !== 'failed')
    throw new InputError(
      `Invalid Sonobuoy status report: the run has not finished (status: ${report.status})`,
    );
  const counts: Record<string, number> = {};
  for (const plugin of report.plugins)
    for (const [status, n] of Object.entries(plugin['result-counts'] ?? {}))
      counts[status] = (counts[status] ?? 0) + n;
  const failed = report.plugins.filter(p => p['result-status'] !== 'passed');
  return {
    kind: 'conformance',
    tool: 'sonobuoy',
    passed: failed.length === 0,
    counts,
    summary: failed.length
      ? `${describe(counts)}; not passed: ${[
          ...new Set(
            failed.map(p => `${p.plugin} (${p['result-status'] ?? p.status})`),
          ),
        ].join(', ')}`
      : describe(counts),
  };
}

function fromResults(body: unknown): ParsedScan {
  const root = parseInput(itemSchema, body, 'Sonobuoy results');
  const counts: Record<string, number> = {};
  countLeaves(root, counts);
  return {
    kind: 'conformance',
    tool: 'sonobuoy',
    passed: root.status === 'passed',
    counts,
    summary: `${root.name} ${root.status}: ${describe(counts)}`,
  };
}

/**
 * A Sonobuoy conformance result: the run's status JSON (`sonobuoy status
 * --json`) or a plugin's results tree.
 */
export function parseSonobuoy(body: unknown): ParsedScan {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError('Invalid Sonobuoy report: expected a JSON object');
  if ('plugins' in body) return fromStatus(body);
  if ('items' in body || 'name' in body) return fromResults(body);
  throw new InputError(
    'Invalid Sonobuoy report: expected the status JSON (with "plugins") or a plugin results tree (with "name", "status" and "items")',
  );
}
