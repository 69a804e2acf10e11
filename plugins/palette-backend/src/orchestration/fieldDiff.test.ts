import { changedPaths, differingFields } from './fieldDiff';

describe('differingFields', () => {
  it('ignores fields only the live object has (defaults, other managers)', () => {
    const desired = { spec: { replicas: 3, template: { image: 'a' } } };
    const live = {
      spec: { replicas: 3, template: { image: 'a', pullPolicy: 'Always' } },
      status: { ready: true },
    };
    expect(differingFields(desired, live)).toEqual([]);
  });

  it('reports each differing field with both values', () => {
    const desired = { spec: { replicas: 3, version: '1.2.0' } };
    const live = { spec: { replicas: 5, version: '1.2.0' } };
    expect(differingFields(desired, live)).toEqual([
      { path: 'spec.replicas', desired: 3, live: 5 },
    ]);
  });

  it('compares lists element by element and reports a changed length once', () => {
    const desired = { pools: [{ name: 'a', replicas: 1 }, { name: 'b' }] };
    expect(
      differingFields(desired, {
        pools: [
          { name: 'a', replicas: 2, extra: 1 },
          { name: 'b', extra: 2 },
        ],
      }),
    ).toEqual([{ path: 'pools[0].replicas', desired: 1, live: 2 }]);
    expect(differingFields(desired, { pools: [{ name: 'a' }] })).toEqual([
      { path: 'pools', desired: desired.pools, live: [{ name: 'a' }] },
    ]);
  });

  it('reports a missing object as one difference', () => {
    expect(differingFields({ spec: { a: 1 } }, undefined)).toEqual([
      { path: '', desired: { spec: { a: 1 } }, live: undefined },
    ]);
  });
});

describe('changedPaths', () => {
  it('finds fields added, removed and changed between two renders', () => {
    expect(
      changedPaths(
        { spec: { version: 'v1.33.1', old: true, same: 1 } },
        { spec: { version: 'v1.34.0', added: 'x', same: 1 } },
      ),
    ).toEqual(['spec.added', 'spec.old', 'spec.version']);
  });
});
