/**
 * Structural-schema handling of custom resources, as kube-apiserver does it
 * for a CRD version's `openAPIV3Schema`:
 *
 * 1. pruning of unknown fields (apiextensions `pruning.Prune`), together with
 *    dropping `null`s of non-nullable fields that have no default
 *    (`PruneNonNullableNullsWithoutDefaults`);
 * 2. defaulting, top-down (`defaulting.Default`);
 * 3. validation with kube-openapi's schema validator, its errors converted
 *    to field errors as `kubeOpenAPIResultToFieldErrors` does, plus the
 *    uniqueness checks of `x-kubernetes-list-type: set|map`
 *    (`listtype.ValidateListSetsAndMaps`) and the apiVersion/kind checks of
 *    `x-kubernetes-embedded-resource` objects.
 *
 * `x-kubernetes-validations` (CEL) rules are NOT evaluated: there is no CEL
 * interpreter here. They are only counted, so callers can say how many rules
 * were skipped. Validation ratcheting (accepting unchanged invalid fields on
 * update) is not done either: every object is validated as on create.
 *
 * The root object's `metadata` is kept as it is and never pruned, defaulted
 * or validated here; the API server checks ObjectMeta separately.
 */
import type { KubeObject } from '../store/types';
import { FormatCheck, formatCheck } from './formats';
import { canonicalJson, goNumber, goQuote, goValue } from './goFormat';
import type { CrdSchema, FieldCause } from './types';

type JsonObject = Record<string, unknown>;
type Kind =
  | 'null'
  | 'boolean'
  | 'string'
  | 'integer'
  | 'number'
  | 'array'
  | 'object';
type ListType = 'atomic' | 'set' | 'map';

/** One compiled schema node. All fields are always set, so nodes share one shape. */
interface SchemaNode {
  /** Whether `type` or `x-kubernetes-int-or-string` is set. */
  hasType: boolean;
  type: string | undefined;
  intOrString: boolean;
  /** The type as kube-openapi names it in messages (`integer,string`). */
  typeLabel: string;
  nullable: boolean;
  /** A format kube-apiserver checks (unsupported formats are dropped). */
  format: string | undefined;
  formatCheck: FormatCheck | undefined;
  properties: Map<string, SchemaNode> | undefined;
  /** The properties that have a default. */
  defaulted: Array<[string, SchemaNode]> | undefined;
  required: string[] | undefined;
  additional: SchemaNode | undefined;
  /** `additionalProperties: true`: any field is kept as it is. */
  additionalAny: boolean;
  /** `additionalProperties: false` (not structural, but validated if present). */
  additionalNone: boolean;
  preserveUnknown: boolean;
  embedded: boolean;
  items: SchemaNode | undefined;
  hasDefault: boolean;
  defaultValue: unknown;
  /** Canonical keys of the enum values, for membership tests. */
  enumKeys: Set<string> | undefined;
  /** The enum values as the "supported values" of a NotSupported error. */
  enumSupported: string | undefined;
  pattern: RegExp | undefined;
  patternSource: string | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: boolean;
  exclusiveMaximum: boolean;
  multipleOf: number | undefined;
  minItems: number | undefined;
  maxItems: number | undefined;
  uniqueItems: boolean;
  minProperties: number | undefined;
  maxProperties: number | undefined;
  allOf: SchemaNode[] | undefined;
  anyOf: SchemaNode[] | undefined;
  oneOf: SchemaNode[] | undefined;
  not: SchemaNode | undefined;
  hasValueValidations: boolean;
  listType: ListType | undefined;
  listMapKeys: string[] | undefined;
  /** Whether this node or one below it is a `set` or `map` list. */
  needsListCheck: boolean;
}

/** What compiling a schema found, besides the schema itself. */
interface CompileContext {
  celRules: number;
  unusablePatterns: string[];
}

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63
        ? 'integer'
        : 'number';
    case 'bigint':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'null';
    default:
      if (v === null) return 'null';
      return Array.isArray(v) ? 'array' : 'object';
  }
}

/** A key that is equal for equal JSON values (numbers compared by value). */
function valueKey(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
    case 'bigint':
      return `n${String(v)}`;
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return v === null || v === undefined ? 'null' : `j${canonicalJson(v)}`;
  }
}

/**
 * Go RE2 syntax to a JavaScript RegExp. CRD patterns are nearly always
 * ECMA-compatible; leading inline flags and `\z` / `\A` are translated.
 */
