import type { KubeObject } from '../store/types';
import { compileSchema } from './schema';

/** A resource schema whose spec is `spec` (apiVersion/kind/metadata as CRDs declare them). */
function resourceSchema(spec: object, extra: object = {}) {
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec,
      ...extra,
    },
  };
}

function obj(spec: unknown, rest: object = {}): KubeObject {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Thing',
    metadata: { name: 'a', namespace: 'default' },
    spec,
    ...rest,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('pruning', () => {
  const schema = compileSchema(
    resourceSchema({
      type: 'object',
      properties: {
        name: { type: 'string' },
        nested: {
          type: 'object',
          properties: { keep: { type: 'integer' } },
        },
        list: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' } } },
        },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        anything: { type: 'object', additionalProperties: true },
        free: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: {
            typed: { type: 'object', properties: { x: { type: 'string' } } },
          },
        },
        freeList: {
          type: 'array',
          'x-kubernetes-preserve-unknown-fields': true,
          items: { type: 'object', properties: { x: { type: 'string' } } },
        },
        objectOfMaps: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { a: { type: 'string' } },
          },
        },
      },
    }),
  );

  it('drops fields the schema does not describe, at every level', () => {
    const { object, causes } = schema.normalize(
      obj({
        name: 'x',
        unknown: 1,
        nested: { keep: 1, drop: 2 },
        list: [{ id: 'a', extra: true }, { id: 'b' }],
        objectOfMaps: { one: { a: 'x', b: 'y' } },
      }),
    );
    expect(causes).toEqual([]);
    expect(object.spec).toEqual({
      name: 'x',
      nested: { keep: 1 },
      list: [{ id: 'a' }, { id: 'b' }],
      objectOfMaps: { one: { a: 'x' } },
    });
  });

  it('drops unknown top-level fields but keeps apiVersion, kind and metadata as they are', () => {
    const metadata = {
      name: 'a',
      labels: { x: 'y' },
      somethingUnknown: { deep: [1, 2] },
    };
    const { object } = schema.normalize({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata,
      spec: {},
      extraTopLevel: 'gone',
    });
    expect(object).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata,
      spec: {},
    });
    expect(object.metadata).not.toBe(metadata);
  });

  it('keeps apiVersion, kind and metadata at the root even when the schema omits them', () => {
    const bare = compileSchema({
      type: 'object',
      properties: { spec: { type: 'object' } },
    });
    const input = obj({});
    expect(bare.normalize(input).object).toEqual(input);
  });

  it('keeps every key under additionalProperties (schema or true)', () => {
    const { object } = schema.normalize(
      obj({ labels: { a: 'b', c: 'd' }, anything: { x: { y: [1] } } }),
    );
    expect(object.spec).toEqual({
      labels: { a: 'b', c: 'd' },
      anything: { x: { y: [1] } },
    });
  });

  it('keeps unknown fields under x-kubernetes-preserve-unknown-fields but prunes the described ones', () => {
    const { object } = schema.normalize(
      obj({
        free: { whatever: { a: [1, { b: 2 }] }, typed: { x: 'ok', y: 'no' } },
        freeList: [{ x: 'a', other: 1 }],
      }),
    );
    expect(object.spec).toEqual({
      free: { whatever: { a: [1, { b: 2 }] }, typed: { x: 'ok' } },
      freeList: [{ x: 'a', other: 1 }],
    });
  });

  it('never mutates its input', () => {
    const input = deepFreeze(
      obj({ name: 'x', unknown: 1, nested: { keep: 1, drop: 2 } }),
    );
    const copy = structuredClone(input);
    const { object } = schema.normalize(input);
    expect(input).toEqual(copy);
    expect(object).not.toBe(input);
    expect(object.spec).not.toBe(input.spec);
  });

  it('keeps apiVersion, kind and metadata of x-kubernetes-embedded-resource objects', () => {
    const embedded = compileSchema(
      resourceSchema({
        type: 'object',
        properties: {
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            properties: { spec: { type: 'object', properties: {} } },
          },
        },
      }),
    );
    const { object, causes } = embedded.normalize(
      obj({
        template: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'x', labels: { a: 'b' } },
          spec: { gone: true },
          data: 'gone too',
        },
      }),
    );
    expect(causes).toEqual([]);
    expect(object.spec).toEqual({
      template: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x', labels: { a: 'b' } },
        spec: {},
      },
    });

    const missingKind = embedded.normalize(
      obj({ template: { apiVersion: 'v1' } }),
    );
    expect(missingKind.causes).toEqual([
      {
        field: 'spec.template.kind',
        message: 'Required value: must not be empty',
        reason: 'FieldValueRequired',
      },
    ]);
  });
});

