import {
  compareKubernetesMinor,
  compareSemver,
  isValidSemver,
  kubernetesMinorOf,
  parseSemver,
  sortSemverDescending,
} from './semver';

describe('semver', () => {
  it('parses the parts of a version', () => {
    expect(parseSemver('1.34.9-gke.1287000+build.5')).toEqual({
      major: 1,
      minor: 34,
      patch: 9,
      prerelease: ['gke', '1287000'],
      build: ['build', '5'],
      raw: '1.34.9-gke.1287000+build.5',
    });
  });

  it.each(['1.2', 'v1.2.3', '01.2.3', '1.2.3-', '1.2.3-01', '22.04.5', ''])(
    'rejects %j',
    version => {
      expect(isValidSemver(version)).toBe(false);
      expect(parseSemver(version)).toBeUndefined();
    },
  );

  it('orders versions by semver precedence, including pre-releases', () => {
    // The precedence example of semver.org, shuffled.
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    const shuffled = [
      '1.0.0-beta.11',
      '2.0.0',
      '1.0.0-alpha.beta',
      '1.0.0',
      '1.0.0-alpha',
      '1.10.0',
      '1.0.0-rc.1',
      '1.0.0-beta',
      '1.0.1',
      '1.0.0-alpha.1',
      '1.0.0-beta.2',
      'not-a-version',
    ];
    expect(sortSemverDescending(shuffled)).toEqual([...ordered].reverse());
    expect(compareSemver('1.2.3+a', '1.2.3+b')).toBe(0);
    expect(compareSemver('1.9.0', '1.10.0')).toBeLessThan(0);
  });

  it('orders GKE versions by their build number', () => {
    expect(
      compareSemver('1.34.9-gke.1287000', '1.34.9-gke.999000'),
    ).toBeGreaterThan(0);
  });

  it('refuses to compare invalid versions', () => {
    expect(() => compareSemver('1.2', '1.2.0')).toThrow(
      /Not a semantic version: "1.2"/,
    );
  });

  it('finds the Kubernetes minor of any common spelling', () => {
    expect(kubernetesMinorOf('1.33.8')).toBe('1.33');
    expect(kubernetesMinorOf('v1.33.8')).toBe('1.33');
    expect(kubernetesMinorOf('1.35.8-gke.1036000')).toBe('1.35');
    expect(kubernetesMinorOf('latest')).toBeUndefined();
    expect(compareKubernetesMinor('1.9', '1.31')).toBeLessThan(0);
    expect(compareKubernetesMinor('1.31', '1.31')).toBe(0);
  });
});
