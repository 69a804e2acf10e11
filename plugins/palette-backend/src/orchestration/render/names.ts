import { createHash } from 'node:crypto';

/**
 * The name of an object of a cluster: the cluster's own name, or
 * `<cluster>-<suffix>`. The ClusterClass sets Cluster API's naming templates
 * so that the objects the topology controller creates are named the same way:
 * the infrastructure cluster `<cluster>`, the control plane
 * `<cluster>-control-plane` and each pool `<cluster>-<pool>`; add-ons are
 * `<cluster>-<pack>`.
 */
export function clusterObjectName(cluster: string, suffix?: string): string {
  return suffix ? `${cluster}-${suffix}` : cluster;
}

/** The suffix of the control plane object's name. */
export const CONTROL_PLANE_SUFFIX = 'control-plane';

/** JSON with object keys sorted, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      // Keys are unique: no two compare equal.
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first 8 hex digits of the SHA-256 of the content's canonical JSON. */
export function contentHash(content: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(content))
    .digest('hex')
    .slice(0, 8);
}

/**
 * The name of a template: `<cluster>-<role>-<hash8>`. Cluster API treats
 * templates as immutable (several providers reject updates to them), so a
 * change of content (a new profile version, another instance type) yields a
 * new template, the ClusterClass points at it and Cluster API rolls the
 * machines; the old template is garbage-collected by the reconciler, which
 * finds it by its `palette.io/cluster` label.
 */
export function templateName(
  cluster: string,
  role: string,
  content: unknown,
): string {
  return `${cluster}-${role}-${contentHash(content)}`;
}