describe('nulls', () => {
  const schema = compileSchema(
    resourceSchema({
      type: 'object',
      required: ['mustHave'],
      properties: {
        mustHave: { type: 'string' },
        plain: { type: 'string' },
        canBeNull: { type: 'string', nullable: true },
        defaulted: { type: 'string', default: 'dflt' },
        nullableDefaulted: { type: 'string', nullable: true, default: 'd' },
        list: { type: 'array', items: { type: 'string' } },
      },
    }),
  );

  it('drops a non-nullable null without default, so a required field becomes missing', () => {
    const { object, causes } = schema.normalize(
      obj({ mustHave: null, plain: null }),
    );
    expect(object.spec).toEqual({ defaulted: 'dflt', nullableDefaulted: 'd' });
    expect(causes).toEqual([
      {
        field: 'spec.mustHave',
        message: 'Required value',
        reason: 'FieldValueRequired',
      },
    ]);
  });

  it('keeps a nullable null, and defaults a non-nullable null that has a default', () => {
    const { object, causes } = schema.normalize(
      obj({
        mustHave: 'x',
        canBeNull: null,
        defaulted: null,
        nullableDefaulted: null,
      }),
    );
    expect(causes).toEqual([]);
    expect(object.spec).toEqual({
      mustHave: 'x',
      canBeNull: null,
      defaulted: 'dflt',
      nullableDefaulted: null,
    });
  });

  it('rejects a null list item of a non-nullable item type', () => {
    const { causes } = schema.normalize(
      obj({ mustHave: 'x', list: ['a', null] }),
    );
    expect(causes).toEqual([
      {
        field: 'spec.list[1]',
        message:
          'Invalid value: "null": spec.list[1] in body must be of type string: "null"',
        reason: 'FieldValueTypeInvalid',
      },
    ]);
  });
});

