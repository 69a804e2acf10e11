import {
  explainNextVersion,
  latestVersion,
  nextVersionIsValid,
  suggestNextVersions,
} from './versionRules';

describe('profile version rules', () => {
  it.each([
    [undefined, '0.1.0', true],
    ['1.2.0', '1.2.1', true],
    ['1.2.0', '1.10.0', true],
    ['1.3.0-rc.1', '1.3.0', true],
    ['1.3.0-alpha', '1.3.0-beta', true],
    ['1.2.0', '1.2.0', false],
    ['1.2.0', '1.1.9', false],
    ['1.2.0+a', '1.2.0+b', false],
    ['1.3.0', '1.3.0-rc.1', false],
    ['1.2.0', '1.3', false],
    ['1.2.0', 'v1.3.0', false],
    ['latest', '1.0.0', false],
  ])('after %s, %s is %s', (previous, next, valid) => {
    expect(nextVersionIsValid(previous, next)).toBe(valid);
  });

  it('explains refusals', () => {
    expect(explainNextVersion('1.2.0', '1.2.0')).toBe(
      '1.2.0 must be greater than the latest version 1.2.0',
    );
    expect(explainNextVersion(undefined, '1.2')).toBe(
      '"1.2" is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.4.0)',
    );
    expect(explainNextVersion('1.2.0', '1.2.1')).toBeUndefined();
  });

  it('suggests the next versions', () => {
    expect(suggestNextVersions('1.4.2')).toEqual({
      patch: '1.4.3',
      minor: '1.5.0',
      major: '2.0.0',
    });
    expect(suggestNextVersions('2.0.0-rc.1')).toEqual({
      patch: '2.0.0',
      minor: '2.0.0',
      major: '2.0.0',
    });
    expect(suggestNextVersions(undefined)).toEqual({
      patch: '0.1.0',
      minor: '0.1.0',
      major: '1.0.0',
    });
    for (const next of Object.values(suggestNextVersions('1.4.2'))) {
      expect(nextVersionIsValid('1.4.2', next)).toBe(true);
    }
  });

  it('finds the latest version', () => {
    expect(
      latestVersion(['1.2.0', '1.10.0', '1.9.9', 'junk', '1.10.0-rc.1']),
    ).toBe('1.10.0');
    expect(latestVersion([])).toBeUndefined();
  });
});
