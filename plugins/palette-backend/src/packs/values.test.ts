import type { JsonSchemaSubset } from '@palette-backstage/plugin-palette-common';
import {
  joinValuePath,
  mergeValues,
  parseValuesYaml,
  validateAgainstSchema,
} from './values';

describe('parseValuesYaml', () => {
  it('reads empty text as an empty mapping', () => {
    expect(parseValuesYaml('')).toEqual({ ok: true, values: {} });
    expect(parseValuesYaml('# only a comment\n')).toEqual({
      ok: true,
      values: {},
    });
  });

  it('uses the YAML 1.2 core schema', () => {
    expect(parseValuesYaml('strategy: off\nfrom: 2024-04-01\nn: 3')).toEqual({
      ok: true,
      values: { strategy: 'off', from: '2024-04-01', n: 3 },
    });
  });

  it('reports invalid YAML with its line and column', () => {
    const result = parseValuesYaml('a: 1\nb: [1, 2\n');
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ line: 3 });
    expect(!result.ok && result.message).toMatch(
      /^invalid YAML at line 3, column \d+:/,
    );
  });

  it('rejects documents that are not mappings', () => {
    expect(parseValuesYaml('- a\n- b')).toEqual({
      ok: false,
      message: 'values must be a YAML mapping, not a list',
    });
    expect(parseValuesYaml('just text')).toMatchObject({ ok: false });
  });
});

describe('mergeValues', () => {
  it('merges mappings, replaces lists and scalars, and deletes on null', () => {
    const base = { a: { b: 1, c: [1, 2], d: 'x' }, keep: true, drop: 'me' };
    const merged = mergeValues(base, {
      a: { b: 2, c: [3] },
      drop: null,
      extra: 'y',
    });
    expect(merged).toEqual({
      a: { b: 2, c: [3], d: 'x' },
      keep: true,
      extra: 'y',
    });
    expect(base).toEqual({
      a: { b: 1, c: [1, 2], d: 'x' },
      keep: true,
      drop: 'me',
    });
  });
});

describe('validateAgainstSchema', () => {
  const schema: JsonSchemaSubset = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', pattern: '^[a-z]+$' },
      replicas: { type: 'integer', minimum: 1, maximum: 5 },
      ratio: { type: 'number' },
      mode: { type: 'string', enum: ['fast', 'safe'] },
      tags: { type: 'array', items: { type: 'string' } },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    },
  };

  it('accepts values that satisfy every keyword', () => {
    expect(
      validateAgainstSchema(
        {
          name: 'web',
          replicas: 3,
          ratio: 2,
          mode: 'safe',
          tags: ['a'],
          labels: { 'app.kubernetes.io/name': 'web' },
        },
        schema,
      ),
    ).toEqual([]);
  });

  it('reports each keyword with the path of the value', () => {
    expect(
      validateAgainstSchema(
        {
          replicas: 9,
          ratio: 'high',
          mode: 'turbo',
          tags: ['a', 2],
          labels: { 'app.kubernetes.io/name': 1 },
          extra: true,
        },
        schema,
      ),
    ).toEqual([
      { path: 'name', message: 'is required' },
      { path: 'replicas', message: 'must be at most 5', value: 9 },
      { path: 'ratio', message: 'must be number, not string', value: 'high' },
      {
        path: 'mode',
        message: 'must be one of "fast", "safe"',
        value: 'turbo',
      },
      { path: 'tags[1]', message: 'must be string, not integer', value: 2 },
      {
        path: 'labels["app.kubernetes.io/name"]',
        message: 'must be string, not integer',
        value: 1,
      },
      {
        path: 'extra',
        message:
          'is not a known key (expected one of name, replicas, ratio, mode, tags, labels)',
        value: true,
      },
    ]);
  });

  it('checks patterns and minimums', () => {
    expect(validateAgainstSchema({ name: 'Web', replicas: 0 }, schema)).toEqual(
      [
        {
          path: 'name',
          message: 'must match the pattern ^[a-z]+$',
          value: 'Web',
        },
        { path: 'replicas', message: 'must be at least 1', value: 0 },
      ],
    );
  });

  it('does not look inside a value of the wrong type', () => {
    expect(validateAgainstSchema({ name: 'web', tags: 'a,b' }, schema)).toEqual(
      [{ path: 'tags', message: 'must be array, not string', value: 'a,b' }],
    );
  });

  it('joins paths with dots, brackets and quoted keys', () => {
    expect(joinValuePath(joinValuePath('', 'a'), 0)).toBe('a[0]');
    expect(joinValuePath('a', 'b.c')).toBe('a["b.c"]');
  });
});