function compilePattern(source: string): RegExp | undefined {
  let body = source;
  let flags = '';
  const inline = /^\(\?([imsU]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of inline[1]) if (f !== 'U') flags += f;
  }
  body = body.replace(/\\z/g, '$').replace(/\\A/g, '^');
  for (const extra of ['u', '']) {
    try {
      return new RegExp(body, flags + extra);
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}

function newNode(): SchemaNode {
  return {
    hasType: false,
    type: undefined,
    intOrString: false,
    typeLabel: '',
    nullable: false,
    format: undefined,
    formatCheck: undefined,
    properties: undefined,
    defaulted: undefined,
    required: undefined,
    additional: undefined,
    additionalAny: false,
    additionalNone: false,
    preserveUnknown: false,
    embedded: false,
    items: undefined,
    hasDefault: false,
    defaultValue: undefined,
    enumKeys: undefined,
    enumSupported: undefined,
    pattern: undefined,
    patternSource: undefined,
    minLength: undefined,
    maxLength: undefined,
    minimum: undefined,
    maximum: undefined,
    exclusiveMinimum: false,
    exclusiveMaximum: false,
    multipleOf: undefined,
    minItems: undefined,
    maxItems: undefined,
    uniqueItems: false,
    minProperties: undefined,
    maxProperties: undefined,
    allOf: undefined,
    anyOf: undefined,
    oneOf: undefined,
    not: undefined,
    hasValueValidations: false,
    listType: undefined,
    listMapKeys: undefined,
    needsListCheck: false,
  };
}

function compileList(raw: unknown, ctx: CompileContext) {
  return Array.isArray(raw) && raw.length > 0
    ? raw.map(s => compileNode(s, ctx))
    : undefined;
}

function compileNode(raw: unknown, ctx: CompileContext): SchemaNode {
  const s = isObject(raw) ? raw : {};
  const node = newNode();

  // CEL rules cannot be evaluated here; they are counted and skipped.
  const rules = s['x-kubernetes-validations'];
  if (Array.isArray(rules)) ctx.celRules += rules.length;

  if (typeof s.type === 'string' && s.type !== '') node.type = s.type;
  node.intOrString = s['x-kubernetes-int-or-string'] === true;
  node.hasType = node.type !== undefined || node.intOrString;
  node.typeLabel = node.intOrString ? 'integer,string' : node.type ?? '';
  node.nullable = s.nullable === true;
  if (typeof s.format === 'string' && s.format !== '') {
    const check = formatCheck(s.format);
    if (check) {
      node.format = s.format;
      node.formatCheck = check;
    }
  }

  if (isObject(s.properties)) {
    node.properties = new Map();
    for (const [name, sub] of Object.entries(s.properties)) {
      node.properties.set(name, compileNode(sub, ctx));
    }
    const defaulted = [...node.properties].filter(([, p]) => p.hasDefault);
    if (defaulted.length > 0) node.defaulted = defaulted;
  }
  if (Array.isArray(s.required)) {
    const required = s.required.filter(
      (r): r is string => typeof r === 'string',
    );
    if (required.length > 0) node.required = required;
  }
  if (s.additionalProperties === true) node.additionalAny = true;
  else if (s.additionalProperties === false) node.additionalNone = true;
  else if (isObject(s.additionalProperties)) {
    node.additional = compileNode(s.additionalProperties, ctx);
  }
  node.preserveUnknown = s['x-kubernetes-preserve-unknown-fields'] === true;
  node.embedded = s['x-kubernetes-embedded-resource'] === true;
  if (isObject(s.items)) node.items = compileNode(s.items, ctx);
  else if (Array.isArray(s.items) && s.items.length > 0) {
    // Tuple items are not structural; the first schema stands for all.
    node.items = compileNode(s.items[0], ctx);
  }

  // A null default is no default (the API server's Default.Object is nil).
  if (s.default !== undefined && s.default !== null) {
    node.hasDefault = true;
    node.defaultValue = s.default;
  }

  if (Array.isArray(s.enum) && s.enum.length > 0) {
    node.enumKeys = new Set(s.enum.map(valueKey));
    node.enumSupported = s.enum
      .map(e => goQuote(typeof e === 'string' ? e : canonicalJson(e)))
      .join(', ');
  }
  if (typeof s.pattern === 'string' && s.pattern !== '') {
    node.pattern = compilePattern(s.pattern);
    if (node.pattern) node.patternSource = s.pattern;
    else ctx.unusablePatterns.push(s.pattern);
  }
  node.minLength = num(s.minLength);
  node.maxLength = num(s.maxLength);
  node.minimum = num(s.minimum);
  node.maximum = num(s.maximum);
  node.exclusiveMinimum = s.exclusiveMinimum === true;
  node.exclusiveMaximum = s.exclusiveMaximum === true;
  node.multipleOf = num(s.multipleOf);
  node.minItems = num(s.minItems);
  node.maxItems = num(s.maxItems);
  node.uniqueItems = s.uniqueItems === true;
  node.minProperties = num(s.minProperties);
  node.maxProperties = num(s.maxProperties);

  node.allOf = compileList(s.allOf, ctx);
  node.anyOf = compileList(s.anyOf, ctx);
  node.oneOf = compileList(s.oneOf, ctx);
  if (isObject(s.not)) node.not = compileNode(s.not, ctx);
  node.hasValueValidations = !!(
    node.allOf ||
    node.anyOf ||
    node.oneOf ||
    node.not
  );

  const listType = s['x-kubernetes-list-type'];
  if (listType === 'atomic' || listType === 'set' || listType === 'map') {
    node.listType = listType;
  }
  const mapKeys = s['x-kubernetes-list-map-keys'];
  if (Array.isArray(mapKeys)) {
    node.listMapKeys = mapKeys.filter(
      (k): k is string => typeof k === 'string',
    );
  }
  node.needsListCheck =
    node.listType === 'set' ||
    node.listType === 'map' ||
    !!node.items?.needsListCheck ||
    !!node.additional?.needsListCheck ||
    [...(node.properties?.values() ?? [])].some(p => p.needsListCheck);
  return node;
}

// ---------------------------------------------------------------------------
// Pruning and defaulting

function deepCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      out[i] = v[i] === undefined ? null : deepCopy(v[i]);
    }
    return out;
  }
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    const val = (v as JsonObject)[k];
    if (val !== undefined) out[k] = deepCopy(val);
  }
  return out;
}

