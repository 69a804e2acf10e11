import { LiveObject } from '../types';
import { arrayAt, asRecord, numberAt, stringAt } from './read';

/** `v1.34.1` and `1.34.1` name the same version. */
export const normalizeVersion = (v: string | undefined) =>
  v?.trim().replace(/^v/i, '') || undefined;

/** Major, minor and patch, without pre-release or build suffixes (`1.33.4-gke.100`). */
function numericParts(v: string): number[] {
  const core = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(normalizeVersion(v) ?? '');
  return core ? core.slice(1).filter(Boolean).map(Number) : [];
}

/**
 * Whether two versions name the same Kubernetes release, as far as both say:
 * clouds report their own suffixes (`1.33.4-gke.100`, `v1.33.4-eks-1234`)
 * and some take a minor version only (`v1.33` on EKS).
 */
export function sameVersion(a: string | undefined, b: string | undefined) {
  if (!a || !b) return normalizeVersion(a) === normalizeVersion(b);
  const [pa, pb] = [numericParts(a), numericParts(b)];
  if (pa.length < 2 || pb.length < 2)
    return normalizeVersion(a) === normalizeVersion(b);
  const n = Math.min(pa.length, pb.length);
  return pa.slice(0, n).every((p, i) => p === pb[i]);
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [numericParts(a), numericParts(b)];
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

/**
 * The versions machines run, from v1beta2 `status.versions`
 * (`[{version, replicas}]`), machines with no replicas left out.
 */
export function machineVersionsOf(obj: LiveObject | undefined): string[] {
  return arrayAt(obj, 'status.versions')
    .map(asRecord)
    .filter(
      v => typeof v?.version === 'string' && numberAt(v, 'replicas') !== 0,
    )
    .map(v => v!.version as string);
}

const lowest = (versions: string[]) =>
  versions.length
    ? versions.reduce((min, v) => (compareVersions(v, min) < 0 ? v : min))
    : undefined;

/**
 * The version a control plane runs: KubeadmControlPlane and the managed
 * control planes report it in `status.version` (the lowest while rolling);
 * GKE's in `status.currentVersion`.
 */
export const controlPlaneVersionOf = (cp: LiveObject | undefined) =>
  stringAt(cp, 'status.version') ??
  stringAt(cp, 'status.currentVersion') ??
  lowest(machineVersionsOf(cp));

/** The version asked of a control plane (`spec.version`; GKE: `spec.controlPlaneVersion`). */
export const controlPlaneSpecVersionOf = (cp: LiveObject | undefined) =>
  stringAt(cp, 'spec.version') ?? stringAt(cp, 'spec.controlPlaneVersion');

/** The version a pool runs: the lowest its machines report. */
export const poolVersionOf = (pool: LiveObject) =>
  lowest(machineVersionsOf(pool));

/** The version asked of a pool's machines. */
export const poolSpecVersionOf = (pool: LiveObject) =>
  stringAt(pool, 'spec.template.spec.version');

/** The machines of an object run more than one version: a rollout is half done. */
export function runsMixedVersions(obj: LiveObject | undefined): boolean {
  const [first, ...rest] = machineVersionsOf(obj);
  return rest.some(v => !sameVersion(v, first));
}
