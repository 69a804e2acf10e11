/**
 * Renders JSON values the way kube-apiserver's Go code prints them in
 * validation messages, so the messages read like a real API server's.
 *
 * - `goQuote` is Go's `strconv.Quote` / `%q` for ASCII-printable text.
 * - `goValue` is how `field.Error.ErrorBody()` prints a bad value
 *   (strings quoted, numbers and booleans bare, `nil` as `"null"`,
 *   maps and slices in Go syntax).
 * - `goNumber` is `%v` of an `int64` or `float64`.
 */

const HEX = '0123456789abcdef';

/** Go's `%q` of a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x0b:
        out += '\\v';
        break;
      default:
        if (c < 0x20 || c === 0x7f) {
          out += `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
        } else {
          out += s[i];
        }
    }
  }
  return `${out}"`;
}

/**
 * `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): the shortest
 * representation, in exponent form (at least two exponent digits) when the
 * exponent is below -4 or at least 6, so 1e6 prints as `1e+06`.
 */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

/**
 * `%v` of a JSON number as the API server decodes it: integers are `int64`
 * (printed in full), everything else `float64`.
 */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) {
    return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  }
  return goFloat(n);
}

/** Go's `%#v` of a decoded JSON value (`map[string]interface {}{...}` etc.). */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  }
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const parts = Object.keys(obj)
      .sort()
      .map(k => `${goQuote(k)}:${goSyntax(obj[k])}`);
    return `map[string]interface {}{${parts.join(', ')}}`;
  }
  return String(v);
}

/** How `field.Error.ErrorBody()` prints a bad value. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '"null"';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  return goSyntax(v);
}

/** JSON with object keys sorted, as Go's `json.Marshal` writes maps. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const parts = Object.keys(obj)
      .filter(k => obj[k] !== undefined)
      .sort()
      .map(k => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v);
}