/**
 * Returns a pruned, defaulted copy of `v`.
 *
 * @param keepUnknown - inside `x-kubernetes-preserve-unknown-fields`: keep
 *   fields the schema does not describe (but still prune described ones).
 * @param resourceRoot - the object is a resource (the root): `apiVersion`,
 *   `kind` and `metadata` are kept as they are.
 */
function prune(
  node: SchemaNode,
  v: unknown,
  keepUnknown: boolean,
  resourceRoot: boolean,
): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const keep = keepUnknown || node.preserveUnknown;

  if (Array.isArray(v)) {
    const items = node.items;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = v[i] === undefined ? null : v[i];
      if (!items) out[i] = deepCopy(item);
      else if (item === null) {
        // A null item of a non-nullable list gets the items' default (as is).
        out[i] =
          !items.nullable && items.hasDefault
            ? deepCopy(items.defaultValue)
            : null;
      } else out[i] = prune(items, item, keep, false);
    }
    return out;
  }

  const src = v as JsonObject;
  const out: JsonObject = {};
  const embedded = resourceRoot || node.embedded;
  for (const k of Object.keys(src)) {
    const val = src[k];
    if (val === undefined) continue;
    if (embedded && META_FIELDS.has(k)) {
      out[k] = deepCopy(val);
      continue;
    }
    const prop = node.properties?.get(k);
    const child = prop ?? node.additional;
    if (child) {
      if (val !== null) out[k] = prune(child, val, false, false);
      else if (child.nullable) out[k] = null;
      else if (child.hasDefault) {
        // A property is defaulted below (with nested defaults); an
        // additional property gets its default as is, like the API server.
        out[k] = prop ? null : deepCopy(child.defaultValue);
      }
      // else: a non-nullable null without default is dropped.
    } else if (keep || node.additionalAny) {
      out[k] = deepCopy(val);
    }
    // else: an unknown field, pruned.
  }

  if (node.defaulted) {
    for (const [k, child] of node.defaulted) {
      if (resourceRoot && META_FIELDS.has(k)) continue;
      const cur = out[k];
      if (cur === undefined || (cur === null && !child.nullable)) {
        out[k] = prune(child, child.defaultValue, false, false);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Validation

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The field of a cause: kube-apiserver prints a nil path as `<nil>`. */
function fieldOf(path: string): string {
  return path === '' ? '<nil>' : path;
}

function runeLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function invalid(path: string, value: unknown, detail: string): FieldCause {
  return {
    field: fieldOf(path),
    message: `Invalid value: ${goValue(value)}: ${detail}`,
    reason: 'FieldValueInvalid',
  };
}

function typeInvalid(
  path: string,
  typeName: string,
  actual: string,
): FieldCause {
  const quoted = goQuote(actual);
  return {
    field: fieldOf(path),
    message: `Invalid value: ${quoted}: ${path} in body must be of type ${typeName}: ${quoted}`,
    reason: 'FieldValueTypeInvalid',
  };
}

function tooMany(path: string, actual: number, max: number): FieldCause {
  return {
    field: fieldOf(path),
    message: `Too many: ${actual}: must have at most ${max} ${
      max === 1 ? 'item' : 'items'
    }`,
    reason: 'FieldValueTooMany',
  };
}

/** An error kube-openapi reports without a field (anyOf, oneOf, allOf, not). */
function composite(detail: string): FieldCause {
  return {
    field: '<nil>',
    message: `Invalid value: "": ${detail}`,
    reason: 'FieldValueInvalid',
  };
}

function typeMatches(node: SchemaNode, kind: Kind): boolean {
  if (node.intOrString) return kind === 'integer' || kind === 'string';
  if (node.type === 'number') return kind === 'number' || kind === 'integer';
  return node.type === kind;
}

/** kube-openapi's typeValidator, including its format special cases. */
function checkType(
  node: SchemaNode,
  kind: Kind,
  path: string,
  out: FieldCause[],
): void {
  const matches = typeMatches(node, kind);
  if (node.format !== undefined) {
    if (kind !== 'string' && kind !== 'array') {
      if (!matches) {
        // The data's Go format (int64, float64, or none) against the schema's.
        let goFormat = '';
        if (kind === 'integer') goFormat = 'int64';
        else if (kind === 'number') goFormat = 'float64';
        out.push(typeInvalid(path, node.format, goFormat));
      }
      return;
    }
    if (node.type !== 'number' && node.type !== 'integer') return;
  }
  if (!matches) out.push(typeInvalid(path, node.typeLabel, kind));
}

function checkSchemaProps(
  node: SchemaNode,
  v: unknown,
  path: string,
  out: FieldCause[],
): void {
  const where = goQuote(path);
  if (node.anyOf) {
    let best: FieldCause[] | undefined;
    let ok = false;
    for (const sub of node.anyOf) {
      const errs: FieldCause[] = [];
      validateValue(sub, v, path, errs, false);
      if (errs.length === 0) {
        ok = true;
        break;
      }
      if (!best || errs.length < best.length) best = errs;
    }
    if (!ok) {
      out.push(composite(`${where} must validate at least one schema (anyOf)`));
      if (best) out.push(...best);
    }
  }
  if (node.oneOf) {
    let best: FieldCause[] | undefined;
    let valid = 0;
    for (const sub of node.oneOf) {
      const errs: FieldCause[] = [];
      validateValue(sub, v, path, errs, false);
      if (errs.length === 0) {
        valid++;
        best = undefined;
      } else if (valid === 0 && (!best || errs.length < best.length)) {
        best = errs;
      }
    }
    if (valid !== 1) {
      const found =
        valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`;
      out.push(
        composite(
          `${where} must validate one and only one schema (oneOf). ${found}`,
        ),
      );
      if (best) out.push(...best);
    }
  }
  if (node.allOf) {
    let valid = 0;
    for (const sub of node.allOf) {
      const errs: FieldCause[] = [];
      validateValue(sub, v, path, errs, false);
      if (errs.length === 0) valid++;
      out.push(...errs);
    }
    if (valid !== node.allOf.length) {
      const none = valid === 0 ? '. None validated' : '';
      out.push(
        composite(`${where} must validate all the schemas (allOf)${none}`),
      );
    }
  }
  if (node.not) {
    const errs: FieldCause[] = [];
    validateValue(node.not, v, path, errs, false);
    if (errs.length === 0) {
      out.push(composite(`${where} must not validate the schema (not)`));
    }
  }
}

/** kube-openapi's stringValidator (stops at the first failure) and formatValidator. */
function checkString(
  node: SchemaNode,
  s: string,
  path: string,
  out: FieldCause[],
): void {
  // Lengths count Unicode code points (Go's utf8.RuneCountInString); the
  // UTF-16 length is an upper bound, so the exact count is rarely needed.
  if (
    node.maxLength !== undefined &&
    s.length > node.maxLength &&
    runeLength(s) > node.maxLength
  ) {
    out.push({
      field: fieldOf(path),
      message: `Too long: may not be more than ${node.maxLength} ${
        node.maxLength === 1 ? 'byte' : 'bytes'
      }`,
      reason: 'FieldValueTooLong',
    });
  } else if (
    node.minLength !== undefined &&
    (s.length < node.minLength || runeLength(s) < node.minLength)
  ) {
    out.push(
      invalid(
        path,
        s,
        `${path} in body should be at least ${node.minLength} chars long`,
      ),
    );
  } else if (node.pattern && !node.pattern.test(s)) {
    out.push(
      invalid(path, s, `${path} in body should match '${node.patternSource}'`),
    );
  }
  if (node.formatCheck && !node.formatCheck(s)) {
    out.push({
      field: fieldOf(path),
      message: `Invalid value: ${goQuote(s)}: ${path} in body must be of type ${
        node.format
      }: ${goQuote(s)}`,
      reason: 'FieldValueTypeInvalid',
    });
  }
}

/** kube-openapi's numberValidator: multipleOf, maximum, minimum. */
function checkNumber(
  node: SchemaNode,
  n: number,
  isInteger: boolean,
  path: string,
  out: FieldCause[],
): void {
  const bound = (b: number) => goNumber(isInteger ? Math.trunc(b) : b);
  if (node.multipleOf !== undefined && node.multipleOf > 0) {
    const q = n / node.multipleOf;
    if (!Number.isInteger(q)) {
      out.push(
        invalid(
          path,
          n,
          `${path} in body should be a multiple of ${bound(node.multipleOf)}`,
        ),
      );
    }
  }
  if (node.maximum !== undefined) {
    const max = isInteger ? Math.trunc(node.maximum) : node.maximum;
    if (node.exclusiveMaximum ? n >= max : n > max) {
      const op = node.exclusiveMaximum ? 'less than' : 'less than or equal to';
      out.push(
        invalid(path, n, `${path} in body should be ${op} ${bound(max)}`),
      );
    }
  }
  if (node.minimum !== undefined) {
    const min = isInteger ? Math.trunc(node.minimum) : node.minimum;
    if (node.exclusiveMinimum ? n <= min : n < min) {
      const op = node.exclusiveMinimum
        ? 'greater than'
        : 'greater than or equal to';
      out.push(
        invalid(path, n, `${path} in body should be ${op} ${bound(min)}`),
      );
    }
  }
}

function checkArray(
  node: SchemaNode,
  list: unknown[],
  path: string,
  out: FieldCause[],
): void {
  if (node.items) {
    for (let i = 0; i < list.length; i++) {
      validateValue(node.items, list[i], `${path}[${i}]`, out, false);
    }
  }
  const size = list.length;
  if (node.minItems !== undefined && size < node.minItems) {
    out.push(
      invalid(
        path,
        size,
        `${path} in body should have at least ${node.minItems} items`,
      ),
    );
  }
  if (node.maxItems !== undefined && size > node.maxItems) {
    out.push(tooMany(path, size, node.maxItems));
  }
  if (node.uniqueItems && duplicateIndices(list).length > 0) {
    out.push(invalid(path, '', `${path} in body shouldn't contain duplicates`));
  }
}

/** apiextensions' validateEmbeddedResource: apiVersion and kind must be set. */
function checkEmbedded(obj: JsonObject, path: string, out: FieldCause[]) {
  for (const key of ['apiVersion', 'kind']) {
    const p = childPath(path, key);
    const v = obj[key];
    if (v === undefined) {
      out.push({
        field: p,
        message: 'Required value: must not be empty',
        reason: 'FieldValueRequired',
      });
    } else if (typeof v !== 'string') {
      out.push(invalid(p, v, 'must be a string'));
    } else if (v === '') {
      out.push(invalid(p, v, 'must not be empty'));
    } else if (key === 'apiVersion' && v.split('/').length > 2) {
      out.push(invalid(p, v, `unexpected GroupVersion string: ${v}`));
    } else if (key === 'kind') {
      const lower = v.toLowerCase();
      const errs: string[] = [];
      if (lower.length > 63) errs.push('must be no more than 63 characters');
      if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(lower)) {
        errs.push(
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        );
      }
      if (errs.length > 0) {
        out.push(
          invalid(
            p,
            v,
            `may have mixed case, but should otherwise match: ${errs.join(
              ',',
            )}`,
          ),
        );
      }
    }
  }
}

function checkObject(
  node: SchemaNode,
  obj: JsonObject,
  path: string,
  out: FieldCause[],
  isRoot: boolean,
): void {
  const keys = Object.keys(obj).filter(k => obj[k] !== undefined);
  const n = keys.length;
  // kube-openapi's objectValidator stops at a min/maxProperties failure.
  if (node.minProperties !== undefined && n < node.minProperties) {
    out.push(
      invalid(
        path,
        n,
        `${path} in body should have at least ${node.minProperties} properties`,
      ),
    );
    return;
  }
  if (node.maxProperties !== undefined && n > node.maxProperties) {
    out.push(tooMany(path, n, node.maxProperties));
    return;
  }
  for (const k of keys) {
    if (isRoot && k === 'metadata') continue;
    const prop = node.properties?.get(k);
    if (prop) {
      validateValue(prop, obj[k], childPath(path, k), out, false);
    } else if (node.additional) {
      validateValue(node.additional, obj[k], childPath(path, k), out, false);
    } else if (node.additionalNone) {
      out.push(
        invalid(
          path,
          k,
          `${childPath(path, k)} in body is a forbidden property`,
        ),
      );
    }
  }
  if (node.required) {
    for (const r of node.required) {
      if (obj[r] === undefined && !(isRoot && r === 'metadata')) {
        out.push({
          field: childPath(path, r),
          message: 'Required value',
          reason: 'FieldValueRequired',
        });
      }
    }
  }
  if (node.embedded && !isRoot) checkEmbedded(obj, path, out);
}

/** kube-openapi's SchemaValidator: type, schema props, string, format, number, slice, enum, object. */
function validateValue(
  node: SchemaNode,
  v: unknown,
  path: string,
  out: FieldCause[],
  isRoot: boolean,
): void {
  if (v === null || v === undefined) {
    if (node.hasType && !node.nullable) {
      out.push(typeInvalid(path, node.typeLabel, 'null'));
    }
    if (node.enumKeys && !node.enumKeys.has('null')) {
      out.push(notSupported(node, path, null));
    }
    return;
  }
  const kind = kindOf(v);
  if (node.hasType) checkType(node, kind, path, out);
  if (node.hasValueValidations) checkSchemaProps(node, v, path, out);
  switch (kind) {
    case 'string':
      checkString(node, v as string, path, out);
      break;
    case 'integer':
    case 'number':
      checkNumber(node, Number(v), kind === 'integer', path, out);
      break;
    case 'array':
      checkArray(node, v as unknown[], path, out);
      break;
    default:
  }
  if (node.enumKeys && !node.enumKeys.has(valueKey(v))) {
    out.push(notSupported(node, path, v));
  }
  if (kind === 'object') checkObject(node, v as JsonObject, path, out, isRoot);
}

function notSupported(node: SchemaNode, path: string, v: unknown): FieldCause {
  return {
    field: fieldOf(path),
    message: `Unsupported value: ${goValue(v)}: supported values: ${
      node.enumSupported
    }`,
    reason: 'FieldValueNotSupported',
  };
}

// ---------------------------------------------------------------------------
// x-kubernetes-list-type: set and map

/** Indices of the second occurrence of every repeated value. */
function duplicateIndices(list: unknown[]): number[] {
  if (list.length <= 1) return [];
  const seen = new Map<string, number>();
  const dups: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const key = valueKey(list[i]);
    const times = seen.get(key) ?? 0;
    seen.set(key, times + 1);
    if (times === 1) dups.push(i);
  }
  return dups;
}

function duplicate(path: string, value: unknown): FieldCause {
  return {
    field: path,
    message: `Duplicate value: ${goValue(value)}`,
    reason: 'FieldValueDuplicate',
  };
}

const UNSPECIFIED = Symbol('unspecified key');

function checkListMap(
  node: SchemaNode,
  list: unknown[],
  path: string,
  out: FieldCause[],
): void {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x !== null && x !== undefined && !isObject(x)) {
      out.push(
        invalid(
          `${path}[${i}]`,
          x,
          'must be an object for an array of list-type map',
        ),
      );
      return;
    }
  }
  if (list.length <= 1) return;
  const keyFields = node.listMapKeys ?? [];
  if (keyFields.length === 1) {
    const [field] = keyFields;
    const keys = list.map(x =>
      isObject(x) && x[field] !== undefined ? x[field] : UNSPECIFIED,
    );
    const seen = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const key = k === UNSPECIFIED ? 'unspecified' : valueKey(k);
      const times = seen.get(key) ?? 0;
      seen.set(key, times + 1);
      if (times === 1) {
        out.push(
          duplicate(`${path}[${i}]`, k === UNSPECIFIED ? {} : { [field]: k }),
        );
      }
    }
    return;
  }
  const keys = list.map(x => {
    const key: JsonObject = {};
    if (isObject(x)) {
      for (const f of keyFields) if (x[f] !== undefined) key[f] = x[f];
    }
    return key;
  });
  for (const i of duplicateIndices(keys)) {
    out.push(duplicate(`${path}[${i}]`, keys[i]));
  }
}

