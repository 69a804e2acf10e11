import {
  controlPlaneVersionOf,
  poolVersionOf,
  runsMixedVersions,
  sameVersion,
} from './versions';

describe('versions', () => {
  it.each([
    ['v1.34.1', '1.34.1', true],
    ['1.33.4-gke.100', 'v1.33.4', true],
    ['v1.33', 'v1.33.4', true],
    ['v1.33.4', 'v1.33.5', false],
    ['v1.34.1', 'v1.33.1', false],
    ['latest', 'latest', true],
    ['latest', 'v1.33.4', false],
  ])('%s and %s are the same release: %s', (a, b, same) => {
    expect(sameVersion(a, b)).toBe(same);
  });

  it('reads what machines run from v1beta2 status.versions, lowest first', () => {
    const pool = {
      status: {
        versions: [
          { version: 'v1.34.1', replicas: 2 },
          { version: 'v1.33.10', replicas: 1 },
          { version: 'v1.32.0', replicas: 0 },
        ],
      },
    };
    expect(poolVersionOf(pool)).toBe('v1.33.10');
    expect(runsMixedVersions(pool)).toBe(true);
    expect(
      runsMixedVersions({
        status: { versions: [{ version: 'v1.34.1', replicas: 3 }] },
      }),
    ).toBe(false);
  });

  it('reads control plane versions of kubeadm, EKS/AKS and GKE', () => {
    expect(controlPlaneVersionOf({ status: { version: 'v1.33.4' } })).toBe(
      'v1.33.4',
    );
    expect(
      controlPlaneVersionOf({ status: { currentVersion: '1.33.4-gke.1' } }),
    ).toBe('1.33.4-gke.1');
    expect(controlPlaneVersionOf({ status: {} })).toBeUndefined();
  });
});
