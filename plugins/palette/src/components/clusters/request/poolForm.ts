import {
  Autoscaling,
  ValidationMessage,
  WorkerPool,
  workerPoolSchema,
} from '@palette-backstage/plugin-palette-common';
import { addSchemaIssues } from '../utils';

/** A worker pool as its inputs hold it: numbers as text. */
export interface PoolForm {
  /** A key that survives removing other pools. */
  id: string;
  name: string;
  instanceType: string;
  count: string;
  autoscaling: boolean;
  min: string;
  max: string;
}

let counter = 0;

/** A new pool, named `workers` for the first and `pool-N` after. */
export function newPool(index: number, from?: Partial<PoolForm>): PoolForm {
  counter += 1;
  return {
    id: `pool-${counter}`,
    name: index === 0 ? 'workers' : `pool-${index + 1}`,
    instanceType: '',
    count: '3',
    autoscaling: false,
    min: '1',
    max: '5',
    ...from,
  };
}

/** The pool form of an existing pool. */
export function toPoolForm(pool: {
  name: string;
  instanceType: string;
  count: number;
  autoscaling?: Autoscaling;
}): PoolForm {
  return newPool(0, {
    name: pool.name,
    instanceType: pool.instanceType,
    count: String(pool.count),
    autoscaling: !!pool.autoscaling,
    min: String(pool.autoscaling?.min ?? 1),
    max: String(pool.autoscaling?.max ?? Math.max(pool.count, 1)),
  });
}

const toInt = (text: string) =>
  /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;

/** What the API takes for a pool form (numbers may be NaN when not numbers). */
export function toWorkerPool(pool: PoolForm): WorkerPool {
  const result: WorkerPool = {
    name: pool.name.trim(),
    instanceType: pool.instanceType.trim(),
    count: toInt(pool.count),
  };
  if (pool.autoscaling)
    result.autoscaling = { min: toInt(pool.min), max: toInt(pool.max) };
  return result;
}

/** The fields of a pool form, by the path the API names them with. */
export const POOL_FIELDS = {
  name: 'name',
  instanceType: 'instanceType',
  count: 'count',
  min: 'autoscaling.min',
  max: 'autoscaling.max',
} as const;

/**
 * What is wrong with a pool, as `workerPoolSchema` (the API's own rule)
 * says, with fields relative to the pool (`count`, `autoscaling.min`).
 */
export function poolMessages(pool: PoolForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const numbers: Array<[keyof typeof POOL_FIELDS, string]> = [
    ['count', pool.count],
  ];
  if (pool.autoscaling) numbers.push(['min', pool.min], ['max', pool.max]);
  for (const [key, text] of numbers)
    if (Number.isNaN(toInt(text)))
      messages.push({
        severity: 'error',
        code: 'pool.number',
        field: POOL_FIELDS[key],
        message: 'must be a whole number',
      });
  const parsed = workerPoolSchema.safeParse(toWorkerPool(pool));
  // A number that is no number is already said above.
  if (!parsed.success)
    addSchemaIssues(messages, parsed.error.issues, {
      code: 'pool.schema',
      word: (field, issue) =>
        field === 'name' && !pool.name.trim() ? 'is required' : issue.message,
    });
  return messages;
}
