import { FieldSet, formatPath } from './fieldSet';
import { compareValues, mergeValues, toFieldSet } from './values';

describe('FieldSet', () => {
  const fieldsV1 = {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    'f:spec': {
      'f:containers': {
        'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} },
      },
      'f:replicas': {},
      'f:tags': { 'v:"a"': {} },
    },
  };

  it('reads and writes the FieldsV1 format unchanged', () => {
    const set = FieldSet.fromFieldsV1(fieldsV1);
    expect(set.toFieldsV1()).toEqual(fieldsV1);
    expect(JSON.stringify(set.toFieldsV1())).toBe(JSON.stringify(fieldsV1));
    expect(set.has(['f:spec', 'f:replicas'])).toBe(true);
    expect(set.has(['f:spec'])).toBe(false);
    expect(set.has(['f:metadata', 'f:labels'])).toBe(true);
    expect(set.has(['f:spec', 'f:containers', 'k:{"name":"app"}'])).toBe(true);
  });

  it('unites, subtracts and intersects sets, dropping emptied nodes', () => {
    const a = FieldSet.fromPaths([
      ['f:spec', 'f:replicas'],
      ['f:spec', 'f:paused'],
    ]);
    const b = FieldSet.fromPaths([['f:spec', 'f:paused']]);
    expect(a.difference(b).toFieldsV1()).toEqual({
      'f:spec': { 'f:replicas': {} },
    });
    expect(a.intersection(b).equals(b)).toBe(true);
    expect(b.difference(a).isEmpty()).toBe(true);
    expect(b.union(FieldSet.fromPaths([['f:x']])).paths()).toEqual([
      ['f:spec', 'f:paused'],
      ['f:x'],
    ]);
  });

  it('prints paths as the API server does in conflicts', () => {
    expect(formatPath(['f:spec', 'f:replicas'])).toBe('.spec.replicas');
    expect(
      formatPath([
        'f:spec',
        'f:ports',
        'k:{"port":443,"protocol":"TCP"}',
        'f:name',
      ]),
    ).toBe('.spec.ports[port=443,protocol="TCP"].name');
    expect(formatPath(['f:spec', 'f:tags', 'v:"a"'])).toBe('.spec.tags[="a"]');
  });
});

describe('values', () => {
  const byName = (path: string[]) =>
    path.join('.') === 'items'
      ? { type: 'map' as const, keys: ['name'] }
      : undefined;

  it('merges map lists keeping live-only items in place and applied items in applied order', () => {
    const merged = mergeValues(
      { items: [{ name: 'a' }, { name: 'x' }, { name: 'b', v: 1 }] },
      { items: [{ name: 'b', v: 2 }, { name: 'a' }, { name: 'c' }] },
      byName,
    );
    expect(merged).toEqual({
      items: [{ name: 'x' }, { name: 'b', v: 2 }, { name: 'a' }, { name: 'c' }],
    });
  });

  it('sees a field whose value changes kind as modified, and what was below it as removed', () => {
    const diff = compareValues({ spec: { a: { b: 1 } } }, { spec: { a: 'x' } });
    expect(diff.modified.paths()).toEqual([['f:spec', 'f:a']]);
    expect(diff.removed.paths()).toEqual([['f:spec', 'f:a', 'f:b']]);
    expect(diff.added.isEmpty()).toBe(true);
  });

  it('takes null and empty objects as owned leaves', () => {
    expect(
      toFieldSet({ spec: { a: null, b: {}, c: { d: 1 } } }).toFieldsV1(),
    ).toEqual({
      'f:spec': { 'f:a': {}, 'f:b': {}, 'f:c': { 'f:d': {} } },
    });
  });
});
