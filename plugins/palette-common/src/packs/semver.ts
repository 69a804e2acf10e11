/**
 * Semantic Versioning 2.0.0 helpers, without dependencies, shared by the
 * backend (profile version rules) and the frontend (sorting, display).
 *
 * Strict by design: `1.2`, `v1.2.3` and `01.2.3` are not semver. Versions
 * that the outside world writes differently (Ubuntu `22.04`, Kubernetes
 * `v1.33.1`) are stored as semver in packs and keep their own spelling in the
 * pack kind (see {@link OsPackKind} and {@link KubernetesPackKind}).
 */

// The regular expression recommended by semver.org, with named groups.
const SEMVER_PATTERN =
  /^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * The source of {@link SEMVER_REGEX}, for JSON schemas and form validation.
 *
 * @public
 */
export const SEMVER_REGEX_SOURCE = SEMVER_PATTERN.source;

/**
 * Matches a complete Semantic Versioning 2.0.0 string.
 *
 * @public
 */
export const SEMVER_REGEX = new RegExp(SEMVER_REGEX_SOURCE);

/**
 * A parsed semantic version.
 *
 * @public
 */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated pre-release identifiers, e.g. `['rc', '1']`; empty for a release. */
  prerelease: string[];
  /** Build metadata identifiers; ignored for precedence. */
  build: string[];
  /** The original string. */
  raw: string;
}

/**
 * Parses a semantic version, or returns `undefined` when the string is not
 * strict Semantic Versioning 2.0.0.
 *
 * @public
 */
export function parseSemver(version: string): SemVer | undefined {
  const match = SEMVER_PATTERN.exec(version);
  if (!match?.groups) {
    return undefined;
  }
  const { major, minor, patch, prerelease, build } = match.groups;
  const numbers = [major, minor, patch].map(Number);
  if (numbers.some(n => !Number.isSafeInteger(n))) {
    return undefined;
  }
  return {
    major: numbers[0],
    minor: numbers[1],
    patch: numbers[2],
    prerelease: prerelease ? prerelease.split('.') : [],
    build: build ? build.split('.') : [],
    raw: version,
  };
}

/**
 * Whether a string is strict Semantic Versioning 2.0.0.
 *
 * @public
 */
export function isValidSemver(version: string): boolean {
  return parseSemver(version) !== undefined;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) {
    return Math.sign(Number(a) - Number(b));
  }
  if (aNumeric) {
    return -1; // numeric identifiers have lower precedence
  }
  if (bNumeric) {
    return 1;
  }
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * Compares two semantic versions by precedence (build metadata ignored):
 * negative when `a` is lower, positive when higher, `0` when equal.
 * Throws when either is not valid semver; check with {@link isValidSemver}.
 *
 * @public
 */
export function compareSemver(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  if (!left || !right) {
    throw new Error(
      `Not a semantic version: ${JSON.stringify(
        left ? b : a,
      )} (expected e.g. 1.4.0)`,
    );
  }
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (left[key] !== right[key]) {
      return Math.sign(left[key] - right[key]);
    }
  }
  // A release has higher precedence than any of its pre-releases.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  const length = Math.max(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < length; i++) {
    if (left.prerelease[i] === undefined) {
      return -1;
    }
    if (right.prerelease[i] === undefined) {
      return 1;
    }
    const result = compareIdentifiers(left.prerelease[i], right.prerelease[i]);
    if (result !== 0) {
      return result;
    }
  }
  return 0;
}

/**
 * Returns the versions sorted from highest to lowest precedence; invalid
 * versions are left out.
 *
 * @public
 */
export function sortSemverDescending(versions: readonly string[]): string[] {
  return versions
    .filter(isValidSemver)
    .slice()
    .sort((a, b) => compareSemver(b, a));
}

/**
 * The `major.minor` of a Kubernetes version, e.g. `1.33` for `1.33.8`,
 * `v1.33.8` or `1.33.5-gke.1080000`; `undefined` when it has no minor.
 *
 * @public
 */
export function kubernetesMinorOf(version: string): string | undefined {
  const match = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[.+-]|$)/.exec(version);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/**
 * Compares two `major.minor` strings (e.g. `1.31` and `1.9`) numerically.
 *
 * @public
 */
export function compareKubernetesMinor(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return Math.sign(aMajor - bMajor) || Math.sign(aMinor - bMinor);
}