describe('defaulting', () => {
  const schema = compileSchema(
    resourceSchema({
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1 },
        strategy: {
          type: 'object',
          default: { type: 'RollingUpdate' },
          properties: {
            type: { type: 'string' },
            rollingUpdate: {
              type: 'object',
              properties: { maxSurge: { type: 'integer', default: 1 } },
            },
            maxUnavailable: { type: 'integer', default: 0 },
          },
        },
        options: {
          type: 'object',
          properties: {
            cache: { type: 'boolean', default: false },
            install: {
              type: 'object',
              properties: {
                createNamespace: { type: 'boolean', default: true },
              },
            },
          },
        },
        ports: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              port: { type: 'integer' },
              protocol: { type: 'string', default: 'TCP' },
            },
          },
        },
        tags: {
          type: 'object',
          additionalProperties: { type: 'string' },
          default: { a: 'b' },
        },
      },
    }),
  );

  it('applies defaults of missing fields, and nested defaults of objects that exist', () => {
    const { object, causes } = schema.normalize(
      obj({
        options: {},
        ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }],
      }),
    );
    expect(causes).toEqual([]);
    expect(object.spec).toEqual({
      replicas: 1,
      // defaulted object: its own property defaults apply too
      strategy: { type: 'RollingUpdate', maxUnavailable: 0 },
      // install does not exist, so createNamespace is not defaulted
      options: { cache: false },
      ports: [
        { port: 80, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ],
      tags: { a: 'b' },
    });
  });

  it('does not create missing parents for nested defaults', () => {
    const { object } = schema.normalize(obj({}));
    expect(object.spec).not.toHaveProperty('options');
    expect(object.spec).not.toHaveProperty('ports');
    const withInstall = schema.normalize(obj({ options: { install: {} } }));
    expect(withInstall.object.spec).toMatchObject({
      options: { cache: false, install: { createNamespace: true } },
    });
  });

  it('keeps values that are set and hands out fresh copies of defaults', () => {
    const first = schema.normalize(
      obj({ replicas: 3, strategy: { type: 'OnDelete', maxUnavailable: 2 } }),
    );
    expect(first.object.spec).toMatchObject({
      replicas: 3,
      strategy: { type: 'OnDelete', maxUnavailable: 2 },
    });
    const tags = (first.object.spec as { tags: Record<string, string> }).tags;
    tags.a = 'changed';
    const second = schema.normalize(obj({}));
    expect((second.object.spec as { tags: unknown }).tags).toEqual({ a: 'b' });
  });

  it('validates the defaulted object', () => {
    const bad = compileSchema(
      resourceSchema({
        type: 'object',
        properties: { mode: { type: 'string', default: 'x', enum: ['a'] } },
      }),
    );
    expect(bad.normalize(obj({})).causes).toEqual([
      {
        field: 'spec.mode',
        message: 'Unsupported value: "x": supported values: "a"',
        reason: 'FieldValueNotSupported',
      },
    ]);
  });
});

