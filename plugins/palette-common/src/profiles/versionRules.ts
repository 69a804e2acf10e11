import { compareSemver, isValidSemver, parseSemver } from '../packs/semver';

/**
 * Whether `next` may be published after `previous`: both strict semantic
 * versions and `next` strictly greater by precedence (`1.2.0` → `1.2.1`,
 * `1.3.0-rc.1` → `1.3.0`). Build metadata does not count, so `1.2.0+a` →
 * `1.2.0+b` is not a new version. With no previous version, any valid
 * version is accepted.
 *
 * @public
 */
export function nextVersionIsValid(
  previous: string | undefined,
  next: string,
): boolean {
  if (!isValidSemver(next)) {
    return false;
  }
  if (previous === undefined) {
    return true;
  }
  return isValidSemver(previous) && compareSemver(next, previous) > 0;
}

/**
 * Explains why {@link nextVersionIsValid} refused, or returns `undefined`.
 *
 * @public
 */
export function explainNextVersion(
  previous: string | undefined,
  next: string,
): string | undefined {
  if (!isValidSemver(next)) {
    return `"${next}" is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.4.0)`;
  }
  if (previous !== undefined && !isValidSemver(previous)) {
    return `the previous version "${previous}" is not a semantic version`;
  }
  if (previous !== undefined && compareSemver(next, previous) <= 0) {
    return `${next} must be greater than the latest version ${previous}`;
  }
  return undefined;
}

/**
 * The next patch, minor and major versions after `previous` (a pre-release
 * first releases its own version: `1.3.0-rc.1` → patch `1.3.0`). Suggestions
 * for the publish dialog.
 *
 * @public
 */
export function suggestNextVersions(previous: string | undefined): {
  patch: string;
  minor: string;
  major: string;
} {
  const parsed = previous === undefined ? undefined : parseSemver(previous);
  if (!parsed) {
    return { patch: '0.1.0', minor: '0.1.0', major: '1.0.0' };
  }
  const { major, minor, patch } = parsed;
  if (parsed.prerelease.length > 0) {
    const release = `${major}.${minor}.${patch}`;
    return {
      patch: release,
      minor: patch === 0 ? release : `${major}.${minor + 1}.0`,
      major: minor === 0 && patch === 0 ? release : `${major + 1}.0.0`,
    };
  }
  return {
    patch: `${major}.${minor}.${patch + 1}`,
    minor: `${major}.${minor + 1}.0`,
    major: `${major + 1}.0.0`,
  };
}

/**
 * The highest of the given versions by semver precedence, ignoring invalid
 * ones; `undefined` when there is none.
 *
 * @public
 */
export function latestVersion(versions: Iterable<string>): string | undefined {
  let latest: string | undefined;
  for (const version of versions) {
    if (
      isValidSemver(version) &&
      (latest === undefined || compareSemver(version, latest) > 0)
    ) {
      latest = version;
    }
  }
  return latest;
}
