import { InputError } from '@backstage/errors';
import { parseSemver } from '@palette-backstage/plugin-palette-common';

/** The longest version the store accepts (the `version` column is varchar(128)). */
export const MAX_VERSION_LENGTH = 128;

const NUMBER_WIDTH = 16; // Number.MAX_SAFE_INTEGER has 16 digits
const RELEASE_MARKER = '~'; // sorts after '-', so a release follows its pre-releases
const PRERELEASE_MARKER = '-';
const IDENTIFIER_SEPARATOR = '!'; // sorts before every identifier character [0-9A-Za-z-]

function encodeIdentifier(identifier: string): string {
  if (/^\d+$/.test(identifier)) {
    // Numeric identifiers have no leading zeros and sort numerically, before
    // alphanumeric ones: '0', then the digit count, then the digits.
    return `0${String(identifier.length).padStart(3, '0')}${identifier}`;
  }
  // Alphanumeric identifiers sort in ASCII order.
  return `1${identifier}`;
}

/**
 * A string that sorts byte-wise (SQLite's BINARY, PostgreSQL's "C" collation)
 * in semantic-version precedence order, so that "highest version" is an
 * `ORDER BY version_key DESC`. Build metadata is ignored, as for precedence:
 * `1.2.0+a` and `1.2.0+b` have the same key.
 *
 * Layout: zero-padded `major.minor.patch`, then `~` for a release or `-` and
 * the encoded pre-release identifiers separated by `!`.
 *
 * @throws InputError when the version is not strict semver or is too long.
 */
export function versionSortKey(version: string): string {
  if (version.length > MAX_VERSION_LENGTH) {
    throw new InputError(
      `Version "${version.slice(
        0,
        40,
      )}…" is too long (at most ${MAX_VERSION_LENGTH} characters)`,
    );
  }
  const parsed = parseSemver(version);
  if (!parsed) {
    throw new InputError(
      `"${version}" is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.4.0)`,
    );
  }
  const core = [parsed.major, parsed.minor, parsed.patch]
    .map(n => String(n).padStart(NUMBER_WIDTH, '0'))
    .join('.');
  if (parsed.prerelease.length === 0) {
    return `${core}${RELEASE_MARKER}`;
  }
  return `${core}${PRERELEASE_MARKER}${parsed.prerelease
    .map(encodeIdentifier)
    .join(IDENTIFIER_SEPARATOR)}`;
}
