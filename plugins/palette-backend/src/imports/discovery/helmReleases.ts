import type { V1Secret } from '@kubernetes/client-node';
import type { DiscoveredHelmRelease } from '@palette-backstage/plugin-palette-common';
import { gunzipSync } from 'node:zlib';

/** Keys whose values are credentials: redacted wherever they appear. */
const SENSITIVE_KEY = /password|passwd|token|secret|key|credential/i;
export const REDACTED = '(redacted)';

/** A copy of the values with sensitive-looking keys redacted, at any depth. */
export function redactValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValues);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SENSITIVE_KEY.test(k) ? redactAll(v) : redactValues(v),
      ]),
    );
  }
  return value;
}

/** Everything under a sensitive key is sensitive (its structure stays). */
function redactAll(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactAll);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactAll(v)]),
    );
  return value === null ? null : REDACTED;
}

/**
 * Helm v3 stores each release revision as a Secret of type
 * `helm.sh/release.v1`: `data.release` is base64 (the Secret's encoding) of
 * base64 of the gzipped release JSON. Undefined when it is not readable.
 */
export function decodeRelease(secret: V1Secret): any | undefined {
  const data = secret.data?.release;
  if (!data) return undefined;
  try {
    const inner = Buffer.from(data, 'base64').toString('utf8');
    let bytes = Buffer.from(inner, 'base64');
    // gzip magic number: Helm compresses, but older releases may not be.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The installed Helm releases: the latest revision of each release (by
 * namespace and name), with its chart, status and user-supplied values
 * (sensitive-looking keys redacted).
 */
export function helmReleasesOf(secrets: V1Secret[]): DiscoveredHelmRelease[] {
  const latest = new Map<string, DiscoveredHelmRelease>();
  for (const secret of secrets) {
    if (secret.type !== 'helm.sh/release.v1') continue;
    const release = decodeRelease(secret);
    const labels = secret.metadata?.labels ?? {};
    const name = release?.name ?? labels.name;
    const namespace =
      release?.namespace ?? secret.metadata?.namespace ?? 'default';
    const revision = Number(release?.version ?? labels.version ?? 0);
    const meta = release?.chart?.metadata;
    if (!name || !meta?.name) continue;
    const key = `${namespace}/${name}`;
    if ((latest.get(key)?.revision ?? -1) >= revision) continue;
    latest.set(key, {
      name,
      namespace,
      chart: meta.name,
      chartVersion: String(meta.version ?? ''),
      ...(meta.appVersion ? { appVersion: String(meta.appVersion) } : {}),
      revision,
      status: String(release.info?.status ?? labels.status ?? 'unknown'),
      values: redactValues(release.config ?? {}) as Record<string, unknown>,
    });
  }
  return [...latest.values()].sort((a, b) =>
    `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
}
