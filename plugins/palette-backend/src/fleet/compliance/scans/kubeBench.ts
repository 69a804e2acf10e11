import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseInput } from '../../../service/parseInput';
import { ParsedScan } from './types';

const count = z.number().int().min(0);

// `kube-bench --json`: one control per node type (master, node, etcd,
// policies), each with its totals.
const controlSchema = z.object({
  id: z.string(),
  text: z.string(),
  node_type: z.string().optional(),
  version: z.string().optional(),
  total_pass: count,
  total_fail: count,
  total_warn: count,
  total_info: count.optional(),
});

const controlsSchema = z.array(controlSchema).min(1);

/** A kube-bench (CIS Kubernetes Benchmark) JSON report. */
export function parseKubeBench(body: unknown): ParsedScan {
  if (!body || typeof body !== 'object')
    throw new InputError('Invalid kube-bench report: expected a JSON object');
  // Recent kube-bench prints `{ Controls, Totals }`; older releases printed
  // the bare array of controls.
  const controls = Array.isArray(body)
    ? parseInput(controlsSchema, body, 'kube-bench report')
    : parseInput(
        z.object({ Controls: controlsSchema }),
        body,
        'kube-bench report',
      ).Controls;
  const counts = { pass: 0, fail: 0, warn: 0, info: 0 };
  for (const control of controls) {
    counts.pass += control.total_pass;
    counts.fail += control.total_fail;
    counts.warn += control.total_warn;
    counts.info += control.total_info ?? 0;
  }
  const benchmark = controls.find(c => c.version)?.version;
  return {
    kind: 'cis',
    tool: 'kube-bench',
    passed: counts.fail === 0,
    counts,
    summary: `${benchmark ? `${benchmark}: ` : ''}${counts.pass} passed, ${
      counts.fail
    } failed, ${counts.warn} warnings`,
  };
}
