/*
 * Variable references in layer values.
 *
 * Syntax (Palette's macro syntax): `{{ .palette.vars.<name> }}`, spaces inside
 * the braces optional. A reference can stand for a whole value or sit inside
 * a string:
 *
 *   replicas: {{ .palette.vars.replicas }}          # number → 3
 *   cidr: {{ .palette.vars.podCidr }}               # string → "10.0.0.0/16"
 *   url: "https://{{ .palette.vars.domain }}/x"     # inside a quoted string
 *   script: |
 *     echo {{ .palette.vars.greeting }}              # inside a block scalar
 *
 * When a reference is a whole plain value, `number` and `boolean` variables
 * become YAML numbers and booleans and every other format becomes a quoted
 * YAML string (so `1.30` or `yes` stay strings). Inside quoted strings the
 * value is escaped for that quoting style; inside block scalars it is
 * inserted as is, with continuation lines indented. References in comments
 * are ignored.
 */
import {
  checkVariableValue,
  ProfileVariable,
  VariableFormat,
  VariableValues,
  variableValueToString,
} from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';

const REFERENCE = /\{\{\s*\.palette\.vars\.([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const ANY_TEMPLATE = /\{\{([^{}]*)\}\}/g;

/**
 * Where in the YAML a reference sits, which decides how a value is written.
 *
 * @public
 */
export type VariableReferenceContext =
  /** The whole plain (unquoted) scalar. */
  | 'value'
  /** Part of a plain scalar. */
  | 'plain'
  | 'double-quoted'
  | 'single-quoted'
  /** A line of a `|` or `>` block scalar. */
  | 'block';

/**
 * One `{{ .palette.vars.<name> }}` occurrence.
 *
 * @public
 */
export interface VariableReference {
  name: string;
  /** The exact text, e.g. `{{ .palette.vars.podCidr }}`. */
  text: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  context: VariableReferenceContext;
}

/**
 * A `{{ … }}` that mentions `palette` but is not a valid reference, such as
 * `{{ .palette.vars.pod-cidr }}` or `{{ .palette.var.x }}`.
 *
 * @public
 */
export interface MalformedVariableReference {
  text: string;
  line: number;
  column: number;
}

interface ScannedLine {
  references: VariableReference[];
  malformed: MalformedVariableReference[];
}

/** Quote state at each column of a line, and where a comment starts. */
function quoteStates(line: string): {
  states: Array<'plain' | 'double' | 'single'>;
  commentAt: number;
} {
  const states: Array<'plain' | 'double' | 'single'> = [];
  let state: 'plain' | 'double' | 'single' = 'plain';
  let commentAt = line.length;
  for (let i = 0; i < line.length; i++) {
    states.push(state);
    const c = line[i];
    if (state === 'plain') {
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
        commentAt = i;
        break;
      }
      // A quote opens a quoted scalar only where a scalar can start: at the
      // start of the line or after `:`, `-`, `,`, `[` or `{`.
      if (c === '"' || c === "'") {
        const previous = line.slice(0, i).trimEnd().slice(-1);
        if (previous === '' || ':-,[{'.includes(previous)) {
          state = c === '"' ? 'double' : 'single';
        }
      }
    } else if (state === 'double') {
      if (c === '\\') {
        states.push(state);
        i++;
      } else if (c === '"') {
        state = 'plain';
      }
    } else if (c === "'") {
      if (line[i + 1] === "'") {
        states.push(state);
        i++;
      } else {
        state = 'plain';
      }
    }
  }
  return { states, commentAt };
}

function opensBlockScalar(line: string): boolean {
  // `key: |`, `key: >-`, `- |2` (comments already cut off).
  return /(?::|^\s*-)\s+[|>][1-9]?[+-]?[1-9]?\s*$/.test(line);
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

function scan(valuesYaml: string): ScannedLine[] {
  const lines = valuesYaml.split('\n');
  const result: ScannedLine[] = [];
  let blockIndent: number | undefined; // indentation of the line that opened a block scalar
  lines.forEach((line, index) => {
    const scanned: ScannedLine = { references: [], malformed: [] };
    result.push(scanned);
    const inBlock =
      blockIndent !== undefined &&
      (line.trim() === '' || indentOf(line) > blockIndent);
    if (!inBlock) {
      blockIndent = undefined;
    }
    const { states, commentAt } = inBlock
      ? {
          states: [] as Array<'plain' | 'double' | 'single'>,
          commentAt: line.length,
        }
      : quoteStates(line);

    for (const match of line.matchAll(ANY_TEMPLATE)) {
      const column = match.index!;
      if (column >= commentAt) {
        continue;
      }
      const reference = new RegExp(`^${REFERENCE.source}$`).exec(match[0]);
      if (!reference) {
        if (/palette/.test(match[1])) {
          scanned.malformed.push({
            text: match[0],
            line: index + 1,
            column: column + 1,
          });
        }
        continue;
      }
      let context: VariableReferenceContext;
      if (inBlock) {
        context = 'block';
      } else if (states[column] === 'double') {
        context = 'double-quoted';
      } else if (states[column] === 'single') {
        context = 'single-quoted';
      } else {
        const before = line.slice(0, column);
        const after = line.slice(column + match[0].length, commentAt);
        const startsScalar = /^\s*(-\s+)*([^\s#'"][^#]*?:\s+)?(-\s+)*$/.test(
          before,
        );
        context = startsScalar && after.trim() === '' ? 'value' : 'plain';
      }
      scanned.references.push({
        name: reference[1],
        text: match[0],
        line: index + 1,
        column: column + 1,
        context,
      });
    }
    if (!inBlock && opensBlockScalar(line.slice(0, commentAt))) {
      blockIndent = indentOf(line);
    }
  });
  return result;
}

/**
 * Finds every variable reference in a values document, in order (comments
 * excluded).
 *
 * @public
 */
export function findVariableReferences(
  valuesYaml: string | undefined,
): VariableReference[] {
  return valuesYaml ? scan(valuesYaml).flatMap(l => l.references) : [];
}

/**
 * Finds `{{ … }}` expressions that mention `palette` but are not valid
 * variable references.
 *
 * @public
 */
export function findMalformedVariableReferences(
  valuesYaml: string | undefined,
): MalformedVariableReference[] {
  return valuesYaml ? scan(valuesYaml).flatMap(l => l.malformed) : [];
}

/**
 * The distinct variable names a values document references, sorted.
 *
 * @public
 */
export function referencedVariableNames(
  valuesYaml: string | undefined,
): string[] {
  return [
    ...new Set(findVariableReferences(valuesYaml).map(r => r.name)),
  ].sort();
}

/**
 * Why a variable could not be substituted. Messages never contain the value
 * of a sensitive variable.
 *
 * @public
 */
export interface VariableResolutionError {
  /** `variable.undefined`, `variable.missing`, `variable.readOnly`, `variable.invalid` or `values.yaml`. */
  code: string;
  variable?: string;
  line?: number;
  message: string;
}

/**
 * The outcome of {@link resolveVariables}.
 *
 * @public
 */
export type ResolveVariablesResult =
  | {
      ok: true;
      /** The values document with every reference substituted. */
      yaml: string;
      /**
       * With `usePlaceholders`, the values that stand in for variables that
       * have no usable value; schema findings about them are not real.
       */
      placeholders: unknown[];
    }
  | { ok: false; errors: VariableResolutionError[] };

/**
 * Options of {@link resolveVariables}.
 *
 * @public
 */
export interface ResolveVariablesOptions {
  /**
   * Substitute a sample of the variable's format where no valid value or
   * default exists (and for undeclared references) instead of failing. Used
   * to check a draft's values before anyone has entered variable values.
   */
  usePlaceholders?: boolean;
}

const PLACEHOLDER_SAMPLES: Record<Exclude<VariableFormat, 'string'>, string> = {
  number: '1',
  boolean: 'true',
  ipv4: '192.0.2.10',
  cidr: '192.0.2.0/24',
  version: '1.0.0',
  base64: 'cGFsZXR0ZQ==',
};

function placeholderFor(name: string, format: VariableFormat): string {
  return format === 'string'
    ? `palette-var-${name.toLowerCase()}`
    : PLACEHOLDER_SAMPLES[format];
}

function placeholderAsValue(text: string, format: VariableFormat): unknown {
  if (format === 'number') {
    return Number(text);
  }
  if (format === 'boolean') {
    return text === 'true';
  }
  return text;
}

function render(
  value: string,
  format: VariableFormat,
  context: VariableReferenceContext,
  line: string,
): string {
  switch (context) {
    case 'value':
      return format === 'number' || format === 'boolean'
        ? value
        : JSON.stringify(value);
    case 'double-quoted':
      return JSON.stringify(value).slice(1, -1);
    case 'single-quoted':
      return value.replace(/'/g, "''");
    case 'block': {
      const indent = /^\s*/.exec(line)![0];
      return value.split('\n').join(`\n${indent}`);
    }
    default:
      return value;
  }
}

/**
 * Substitutes variable values into a values document.
 *
 * References are `{{ .palette.vars.<name> }}`. Each referenced variable
 * takes, in order: the given value (not for read-only variables), then its
 * default; the value must satisfy the variable's format, regex and options.
 * Where a reference is a whole plain value, `number` and `boolean` values are
 * written as YAML numbers and booleans and every other format as a quoted
 * string; inside quoted strings the value is escaped for that quoting style;
 * inside block scalars it is inserted as is, continuation lines indented.
 * Every problem is reported at once; messages about sensitive variables
 * never contain their values. When anything was substituted, the result is
 * checked to still be valid YAML.
 *
 * @param valuesYaml - the layer's values overrides
 * @param values - values given for this cluster, by variable name
 * @param variables - the profile's variable definitions
 *
 * @public
 */
export function resolveVariables(
  valuesYaml: string | undefined,
  values: VariableValues,
  variables: readonly ProfileVariable[],
  options: ResolveVariablesOptions = {},
): ResolveVariablesResult {
  const text = valuesYaml ?? '';
  const byName = new Map(variables.map(v => [v.name, v]));
  const errors: VariableResolutionError[] = [];
  const placeholders: unknown[] = [];
  const chosen = new Map<string, { value: string; format: VariableFormat }>();

  const scanned = scan(text);
  const referenced = new Map<string, number>(); // name → first line
  for (const reference of scanned.flatMap(l => l.references)) {
    if (!referenced.has(reference.name)) {
      referenced.set(reference.name, reference.line);
    }
  }

  for (const [name, line] of referenced) {
    const variable = byName.get(name);
    if (!variable) {
      if (options.usePlaceholders) {
        const sample = placeholderFor(name, 'string');
        chosen.set(name, { value: sample, format: 'string' });
        placeholders.push(sample);
      } else {
        errors.push({
          code: 'variable.undefined',
          variable: name,
          line,
          message: `line ${line} references {{ .palette.vars.${name} }}, but the profile declares no variable "${name}"`,
        });
      }
      continue;
    }

    const given = values[name];
    let candidate: string | undefined;
    if (given !== undefined && !variable.readOnly) {
      candidate = variableValueToString(given);
    } else if (given !== undefined && variable.readOnly) {
      const givenText = variableValueToString(given);
      if (givenText !== variable.default && !options.usePlaceholders) {
        errors.push({
          code: 'variable.readOnly',
          variable: name,
          message: `variable "${name}" is read-only; its default is used and cannot be overridden`,
        });
        continue;
      }
      candidate = variable.default;
    } else {
      candidate = variable.default;
    }

    const problem =
      candidate === undefined
        ? undefined
        : checkVariableValue(variable, candidate);
    if (candidate !== undefined && problem === undefined) {
      chosen.set(name, { value: candidate, format: variable.format });
      continue;
    }
    if (options.usePlaceholders) {
      const sample = placeholderFor(name, variable.format);
      chosen.set(name, { value: sample, format: variable.format });
      placeholders.push(placeholderAsValue(sample, variable.format));
      continue;
    }
    errors.push(
      candidate === undefined
        ? {
            code: 'variable.missing',
            variable: name,
            line,
            message: `variable "${name}" (${variable.displayName}) needs a value: none was given and it has no default`,
          }
        : {
            code: 'variable.invalid',
            variable: name,
            line,
            message: `variable "${name}": ${problem}`,
          },
    );
  }

  if (errors.length > 0) {
    return { ok: false, errors };
  }
  if (referenced.size === 0) {
    // Nothing to substitute; whether the text is valid YAML is for the
    // caller's parser to say, with its own position.
    return { ok: true, yaml: text, placeholders };
  }

  const lines = text.split('\n');
  const output = lines.map((line, index) => {
    const references = scanned[index].references;
    if (references.length === 0) {
      return line;
    }
    let result = '';
    let cursor = 0;
    for (const reference of references) {
      const start = reference.column - 1;
      const { value, format } = chosen.get(reference.name)!;
      result +=
        line.slice(cursor, start) +
        render(value, format, reference.context, line);
      cursor = start + reference.text.length;
    }
    return result + line.slice(cursor);
  });
  const resolved = output.join('\n');

  try {
    yaml.load(resolved, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = error instanceof yaml.YAMLException ? error.mark : undefined;
    const reason =
      error instanceof yaml.YAMLException ? error.reason : 'unparseable';
    return {
      ok: false,
      errors: [
        {
          code: 'values.yaml',
          line: mark ? mark.line + 1 : undefined,
          // The reason only: js-yaml's full message quotes the line, which may
          // hold a sensitive value.
          message: `the values are not valid YAML once variables are substituted${
            mark ? ` (line ${mark.line + 1})` : ''
          }: ${reason}; quote references that sit inside text`,
        },
      ],
    };
  }
  return { ok: true, yaml: resolved, placeholders };
}

/**
 * A layer's values with variables substituted.
 *
 * @public
 */
export interface ResolvedLayerValues {
  packName: string;
  packVersion: string;
  values: string;
}

/**
 * A problem found by {@link resolveProfileValues}, located in the profile.
 *
 * @public
 */
export interface ProfileResolutionError extends VariableResolutionError {
  /** `variables[i]` or `layers[i].values` (or `values.<name>` for an unknown given value). */
  field: string;
  /** The pack name when the problem is in a layer. */
  layer?: string;
}

/**
 * The outcome of {@link resolveProfileValues}.
 *
 * @public
 */
export type ResolveProfileValuesResult =
  | { ok: true; layers: ResolvedLayerValues[] }
  | { ok: false; errors: ProfileResolutionError[] };

/**
 * Substitutes the values given for a cluster into every layer of a profile,
 * as cluster creation needs them. Beyond {@link resolveVariables} per layer, it
 * rejects values for variables the profile does not declare, and requires a
 * value (given or default) for every required variable, referenced or not.
 *
 * @public
 */
export function resolveProfileValues(
  profile: {
    layers: ReadonlyArray<{
      packName: string;
      packVersion: string;
      values?: string;
    }>;
    variables?: readonly ProfileVariable[];
  },
  values: VariableValues,
): ResolveProfileValuesResult {
  const variables = profile.variables ?? [];
  const errors: ProfileResolutionError[] = [];
  const declared = new Set(variables.map(v => v.name));

  for (const name of Object.keys(values)) {
    if (!declared.has(name)) {
      errors.push({
        code: 'variable.unknown',
        variable: name,
        field: `values.${name}`,
        message: `a value was given for "${name}", which the profile does not declare`,
      });
    }
  }
  variables.forEach((variable, index) => {
    const field = `variables[${index}]`;
    const given = values[variable.name];
    if (
      variable.readOnly &&
      given !== undefined &&
      variableValueToString(given) !== variable.default
    ) {
      errors.push({
        code: 'variable.readOnly',
        variable: variable.name,
        field,
        message: `variable "${variable.name}" is read-only; its default is used and cannot be overridden`,
      });
      return;
    }
    const value =
      given !== undefined && !variable.readOnly
        ? variableValueToString(given)
        : variable.default;
    if (value === undefined) {
      if (variable.required) {
        errors.push({
          code: 'variable.missing',
          variable: variable.name,
          field,
          message: `variable "${variable.name}" (${variable.displayName}) is required: no value was given and it has no default`,
        });
      }
      return;
    }
    const problem = checkVariableValue(variable, value);
    if (problem) {
      errors.push({
        code: 'variable.invalid',
        variable: variable.name,
        field,
        message: `variable "${variable.name}": ${problem}`,
      });
    }
  });
  if (errors.length > 0) {
    return { ok: false, errors };
  }

  const layers: ResolvedLayerValues[] = [];
  profile.layers.forEach((layer, index) => {
    const result = resolveVariables(layer.values, values, variables);
    if (result.ok) {
      layers.push({
        packName: layer.packName,
        packVersion: layer.packVersion,
        values: result.yaml,
      });
    } else {
      errors.push(
        ...result.errors.map(error => ({
          ...error,
          field: `layers[${index}].values`,
          layer: layer.packName,
        })),
      );
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layers };
}
