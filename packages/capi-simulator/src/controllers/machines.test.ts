import {
  MachineVersions,
  compareVersions,
  minVersion,
  nextMachines,
  removeOneMachine,
  replicaCounters,
  totalOf,
} from './machines';

/** Runs the stepper to convergence, recording [replicas, upToDate] after each step. */
function run(start: MachineVersions, desired: number, target: string) {
  const steps: Array<[number, number]> = [];
  let versions = start;
  for (let i = 0; i < 100; i++) {
    const next = nextMachines(versions, desired, target);
    if (!next) return { steps, versions };
    versions = next;
    const c = replicaCounters(versions, target);
    steps.push([c.replicas, c.upToDateReplicas]);
  }
  throw new Error('did not converge');
}

describe('simulated machines', () => {
  it('scales up and down one machine per step', () => {
    expect(run([], 3, 'v1.33.0').steps).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(
      run([{ version: 'v1.33.0', replicas: 3 }], 1, 'v1.33.0').steps,
    ).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });

  it('rolls out with maxSurge 1 and maxUnavailable 0', () => {
    const { steps, versions } = run(
      [{ version: 'v1.33.0', replicas: 3 }],
      3,
      'v1.34.0',
    );
    expect(steps).toEqual([
      [4, 1],
      [3, 1],
      [4, 2],
      [3, 2],
      [4, 3],
      [3, 3],
    ]);
    expect(versions).toEqual([{ version: 'v1.34.0', replicas: 3 }]);
  });

  it('removes outdated machines first when scaling down during a rollout', () => {
    const { versions } = run(
      [{ version: 'v1.33.0', replicas: 3 }],
      1,
      'v1.34.0',
    );
    expect(versions).toEqual([{ version: 'v1.34.0', replicas: 1 }]);
  });

  it('deletes one machine per step and reports the lowest version', () => {
    const v: MachineVersions = [
      { version: 'v1.9.0', replicas: 1 },
      { version: 'v1.10.0', replicas: 2 },
    ];
    expect(minVersion(v)).toBe('v1.9.0');
    expect(compareVersions('v1.10.0', 'v1.9.3')).toBeGreaterThan(0);
    expect(totalOf(removeOneMachine(v))).toBe(2);
    expect(removeOneMachine([])).toEqual([]);
  });
});
