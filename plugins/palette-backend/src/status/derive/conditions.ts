import { ClusterCondition } from '@palette-backstage/plugin-palette-common';
import { LiveClusterObjects, LiveObject } from '../types';
import { asRecord, arrayAt, firstLine, kindOf, nameOf } from './read';

/** A collected condition, and whether it is one Cluster API keeps only for compatibility. */
export interface CollectedCondition extends ClusterCondition {
  /** From `status.deprecated.v1beta1.conditions`: shown, never decided on. */
  deprecated: boolean;
}

/**
 * Conditions where `True` means "something is going on" and `False` is the
 * normal state (Cluster API v1beta2's negative-polarity conditions).
 */
const NEGATIVE_POLARITY = new Set([
  'Deleting',
  'Paused',
  'RollingOut',
  'ScalingUp',
  'ScalingDown',
  'Remediating',
  'Updating',
]);

/**
 * Reasons of `False` conditions that describe a state on the way to
 * convergence (machines not there yet, a step waiting for another), not a
 * failure. Cluster API names its failures (`ReconcileFailed`,
 * `ClusterClassNotFound`, providers' own reasons); everything else while work
 * is under way is expected.
 */
const TRANSIENT_REASON_PATTERNS = [
  /^Not[A-Z]/, // NotAvailable, NotReady, NotUpToDate, NotInitialized, NotProvisioned
  /^WaitingFor/,
  /Pending$/, // ReconcilePending, MachineDeploymentsUpgradePending, ...
  /Unknown$/, // AvailableUnknown, ReadyUnknown
  /^(DoesNotExist|Creating|Provisioning|Deleting|Deleted|Paused|ProbeFailed|InspectionFailed|NoReplicas|ScalingUp|ScalingDown|RollingOut)$/,
];

export function isTransientReason(reason: string | undefined): boolean {
  if (!reason) return true;
  return TRANSIENT_REASON_PATTERNS.some(p => p.test(reason));
}

/** Where a condition comes from: `Cluster`, or `Kind/name` for the other objects. */
export function sourceOf(obj: LiveObject, isCluster: boolean): string {
  return isCluster ? 'Cluster' : `${kindOf(obj)}/${nameOf(obj)}`;
}

function toCondition(
  raw: unknown,
  source: string,
  deprecated: boolean,
): CollectedCondition | undefined {
  const c = asRecord(raw);
  if (!c || typeof c.type !== 'string') return undefined;
  const status =
    c.status === 'True' || c.status === 'False' ? c.status : 'Unknown';
  const text = (key: string) =>
    typeof c[key] === 'string' && c[key] !== ''
      ? (c[key] as string)
      : undefined;
  return {
    source,
    type: c.type,
    status,
    reason: text('reason'),
    message: text('message'),
    severity: text('severity'),
    lastTransitionTime: text('lastTransitionTime'),
    deprecated,
  };
}

/**
 * The conditions of one object, in the shapes Cluster API objects report
 * them: `status.conditions` (metav1 conditions on v1beta2 objects, or
 * conditions with a severity on providers still on the v1beta1 contract),
 * `status.v1beta2.conditions` (objects served at v1beta1 that already report
 * the new conditions) and `status.deprecated.v1beta1.conditions` (the old
 * conditions v1beta2 objects keep). The first of a type wins.
 */
export function conditionsOfObject(
  obj: LiveObject,
  source: string,
): CollectedCondition[] {
  const result: CollectedCondition[] = [];
  const seen = new Set<string>();
  const add = (path: string, deprecated: boolean) => {
    for (const raw of arrayAt(obj, path)) {
      const condition = toCondition(raw, source, deprecated);
      if (!condition || seen.has(condition.type)) continue;
      seen.add(condition.type);
      result.push(condition);
    }
  };
  add('status.v1beta2.conditions', false);
  add('status.conditions', false);
  add('status.deprecated.v1beta1.conditions', true);
  return result;
}

/** Every condition of the Cluster, its control plane and its pools, in that order. */
export function collectConditions(
  live: LiveClusterObjects,
): CollectedCondition[] {
  const objects: Array<[LiveObject, boolean]> = [];
  if (live.cluster) objects.push([live.cluster, true]);
  if (live.controlPlane) objects.push([live.controlPlane, false]);
  for (const pool of live.pools) objects.push([pool, false]);
  return objects.flatMap(([obj, isCluster]) =>
    conditionsOfObject(obj, sourceOf(obj, isCluster)),
  );
}

export function findCondition(
  conditions: CollectedCondition[],
  source: string,
  type: string,
): CollectedCondition | undefined {
  return conditions.find(
    c => c.source === source && c.type === type && !c.deprecated,
  );
}

/** A condition saying something is wrong or not there yet (`False` on a positive-polarity type). */
export function isUnmet(c: CollectedCondition): boolean {
  return (
    !c.deprecated && c.status === 'False' && !NEGATIVE_POLARITY.has(c.type)
  );
}

/**
 * An unmet condition that reports a failure rather than progress: a v1beta1
 * condition of severity Error, or a reason Cluster API does not use for
 * convergence.
 */
export function isFailure(c: CollectedCondition): boolean {
  if (!isUnmet(c)) return false;
  if (c.severity) return c.severity === 'Error';
  return !isTransientReason(c.reason);
}

/** A negative-polarity condition that is `True`, e.g. `RollingOut`. */
export function isActive(
  conditions: CollectedCondition[],
  type: string,
): boolean {
  return conditions.some(
    c => c.type === type && c.status === 'True' && !c.deprecated,
  );
}

/**
 * The condition that best explains a problem: failures before mere unmet
 * conditions, and the Cluster's own summary (`Available`, which lists the
 * others) last.
 */
export function mostRelevant(
  candidates: CollectedCondition[],
): CollectedCondition | undefined {
  const rank = (c: CollectedCondition) =>
    (isFailure(c) ? 0 : 2) +
    (c.source === 'Cluster' && c.type === 'Available' ? 1 : 0);
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

/** `KubeadmControlPlane/demo-cp: Available is False (Reason): first line of the message`. */
export function describeCondition(c: ClusterCondition): string {
  const origin = c.source === 'Cluster' ? '' : `${c.source}: `;
  const reason = c.reason ? ` (${c.reason})` : '';
  const message = firstLine(c.message);
  return `${origin}${c.type} is ${c.status}${reason}${
    message ? `: ${message}` : ''
  }`;
}

/** Drops the internal `deprecated` flag for the REST contract. */
export function toContract(c: CollectedCondition): ClusterCondition {
  const { deprecated: _deprecated, ...condition } = c;
  return Object.fromEntries(
    Object.entries(condition).filter(([, v]) => v !== undefined),
  ) as unknown as ClusterCondition;
}
