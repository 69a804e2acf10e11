import yaml from 'js-yaml';
import type {
  JsonSchemaSubset,
  JsonSchemaType,
} from '@palette-backstage/plugin-palette-common';

/**
 * Helm-style values: a YAML mapping.
 *
 * @public
 */
export type ValuesObject = Record<string, unknown>;

/**
 * The outcome of {@link parseValuesYaml}.
 *
 * @public
 */
export type ParseValuesResult =
  | { ok: true; values: ValuesObject }
  | { ok: false; message: string; line?: number; column?: number };

function isPlainObject(value: unknown): value is ValuesObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a values document. Empty text is an empty mapping; anything but a
 * mapping at the top is an error. Uses the YAML 1.2 core schema (as Helm
 * does through JSON): `yes`/`off` stay strings and dates stay strings.
 *
 * @public
 */
export function parseValuesYaml(text: string | undefined): ParseValuesResult {
  if (text === undefined || text.trim() === '') {
    return { ok: true, values: {} };
  }
  let parsed: unknown;
  try {
    parsed = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      const column = error.mark ? error.mark.column + 1 : undefined;
      const where = line ? ` at line ${line}, column ${column}` : '';
      return {
        ok: false,
        message: `invalid YAML${where}: ${error.reason}`,
        line,
        column,
      };
    }
    return { ok: false, message: `invalid YAML: ${String(error)}` };
  }
  if (parsed === null || parsed === undefined) {
    return { ok: true, values: {} };
  }
  if (!isPlainObject(parsed)) {
    return {
      ok: false,
      message: `values must be a YAML mapping, not ${
        Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`
      }`,
    };
  }
  return { ok: true, values: parsed };
}

/**
 * Merges values like Helm does with `-f`: mappings merge key by key, lists
 * and scalars replace, and `null` in the overrides deletes the key.
 * Neither input is modified.
 *
 * @public
 */
export function mergeValues(
  base: ValuesObject,
  overrides: ValuesObject,
): ValuesObject {
  const result: ValuesObject = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value) && isPlainObject(result[key])) {
      result[key] = mergeValues(result[key] as ValuesObject, value);
    } else {
      result[key] = value;
    }
  }
  return result;
}

/**
 * One place where values break their schema. `path` is relative to the
 * values root, e.g. `controller.replicaCount` or `storageClasses[0].name`
 * (empty for the root).
 *
 * @public
 */
export interface SchemaViolation {
  path: string;
  message: string;
  /** The offending value (absent for a missing required key). */
  value?: unknown;
}

/**
 * Appends a key or index to a value path: `a.b`, `a["odd.key"]`, `a[0]`.
 *
 * @public
 */
export function joinValuePath(base: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${base}[${key}]`;
  }
  if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) {
    return base ? `${base}.${key}` : key;
  }
  return `${base}[${JSON.stringify(key)}]`;
}

function jsonTypeOf(value: unknown): JsonSchemaType | 'undefined' {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'undefined';
  }
}

function typeMatches(
  actual: JsonSchemaType | 'undefined',
  expected: JsonSchemaType,
): boolean {
  return actual === expected || (expected === 'number' && actual === 'integer');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  ) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every(k =>
      deepEqual(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
      ),
    )
  );
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= 60 ? text : jsonTypeOf(value);
}

/**
 * Validates values against the JSON Schema subset that packs use (`type`,
 * `properties`, `required`, `enum`, `pattern`, `minimum`, `maximum`, `items`,
 * `additionalProperties`) and returns every violation, each with its path.
 *
 * @public
 */
export function validateAgainstSchema(
  value: unknown,
  schema: JsonSchemaSubset,
  path: string = '',
): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  const actual = jsonTypeOf(value);

  if (schema.type !== undefined) {
    const expected = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!expected.some(t => typeMatches(actual, t))) {
      violations.push({
        path,
        message: `must be ${expected.join(' or ')}, not ${actual}`,
        value,
      });
      return violations; // the other keywords would only repeat the problem
    }
  }

  if (
    schema.enum !== undefined &&
    !schema.enum.some(option => deepEqual(option, value))
  ) {
    violations.push({
      path,
      message: `must be one of ${schema.enum.map(describe).join(', ')}`,
      value,
    });
  }

  if (typeof value === 'string' && schema.pattern !== undefined) {
    let matches = true;
    try {
      matches = new RegExp(schema.pattern).test(value);
    } catch {
      violations.push({
        path,
        message: `the schema pattern ${schema.pattern} is invalid`,
      });
    }
    if (!matches) {
      violations.push({
        path,
        message: `must match the pattern ${schema.pattern}`,
        value,
      });
    }
  }

  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      violations.push({
        path,
        message: `must be at least ${schema.minimum}`,
        value,
      });
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      violations.push({
        path,
        message: `must be at most ${schema.maximum}`,
        value,
      });
    }
  }

  if (isPlainObject(value)) {
    for (const key of schema.required ?? []) {
      if (!(key in value)) {
        violations.push({
          path: joinValuePath(path, key),
          message: 'is required',
        });
      }
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = joinValuePath(path, key);
      const propertySchema = schema.properties?.[key];
      if (propertySchema) {
        violations.push(
          ...validateAgainstSchema(child, propertySchema, childPath),
        );
      } else if (schema.additionalProperties === false) {
        violations.push({
          path: childPath,
          message: `is not a known key${
            schema.properties
              ? ` (expected one of ${Object.keys(schema.properties).join(
                  ', ',
                )})`
              : ''
          }`,
          value: child,
        });
      } else if (typeof schema.additionalProperties === 'object') {
        violations.push(
          ...validateAgainstSchema(
            child,
            schema.additionalProperties,
            childPath,
          ),
        );
      }
    }
  }

  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => {
      violations.push(
        ...validateAgainstSchema(
          item,
          schema.items!,
          joinValuePath(path, index),
        ),
      );
    });
  }

  return violations;
}