describe('validation', () => {
  const check = (spec: object, value: unknown) =>
    compileSchema(resourceSchema(spec)).normalize(obj(value)).causes;

  it('reports missing required fields with their path', () => {
    const spec = {
      type: 'object',
      required: ['topology'],
      properties: {
        topology: {
          type: 'object',
          required: ['classRef', 'version'],
          properties: {
            classRef: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string' } },
            },
            version: { type: 'string' },
          },
        },
      },
    };
    expect(check(spec, {})).toEqual([
      {
        field: 'spec.topology',
        message: 'Required value',
        reason: 'FieldValueRequired',
      },
    ]);
    expect(check(spec, { topology: { classRef: {} } })).toEqual([
      {
        field: 'spec.topology.classRef.name',
        message: 'Required value',
        reason: 'FieldValueRequired',
      },
      {
        field: 'spec.topology.version',
        message: 'Required value',
        reason: 'FieldValueRequired',
      },
    ]);
  });

  it('reports wrong types as the API server words them', () => {
    const spec = {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        ratio: { type: 'number' },
        name: { type: 'string' },
        flag: { type: 'boolean' },
        list: { type: 'array', items: { type: 'string' } },
        sub: { type: 'object', properties: {} },
      },
    };
    expect(check(spec, { replicas: 'string' })).toEqual([
      {
        field: 'spec.replicas',
        message:
          'Invalid value: "string": spec.replicas in body must be of type integer: "string"',
        reason: 'FieldValueTypeInvalid',
      },
    ]);
    expect(check(spec, { replicas: 1.5 })[0].message).toBe(
      'Invalid value: "number": spec.replicas in body must be of type integer: "number"',
    );
    expect(check(spec, { ratio: 2, replicas: 3 })).toEqual([]);
    expect(check(spec, { name: 5 })[0].message).toBe(
      'Invalid value: "integer": spec.name in body must be of type string: "integer"',
    );
    expect(check(spec, { flag: 'true' })[0].message).toBe(
      'Invalid value: "string": spec.flag in body must be of type boolean: "string"',
    );
    expect(check(spec, { list: 'a' })[0].message).toBe(
      'Invalid value: "string": spec.list in body must be of type array: "string"',
    );
    expect(check(spec, { sub: [1] })[0].message).toBe(
      'Invalid value: "array": spec.sub in body must be of type object: "array"',
    );
  });

  it('accepts integers and strings for x-kubernetes-int-or-string, and nothing else', () => {
    const spec = {
      type: 'object',
      properties: {
        maxSurge: {
          'x-kubernetes-int-or-string': true,
          anyOf: [{ type: 'integer' }, { type: 'string' }],
        },
      },
    };
    expect(check(spec, { maxSurge: 1 })).toEqual([]);
    expect(check(spec, { maxSurge: '25%' })).toEqual([]);
    const causes = check(spec, { maxSurge: true });
    expect(causes[0]).toEqual({
      field: 'spec.maxSurge',
      message:
        'Invalid value: "boolean": spec.maxSurge in body must be of type integer,string: "boolean"',
      reason: 'FieldValueTypeInvalid',
    });
    expect(causes).toContainEqual({
      field: '<nil>',
      message:
        'Invalid value: "": "spec.maxSurge" must validate at least one schema (anyOf)',
      reason: 'FieldValueInvalid',
    });
  });

  it('reports enum violations with the supported values', () => {
    const spec = {
      type: 'object',
      properties: {
        order: { type: 'string', enum: ['Random', 'Newest', 'Oldest'] },
        level: { type: 'integer', enum: [1, 2] },
      },
    };
    expect(check(spec, { order: 'Newest', level: 2 })).toEqual([]);
    expect(check(spec, { order: 'x' })).toEqual([
      {
        field: 'spec.order',
        message:
          'Unsupported value: "x": supported values: "Random", "Newest", "Oldest"',
        reason: 'FieldValueNotSupported',
      },
    ]);
    expect(check(spec, { level: 3 })[0].message).toBe(
      'Unsupported value: 3: supported values: "1", "2"',
    );
  });

  it('checks patterns, lengths (in characters) and reports the first string failure', () => {
    const spec = {
      type: 'object',
      properties: {
        version: { type: 'string', pattern: '^v\\d+\\.\\d+\\.\\d+$' },
        name: { type: 'string', minLength: 2, maxLength: 3 },
        one: { type: 'string', maxLength: 1 },
        both: { type: 'string', maxLength: 2, pattern: '^a+$' },
      },
    };
    expect(check(spec, { version: 'v1.2.3', name: 'éé' })).toEqual([]);
    expect(check(spec, { version: 'v1.x' })).toEqual([
      {
        field: 'spec.version',
        message:
          'Invalid value: "v1.x": spec.version in body should match \'^v\\d+\\.\\d+\\.\\d+$\'',
        reason: 'FieldValueInvalid',
      },
    ]);
    expect(check(spec, { name: 'x' })).toEqual([
      {
        field: 'spec.name',
        message:
          'Invalid value: "x": spec.name in body should be at least 2 chars long',
        reason: 'FieldValueInvalid',
      },
    ]);
    expect(check(spec, { name: 'abcd' })).toEqual([
      {
        field: 'spec.name',
        message: 'Too long: may not be more than 3 bytes',
        reason: 'FieldValueTooLong',
      },
    ]);
    // one astral character is one rune, as in Go
    expect(check(spec, { one: '😀' })).toEqual([]);
    expect(check(spec, { one: 'ab' })[0].message).toBe(
      'Too long: may not be more than 1 byte',
    );
    expect(check(spec, { both: 'bbb' })).toHaveLength(1);
  });

  it('checks minimum, maximum, their exclusive forms and multipleOf', () => {
    const spec = {
      type: 'object',
      properties: {
        replicas: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: {
          type: 'number',
          minimum: 0,
          exclusiveMinimum: true,
          maximum: 1,
          exclusiveMaximum: true,
        },
        step: { type: 'integer', multipleOf: 5 },
      },
    };
    expect(check(spec, { replicas: 1, ratio: 0.5, step: 10 })).toEqual([]);
    expect(check(spec, { replicas: 0 })).toEqual([
      {
        field: 'spec.replicas',
        message:
          'Invalid value: 0: spec.replicas in body should be greater than or equal to 1',
        reason: 'FieldValueInvalid',
      },
    ]);
    expect(check(spec, { replicas: 11 })[0].message).toBe(
      'Invalid value: 11: spec.replicas in body should be less than or equal to 10',
    );
    expect(check(spec, { ratio: 0 })[0].message).toBe(
      'Invalid value: 0: spec.ratio in body should be greater than 0',
    );
    expect(check(spec, { ratio: 1 })[0].message).toBe(
      'Invalid value: 1: spec.ratio in body should be less than 1',
    );
    expect(check(spec, { step: 7 })[0].message).toBe(
      'Invalid value: 7: spec.step in body should be a multiple of 5',
    );
  });

  it('checks minItems, maxItems, minProperties and maxProperties', () => {
    const spec = {
      type: 'object',
      properties: {
        list: { type: 'array', minItems: 1, maxItems: 2, items: {} },
        map: {
          type: 'object',
          minProperties: 1,
          maxProperties: 2,
          additionalProperties: { type: 'string' },
        },
      },
    };
    expect(check(spec, { list: [1], map: { a: 'x' } })).toEqual([]);
    expect(check(spec, { list: [] })).toEqual([
      {
        field: 'spec.list',
        message:
          'Invalid value: 0: spec.list in body should have at least 1 items',
        reason: 'FieldValueInvalid',
      },
    ]);
    expect(check(spec, { list: [1, 2, 3] })).toEqual([
      {
        field: 'spec.list',
        message: 'Too many: 3: must have at most 2 items',
        reason: 'FieldValueTooMany',
      },
    ]);
    expect(check(spec, { map: {} })[0]).toEqual({
      field: 'spec.map',
      message:
        'Invalid value: 0: spec.map in body should have at least 1 properties',
      reason: 'FieldValueInvalid',
    });
    expect(check(spec, { map: { a: 'x', b: 'y', c: 'z' } })[0]).toEqual({
      field: 'spec.map',
      message: 'Too many: 3: must have at most 2 items',
      reason: 'FieldValueTooMany',
    });
    // additionalProperties values are validated with their path
    expect(check(spec, { map: { a: 1 } })[0].field).toBe('spec.map.a');
  });

  it('reports nested list items with index paths', () => {
    const spec = {
      type: 'object',
      properties: {
        workers: {
          type: 'object',
          properties: {
            machineDeployments: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  replicas: { type: 'integer' },
                },
              },
            },
          },
        },
      },
    };
    const causes = check(spec, {
      workers: { machineDeployments: [{ name: 'a' }, { replicas: 'x' }] },
    });
    expect(causes.map(c => c.field).sort()).toEqual([
      'spec.workers.machineDeployments[1].name',
      'spec.workers.machineDeployments[1].replicas',
    ]);
  });

  it('rejects null for non-nullable types only where it survives pruning', () => {
    const spec = {
      type: 'object',
      properties: {
        list: { type: 'array', items: { type: 'object', nullable: true } },
      },
    };
    expect(check(spec, { list: [null, {}] })).toEqual([]);
  });

  it('checks the formats kube-apiserver checks, and ignores int32/int64', () => {
    const spec = {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        data: { type: 'string', format: 'byte' },
        id: { type: 'string', format: 'uuid' },
        small: { type: 'integer', format: 'int32' },
        big: { type: 'integer', format: 'int64' },
        other: { type: 'string', format: 'k8s-something-unknown' },
      },
    };
    expect(
      check(spec, {
        at: '2025-01-02T03:04:05Z',
        data: 'aGVsbG8=',
        id: '3f2c1b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
        small: 2 ** 40,
        big: -(2 ** 50),
        other: 'anything',
      }),
    ).toEqual([]);
    expect(check(spec, { at: 'yesterday' })).toEqual([
      {
        field: 'spec.at',
        message:
          'Invalid value: "yesterday": spec.at in body must be of type date-time: "yesterday"',
        reason: 'FieldValueTypeInvalid',
      },
    ]);
    expect(check(spec, { data: 'not base64!' })[0].message).toBe(
      'Invalid value: "not base64!": spec.data in body must be of type byte: "not base64!"',
    );
    expect(check(spec, { small: 'x' })[0].message).toBe(
      'Invalid value: "string": spec.small in body must be of type integer: "string"',
    );
  });

  it('reports allOf, oneOf and not failures like kube-openapi', () => {
    const spec = {
      type: 'object',
      properties: {
        reservation: {
          type: 'string',
          allOf: [{ enum: ['', 'None', 'Open'] }, { enum: ['', 'None'] }],
        },
        choice: {
          type: 'object',
          properties: { a: { type: 'string' }, b: { type: 'string' } },
          oneOf: [{ required: ['a'] }, { required: ['b'] }],
        },
        notEmpty: { type: 'string', not: { enum: [''] } },
      },
    };
    expect(
      check(spec, { reservation: 'None', choice: { a: 'x' }, notEmpty: 'y' }),
    ).toEqual([]);
    expect(check(spec, { reservation: 'Open' })).toEqual([
      {
        field: 'spec.reservation',
        message: 'Unsupported value: "Open": supported values: "", "None"',
        reason: 'FieldValueNotSupported',
      },
      {
        field: '<nil>',
        message:
          'Invalid value: "": "spec.reservation" must validate all the schemas (allOf)',
        reason: 'FieldValueInvalid',
      },
    ]);
    expect(check(spec, { choice: { a: 'x', b: 'y' } })).toEqual([
      {
        field: '<nil>',
        message:
          'Invalid value: "": "spec.choice" must validate one and only one schema (oneOf). Found 2 valid alternatives',
        reason: 'FieldValueInvalid',
      },
    ]);
    expect(check(spec, { choice: {} })).toEqual([
      {
        field: '<nil>',
        message:
          'Invalid value: "": "spec.choice" must validate one and only one schema (oneOf). Found none valid',
        reason: 'FieldValueInvalid',
      },
      {
        field: 'spec.choice.a',
        message: 'Required value',
        reason: 'FieldValueRequired',
      },
    ]);
    expect(check(spec, { notEmpty: '' })).toEqual([
      {
        field: '<nil>',
        message:
          'Invalid value: "": "spec.notEmpty" must not validate the schema (not)',
        reason: 'FieldValueInvalid',
      },
    ]);
  });

  it('validates status like any other part of the object', () => {
    const schema = compileSchema(
      resourceSchema(
        { type: 'object' },
        {
          status: {
            type: 'object',
            properties: { phase: { type: 'string', enum: ['Ready'] } },
          },
        },
      ),
    );
    const { causes } = schema.normalize(obj({}, { status: { phase: 'x' } }));
    expect(causes.map(c => c.field)).toEqual(['status.phase']);
  });
});

