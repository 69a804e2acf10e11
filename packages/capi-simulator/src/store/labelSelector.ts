import { StatusError } from '../server/StatusError';

type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

/**
 * Parses a Kubernetes label selector string (equality-based `a=b`, `a==b`,
 * `a!=b` and set-based `a in (x,y)`, `a notin (x)`, `a`, `!a`) into a
 * predicate over labels. Invalid syntax is a 400 as on a real server.
 */
export function parseLabelSelector(
  selector: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  if (!selector || !selector.trim()) return () => true;
  const requirements = splitTopLevel(selector).map(parseRequirement);
  return labels => {
    const l = labels ?? {};
    return requirements.every(r => {
      const has = Object.prototype.hasOwnProperty.call(l, r.key);
      switch (r.op) {
        case 'exists':
          return has;
        case 'notexists':
          return !has;
        case 'in':
          return has && r.values.includes(l[r.key]);
        case 'notin':
          return !has || !r.values.includes(l[r.key]);
        default:
          return false;
      }
    });
  };
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function parseRequirement(text: string): Requirement {
  let m = text.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (m) {
    const values = m[3]
      .split(',')
      .map(v => v.trim())
      .filter(Boolean);
    return checked({ key: m[1], op: m[2] as 'in' | 'notin', values });
  }
  m = text.match(/^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/);
  if (m) {
    const op = m[2] === '!=' ? 'notin' : 'in';
    return checked({ key: m[1], op, values: [m[3]] });
  }
  m = text.match(/^!\s*(\S+)$/);
  if (m) return checked({ key: m[1], op: 'notexists' });
  if (/^\S+$/.test(text)) return checked({ key: text, op: 'exists' });
  throw StatusError.badRequest(`unable to parse requirement: "${text}"`);
}

function checked(r: Requirement): Requirement {
  if (!LABEL_KEY.test(r.key)) {
    throw StatusError.badRequest(
      `unable to parse requirement: invalid label key "${r.key}"`,
    );
  }
  return r;
}

/** A field a field selector may name, beyond `metadata.name` and `metadata.namespace`. */
export type FieldReader<T> = (obj: T) => string | undefined;

/**
 * Parses a field selector; the simulator supports `metadata.name` and
 * `metadata.namespace` with `=`, `==` and `!=`, as most CRDs do, plus the
 * `extraFields` a kind supports (e.g. `type` of Secrets).
 */
export function parseFieldSelector<
  T extends { metadata: { name: string; namespace?: string } },
>(
  selector: string | undefined,
  extraFields: Record<string, FieldReader<T>> = {},
): (obj: T) => boolean {
  if (!selector || !selector.trim()) return () => true;
  const fields: Record<string, FieldReader<T>> = {
    'metadata.name': o => o.metadata.name,
    'metadata.namespace': o => o.metadata.namespace,
    ...extraFields,
  };
  const tests = selector.split(',').map(part => {
    const m = part.trim().match(/^([\w.]+)\s*(==|=|!=)\s*(.*)$/);
    const read =
      m && Object.prototype.hasOwnProperty.call(fields, m[1])
        ? fields[m[1]]
        : undefined;
    if (!m || !read) {
      throw StatusError.badRequest(
        `field label not supported: ${part.trim().split(/[=!]/)[0]}`,
      );
    }
    const negate = m[2] === '!=';
    const value = m[3];
    return (o: T) => ((read(o) ?? '') === value) !== negate;
  });
  return obj => tests.every(t => t(obj));
}
