/** A condition as stored (metav1.Condition, or Cluster API v1beta1 with severity). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  severity?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/** What a controller wants a condition to say. */
export interface ConditionSpec {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message?: string;
  /** v1beta1 only: severity of a False condition (Info by default). */
  severity?: 'Error' | 'Warning' | 'Info';
}

/** RFC 3339 with seconds, as Kubernetes serialises metav1.Time. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export const trueCondition = (
  type: string,
  reason: string,
  message = '',
): ConditionSpec => ({ type, status: 'True', reason, message });

export const falseCondition = (
  type: string,
  reason: string,
  message = '',
  severity?: ConditionSpec['severity'],
): ConditionSpec => ({ type, status: 'False', reason, message, severity });

export const unknownCondition = (
  type: string,
  reason: string,
  message = '',
): ConditionSpec => ({ type, status: 'Unknown', reason, message });

export function findCondition(
  obj: { [field: string]: unknown } | undefined,
  type: string,
): Condition | undefined {
  const conditions = (obj?.status as { conditions?: Condition[] } | undefined)
    ?.conditions;
  return Array.isArray(conditions)
    ? conditions.find(c => c.type === type)
    : undefined;
}

export function isConditionTrue(
  obj: { [field: string]: unknown } | undefined,
  type: string,
): boolean {
  return findCondition(obj, type)?.status === 'True';
}

/**
 * Merges the wanted conditions into the existing ones: `lastTransitionTime`
 * changes only when a condition's status flips; conditions other controllers
 * own are kept after ours.
 */
export function mergeConditions(
  existing: Condition[] | undefined,
  wanted: ConditionSpec[],
  style: 'v1beta2' | 'v1beta1',
  generation: number | undefined,
): Condition[] {
  const old = new Map((existing ?? []).map(c => [c.type, c]));
  const timestamp = now();
  const result: Condition[] = wanted.map(w => {
    const previous = old.get(w.type);
    const lastTransitionTime =
      previous?.status === w.status && previous.lastTransitionTime
        ? previous.lastTransitionTime
        : timestamp;
    if (style === 'v1beta2') {
      return {
        type: w.type,
        status: w.status,
        observedGeneration: generation,
        lastTransitionTime,
        reason: w.reason,
        message: w.message ?? '',
      };
    }
    // Cluster API v1beta1 conditions: no reason on True, severity on False.
    const c: Condition = { type: w.type, status: w.status, lastTransitionTime };
    if (w.status !== 'True') {
      c.severity = w.severity ?? 'Info';
      c.reason = w.reason;
      if (w.message) c.message = w.message;
    }
    return c;
  });
  const ours = new Set(wanted.map(w => w.type));
  for (const c of existing ?? []) if (!ours.has(c.type)) result.push(c);
  return result;
}
