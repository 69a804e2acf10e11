import { isValidSemver } from '../packs/semver';
import type { ProfileVariable, VariableFormat } from './types';

/**
 * Profile variables are referenced in layer values with Palette's macro
 * syntax: `{{ .palette.vars.<name> }}` (spaces inside the braces optional).
 * Global flag set: use with `matchAll` or reset `lastIndex`. Group 1 is the
 * variable name.
 *
 * @public
 */
export const PROFILE_VARIABLE_REFERENCE_PATTERN =
  /\{\{\s*\.palette\.vars\.([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The reference to insert into values for a variable, e.g.
 * `{{ .palette.vars.podCidr }}`.
 *
 * @public
 */
export function formatVariableReference(name: string): string {
  return `{{ .palette.vars.${name} }}`;
}

/**
 * A variable value as given by a form, the scaffolder or an API caller.
 *
 * @public
 */
export type VariableValue = string | number | boolean;

/**
 * Values for profile variables, by variable name.
 *
 * @public
 */
export type VariableValues = Readonly<Record<string, VariableValue>>;

const NUMBER_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const BASE64_PATTERN =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 &&
    parts.every(p => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
  );
}

function isCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  return (
    rest.length === 0 &&
    prefix !== undefined &&
    isIpv4(address) &&
    /^(0|[1-9]\d?)$/.test(prefix) &&
    Number(prefix) <= 32
  );
}

const FORMAT_CHECKS: Record<
  VariableFormat,
  { test: (value: string) => boolean; expected: string }
> = {
  string: { test: () => true, expected: 'text' },
  number: {
    test: v => NUMBER_PATTERN.test(v) && Number.isFinite(Number(v)),
    expected: 'a number such as 3 or 0.5',
  },
  boolean: {
    test: v => v === 'true' || v === 'false',
    expected: 'true or false',
  },
  ipv4: { test: isIpv4, expected: 'an IPv4 address such as 10.0.0.10' },
  cidr: { test: isCidr, expected: 'an IPv4 CIDR block such as 10.0.0.0/16' },
  version: {
    test: v => isValidSemver(v.replace(/^v/, '')),
    expected: 'a semantic version such as 1.33.1 or v1.33.1',
  },
  base64: {
    test: v => BASE64_PATTERN.test(v),
    expected: 'standard padded Base64',
  },
};

/**
 * Whether a text value has the given format (see {@link VariableFormat}).
 *
 * @public
 */
export function matchesVariableFormat(
  format: VariableFormat,
  value: string,
): boolean {
  return FORMAT_CHECKS[format].test(value);
}

/**
 * Turns a given value into the text form variables are stored and checked
 * in (`3`, `true`, …).
 *
 * @public
 */
export function variableValueToString(value: VariableValue): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * Checks one value of a variable against its format, regex and options.
 * Returns a message, or `undefined` when the value is acceptable. Messages
 * about sensitive variables never contain the value.
 *
 * @public
 */
export function checkVariableValue(
  variable: Pick<
    ProfileVariable,
    'name' | 'format' | 'regex' | 'options' | 'sensitive'
  >,
  value: VariableValue,
): string | undefined {
  const text = variableValueToString(value);
  const shown = variable.sensitive ? 'the value' : JSON.stringify(text);
  const check = FORMAT_CHECKS[variable.format];
  if (!check.test(text)) {
    return `${shown} is not ${check.expected} (format ${variable.format})`;
  }
  if (variable.regex !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${variable.regex})$`);
    } catch {
      return `the regex of variable "${variable.name}" is not a valid regular expression`;
    }
    if (!pattern.test(text)) {
      return `${shown} does not match the pattern ${variable.regex}`;
    }
  }
  if (variable.options && variable.options.length > 0) {
    if (!variable.options.some(o => o.value === text)) {
      return `${shown} is not one of the options (${variable.options
        .map(o => o.value)
        .join(', ')})`;
    }
  }
  return undefined;
}