describe('x-kubernetes-list-type', () => {
  const schema = compileSchema(
    resourceSchema({
      type: 'object',
      properties: {
        tags: {
          type: 'array',
          'x-kubernetes-list-type': 'set',
          items: { type: 'string' },
        },
        deployments: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              ports: {
                type: 'array',
                'x-kubernetes-list-type': 'map',
                'x-kubernetes-list-map-keys': ['port', 'protocol'],
                items: {
                  type: 'object',
                  properties: {
                    port: { type: 'integer' },
                    protocol: { type: 'string', default: 'TCP' },
                  },
                },
              },
            },
          },
        },
        plain: { type: 'array', items: { type: 'string' } },
        byKey: {
          type: 'object',
          additionalProperties: {
            type: 'array',
            'x-kubernetes-list-type': 'set',
            items: { type: 'integer' },
          },
        },
      },
    }),
  );

  it('rejects duplicate set items at the second occurrence', () => {
    expect(
      schema.normalize(obj({ tags: ['a', 'b', 'a', 'a'] })).causes,
    ).toEqual([
      {
        field: 'spec.tags[2]',
        message: 'Duplicate value: "a"',
        reason: 'FieldValueDuplicate',
      },
    ]);
    expect(schema.normalize(obj({ plain: ['a', 'a'] })).causes).toEqual([]);
  });

  it('rejects duplicate map keys, with one or several key fields (after defaulting)', () => {
    const { causes } = schema.normalize(
      obj({
        deployments: [
          {
            name: 'md-0',
            ports: [{ port: 80 }, { port: 80, protocol: 'TCP' }],
          },
          { name: 'md-1' },
          { name: 'md-0' },
        ],
      }),
    );
    expect(causes).toEqual([
      {
        field: 'spec.deployments[2]',
        message: 'Duplicate value: map[string]interface {}{"name":"md-0"}',
        reason: 'FieldValueDuplicate',
      },
      {
        field: 'spec.deployments[0].ports[1]',
        message:
          'Duplicate value: map[string]interface {}{"port":80, "protocol":"TCP"}',
        reason: 'FieldValueDuplicate',
      },
    ]);
  });

  it('rejects non-object items of a map list', () => {
    expect(schema.normalize(obj({ deployments: ['x'] })).causes).toContainEqual(
      {
        field: 'spec.deployments[0]',
        message:
          'Invalid value: "x": must be an object for an array of list-type map',
        reason: 'FieldValueInvalid',
      },
    );
  });

  it('checks lists under additionalProperties with key paths', () => {
    expect(schema.normalize(obj({ byKey: { one: [1, 1] } })).causes).toEqual([
      {
        field: 'spec.byKey[one][1]',
        message: 'Duplicate value: 1',
        reason: 'FieldValueDuplicate',
      },
    ]);
  });

  it('answers listTypeAt for server-side apply', () => {
    expect(schema.listTypeAt(['spec', 'tags'])).toEqual({ type: 'set' });
    expect(schema.listTypeAt(['spec', 'deployments'])).toEqual({
      type: 'map',
      keys: ['name'],
    });
    expect(schema.listTypeAt(['spec', 'deployments', 'ports'])).toEqual({
      type: 'map',
      keys: ['port', 'protocol'],
    });
    expect(schema.listTypeAt(['spec', 'deployments', '0', 'ports'])).toEqual({
      type: 'map',
      keys: ['port', 'protocol'],
    });
    expect(schema.listTypeAt(['spec', 'plain'])).toEqual({ type: 'atomic' });
    expect(schema.listTypeAt(['spec', 'byKey', 'anyKey'])).toEqual({
      type: 'set',
    });
    expect(schema.listTypeAt(['spec'])).toBeUndefined();
    expect(schema.listTypeAt(['spec', 'nope'])).toBeUndefined();
  });
});

describe('CEL rules', () => {
  it('are counted and not enforced', () => {
    const schema = compileSchema(
      resourceSchema({
        type: 'object',
        'x-kubernetes-validations': [
          { rule: 'self.a == self.b', message: 'a must equal b' },
        ],
        properties: {
          a: { type: 'string' },
          b: {
            type: 'string',
            'x-kubernetes-validations': [
              { rule: 'self.size() > 100' },
              { rule: 'false' },
            ],
          },
          // a property that is merely called x-kubernetes-validations
          'x-kubernetes-validations': {
            type: 'array',
            items: { type: 'object' },
          },
        },
      }),
    );
    expect(schema.celRules).toBe(3);
    expect(schema.normalize(obj({ a: 'x', b: 'y' })).causes).toEqual([]);
  });
});