function checkLists(
  node: SchemaNode,
  v: unknown,
  path: string,
  out: FieldCause[],
  isRoot: boolean,
): void {
  if (Array.isArray(v)) {
    if (node.listType === 'set') {
      for (const i of duplicateIndices(v)) {
        out.push(duplicate(`${path}[${i}]`, v[i]));
      }
    } else if (node.listType === 'map') {
      checkListMap(node, v, path, out);
    }
    if (node.items?.needsListCheck) {
      for (let i = 0; i < v.length; i++) {
        checkLists(node.items, v[i], `${path}[${i}]`, out, false);
      }
    }
  } else if (isObject(v)) {
    const additional = node.additional;
    if (additional?.needsListCheck) {
      for (const k of Object.keys(v)) {
        checkLists(additional, v[k], `${path}[${k}]`, out, false);
      }
    }
    if (node.properties) {
      for (const k of Object.keys(v)) {
        if (isRoot && k === 'metadata') continue;
        const prop = node.properties.get(k);
        if (prop?.needsListCheck) {
          checkLists(prop, v[k], childPath(path, k), out, false);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------

/**
 * A compiled schema, with what compiling it found.
 *
 * @public
 */
export interface CompiledSchema extends CrdSchema {
  /** The x-kubernetes-validations (CEL) rules in the schema; none is evaluated. */
  readonly celRules: number;
  /** Patterns that are not valid JavaScript regular expressions; they are not checked. */
  readonly unusablePatterns: readonly string[];
}

/**
 * Compiles a CRD version's `openAPIV3Schema` once, for repeated use.
 *
 * @param openAPIV3Schema - the schema, as parsed from the CRD.
 * @param options - `preserveUnknownFields`: the CRD's legacy
 *   `spec.preserveUnknownFields: true` (no pruning at all).
 * @public
 */
export function compileSchema(
  openAPIV3Schema: unknown,
  options: { preserveUnknownFields?: boolean } = {},
): CompiledSchema {
  const ctx: CompileContext = { celRules: 0, unusablePatterns: [] };
  const root = compileNode(openAPIV3Schema, ctx);
  if (options.preserveUnknownFields) root.preserveUnknown = true;

  return {
    celRules: ctx.celRules,
    unusablePatterns: ctx.unusablePatterns,

    normalize(obj: KubeObject) {
      const object = prune(root, obj, false, true) as KubeObject;
      const causes: FieldCause[] = [];
      validateValue(root, object, '', causes, true);
      if (root.needsListCheck) checkLists(root, object, '', causes, true);
      return { object, causes };
    },

    listTypeAt(path: string[]) {
      let node: SchemaNode | undefined = root;
      for (const segment of path) {
        if (!node) return undefined;
        if (node.items && /^\[?\d+\]?$/.test(segment)) {
          node = node.items;
          continue;
        }
        // A field of a list's items: step into the items first.
        while (node.items && !node.properties) node = node.items;
        const next: SchemaNode | undefined =
          node.properties?.get(segment) ?? node.additional;
        node = next;
      }
      if (!node || (node.type !== 'array' && !node.items)) return undefined;
      if (node.listType === 'map') {
        return { type: 'map', keys: [...(node.listMapKeys ?? [])] };
      }
      return { type: node.listType ?? 'atomic' };
    },
  };
}
