import { InputError } from '@backstage/errors';
import { compareSemver } from '@palette-backstage/plugin-palette-common';
import { MAX_VERSION_LENGTH, versionSortKey } from './versionKey';

// Byte-wise, as SQLite's BINARY and PostgreSQL's "C" collation compare.
const byteWise = (a: string, b: string) => Number(a > b) - Number(a < b);

describe('versionSortKey', () => {
  it('sorts in the precedence order of semver.org §11', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
    ];
    const shuffled = [...ordered].reverse();
    shuffled.push(shuffled.shift()!);
    const sorted = shuffled
      .map(version => ({ version, key: versionSortKey(version) }))
      .sort((a, b) => byteWise(a.key, b.key))
      .map(entry => entry.version);
    expect(sorted).toEqual(ordered);
  });

  it('agrees with compareSemver on every pair of tricky versions', () => {
    const versions = [
      '0.0.0',
      '0.0.1',
      '0.9.0',
      '0.10.0',
      '1.2.3',
      '1.10.0',
      '9.0.0',
      '10.0.0',
      '1.0.0-0',
      '1.0.0-1',
      '1.0.0-9',
      '1.0.0-10',
      '1.0.0-100',
      '1.0.0-a',
      '1.0.0-a-b',
      '1.0.0-a.b',
      '1.0.0-a.1',
      '1.0.0-A',
      '1.0.0-Beta',
      '1.0.0-beta',
      '1.0.0-beta.1.0',
      '1.0.0-beta.1',
      '1.0.0-1a',
      '1.0.0--',
      '1.0.0-rc.1',
      '1.0.0',
      `${Number.MAX_SAFE_INTEGER}.0.0`,
      `1.0.0-${'9'.repeat(40)}`,
      `1.0.0-${'9'.repeat(39)}`,
    ];
    for (const a of versions) {
      for (const b of versions) {
        expect([a, b, byteWise(versionSortKey(a), versionSortKey(b))]).toEqual([
          a,
          b,
          compareSemver(a, b),
        ]);
      }
    }
  });

  it('ignores build metadata, as precedence does', () => {
    expect(versionSortKey('1.2.0+build.1')).toBe(versionSortKey('1.2.0'));
    expect(versionSortKey('1.2.0-rc.1+b')).toBe(versionSortKey('1.2.0-rc.1'));
  });

  it('rejects versions that are not strict semver, or too long', () => {
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3-', '', 'latest']) {
      expect(() => versionSortKey(bad)).toThrow(InputError);
    }
    const long = `1.0.0-${'a'.repeat(MAX_VERSION_LENGTH)}`;
    expect(() => versionSortKey(long)).toThrow(/too long/);
  });
});
