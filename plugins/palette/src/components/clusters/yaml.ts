/**
 * A small YAML writer for showing rendered Kubernetes objects: JSON-like
 * values only (objects, arrays, strings, numbers, booleans, null). Strings
 * that YAML would read as something else are double-quoted (JSON strings
 * are valid YAML); multi-line strings become literal blocks.
 */

const PLAIN_UNSAFE =
  /^$|^\s|\s$|^[-?:,[\]{}#&*!|>'"%@`]|: |\s#|^(true|false|yes|no|on|off|y|n|null|~)$|^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xo]/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return PLAIN_UNSAFE.test(value) || /\p{Cc}/u.test(value)
      ? JSON.stringify(value)
      : value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

const isBlock = (value: unknown): value is object =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);

const isMultiline = (value: unknown): value is string =>
  typeof value === 'string' && value.includes('\n');

function literal(text: string, indent: string): string {
  const chomp = text.endsWith('\n') ? '|' : '|-';
  const body = text.replace(/\n$/, '').split('\n');
  return `${chomp}\n${body
    .map(line => (line ? `${indent}${line}` : ''))
    .join('\n')}`;
}

/** `value` after a key or dash: inline, or on the next lines. */
function child(value: unknown, indent: string): string {
  if (isMultiline(value)) return ` ${literal(value, `${indent}  `)}`;
  if (!isBlock(value)) {
    if (Array.isArray(value)) return ' []';
    if (typeof value === 'object' && value !== null) return ' {}';
    return ` ${scalar(value)}`;
  }
  return `\n${lines(value, `${indent}  `)}`;
}

function lines(value: object, indent: string): string {
  if (Array.isArray(value)) {
    return value
      .map(item => {
        if (isBlock(item) && !Array.isArray(item)) {
          // The first key sits on the dash's line.
          const nested = lines(item, `${indent}  `);
          return `${indent}- ${nested.slice(indent.length + 2)}`;
        }
        return `${indent}-${child(item, indent)}`;
      })
      .join('\n');
  }
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => `${indent}${scalar(key)}:${child(v, indent)}`)
    .join('\n');
}

/** One YAML document for a JSON-like value. */
export function toYaml(value: unknown): string {
  if (isBlock(value)) return `${lines(value, '')}\n`;
  if (isMultiline(value)) return `${literal(value, '  ')}\n`;
  return `${child(value, '').trimStart()}\n`;
}

/** Several documents, separated by `---`. */
export function toYamlDocuments(values: unknown[]): string {
  return values.map(toYaml).join('---\n');
}
