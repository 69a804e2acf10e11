import {
  ValidationMessage,
  WorkerPool,
  workerPoolSchema,
} from '@palette-backstage/plugin-palette-common';
import {
  newPool,
  PoolForm,
  poolMessages,
  toPoolForm,
  toWorkerPool,
} from '../clusters/request';
import { normalizeFieldPath } from '../clusters/utils';

/** A cluster has 1 to 20 worker pools (as `clusterRequestSchema` says). */
export const MAX_POOLS = 20;

/** `ui:options` of the `PaletteNodePoolEditor` field. */
export type NodePoolEditorUiOptions = {
  /** The instance type of the first pool, when the form starts empty. */
  defaultInstanceType?: string;
};

/** What a pool's form does not hold (labels and taints), kept by form id. */
export type PoolExtras = Map<string, Pick<WorkerPool, 'labels' | 'taints'>>;

/** The pool forms of a value, and what they do not edit. */
export function toPoolForms(
  value: unknown,
  defaultInstanceType = '',
): { forms: PoolForm[]; extras: PoolExtras } {
  const extras: PoolExtras = new Map();
  const pools = Array.isArray(value)
    ? (value as Partial<WorkerPool>[]).filter(p => p && typeof p === 'object')
    : [];
  if (!pools.length)
    return {
      forms: [newPool(0, { instanceType: defaultInstanceType })],
      extras,
    };
  const forms = pools.map(pool => {
    const form = toPoolForm({
      name: pool.name ?? '',
      instanceType: pool.instanceType ?? '',
      count: typeof pool.count === 'number' ? pool.count : 0,
      autoscaling: pool.autoscaling,
    });
    if (pool.labels || pool.taints)
      extras.set(form.id, { labels: pool.labels, taints: pool.taints });
    return form;
  });
  return { forms, extras };
}

/** The field's value for the forms, labels and taints kept. */
export const toPoolsValue = (forms: PoolForm[], extras: PoolExtras) =>
  forms.map(form => {
    const extra = extras.get(form.id) ?? {};
    const pool: WorkerPool = toWorkerPool(form);
    if (extra.labels) pool.labels = extra.labels;
    if (extra.taints) pool.taints = extra.taints;
    return pool;
  });

const duplicateName = (name: string) =>
  `pool "${name}" is named twice; pool names must be unique`;

/**
 * What is wrong with the pool forms, by field (`workerPools.1.count`):
 * each pool by `workerPoolSchema`, names used twice, and the pool count.
 */
export function poolFormMessages(forms: PoolForm[]): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const seen = new Set<string>();
  forms.forEach((form, i) => {
    for (const m of poolMessages(form))
      messages.push({ ...m, field: `workerPools.${i}.${m.field}` });
    const name = form.name.trim();
    if (name && seen.has(name))
      messages.push({
        severity: 'error',
        code: 'pool.unique',
        field: `workerPools.${i}.name`,
        message: duplicateName(name),
      });
    seen.add(name);
  });
  if (!forms.length || forms.length > MAX_POOLS)
    messages.push({
      severity: 'error',
      code: 'pool.count',
      field: 'workerPools',
      message: `a cluster needs 1 to ${MAX_POOLS} worker pools`,
    });
  return messages;
}

/** An issue in plain words: numbers that are no numbers say so. */
const issueText = (issue: {
  code: string;
  message: string;
  expected?: unknown;
}) =>
  issue.code === 'invalid_type' && issue.expected === 'number'
    ? 'must be a whole number'
    : issue.message;

/**
 * What is wrong with the field's value, one line per problem, as
 * palette-backend would say it: each pool by `workerPoolSchema`, unique
 * names, and 1 to 20 pools.
 */
export function workerPoolProblems(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    return ['Add at least one worker pool'];
  const problems: string[] = [];
  if (value.length > MAX_POOLS)
    problems.push(`A cluster has at most ${MAX_POOLS} worker pools`);
  const seen = new Set<string>();
  value.forEach((pool, i) => {
    const title = `Worker pool ${i + 1}${
      typeof pool?.name === 'string' && pool.name ? ` (${pool.name})` : ''
    }`;
    const parsed = workerPoolSchema.safeParse(pool);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = normalizeFieldPath(issue.path as PropertyKey[]);
        const text = issueText(issue);
        // Some messages name their field already ("count must lie within…").
        problems.push(
          `${title}: ${
            field && !text.startsWith(field) ? `${field} ` : ''
          }${text}`,
        );
      }
    if (typeof pool?.name === 'string' && pool.name) {
      if (seen.has(pool.name))
        problems.push(`${title}: ${duplicateName(pool.name)}`);
      seen.add(pool.name);
    }
  });
  return problems;
}
