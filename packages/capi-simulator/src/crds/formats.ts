/**
 * The string formats kube-apiserver checks in custom resources.
 *
 * The API server strips every `format` that is not in its supported list
 * before it builds the validator (apiextensions-apiserver
 * `StripUnsupportedFormatsPostProcess`), so formats such as `int32`,
 * `int64`, `float` or `double` are accepted without any check, exactly as
 * here. The supported formats are checked only on string values, with the
 * same rules as kube-openapi's `strfmt` registry (Go's net/url, net, time and
 * encoding/base64 parsers, approximated with regular expressions).
 */

export type FormatCheck = (value: string) => boolean;

const rxUuid =
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const rxUuid3 =
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const rxUuid4 =
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const rxUuid5 =
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const rxHostname =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const rxEmail = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
const rxEmailWithName = /^[^<>]*<([^<>]+)>$/;
const rxBase64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const rxGoDuration =
  /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const rxLooseDuration = /(\d+)\s*([A-Za-zµ]+)/g;
const rxTime = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}:\d{2})$/;
const rxDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const rxIPv4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const rxHexColor = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const rxRgbColor =
  /^rgb\(\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*\)$/;
const rxSsn = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const rxCreditCard =
  /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;

const looseDurationUnits: Array<[string, string[]]> = [
  ['ns', ['ns', 'nano']],
  ['us', ['us', 'µs', 'micro']],
  ['ms', ['ms', 'milli']],
  ['s', ['s', 'sec']],
  ['m', ['m', 'min']],
  ['h', ['h', 'hr', 'hour']],
  ['d', ['d', 'day']],
  ['w', ['w', 'wk', 'week']],
];

/** Go's `time.Parse("2006-01-02", s)`, which also checks the day of month. */
function isDate(s: string): boolean {
  const m = rxDate.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

/** strfmt `IsDateTime`: an RFC 3339 date, `T`, and a time with zone. */
function isDateTime(s: string): boolean {
  if (s.length < 4) return false;
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = rxTime.exec(parts[1]);
  if (!m) return false;
  return m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

/** strfmt `ParseDuration`: Go durations, or loose forms such as `3 days`. */
function isDuration(s: string): boolean {
  if (s === '0' || rxGoDuration.test(s)) return true;
  for (const m of s.matchAll(rxLooseDuration)) {
    const unit = m[2].toLowerCase();
    for (const [, variants] of looseDurationUnits) {
      const last = variants.length - 1;
      if (
        variants.some(
          (v, i) => v === unit || (i === last && unit.startsWith(v)),
        )
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Go's `net.ParseIP` for IPv6 text (including an embedded IPv4 tail). */
function isIPv6Text(s: string): boolean {
  if (!s.includes(':')) return false;
  let text = s;
  let groupsAvailable = 8;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!rxIPv4.test(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0`;
    groupsAvailable = 7;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...rest];
  if (!all.every(g => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  // An ellipsis stands for at least one group.
  if (halves.length === 2) return all.length < groupsAvailable;
  return all.length === groupsAvailable;
}

function isIPv4(s: string): boolean {
  // net.ParseIP accepts IPv4 and IPv4-in-IPv6; strfmt wants a dot in it.
  return rxIPv4.test(s) || (s.includes('.') && isIPv6Text(s));
}

function isIPv6(s: string): boolean {
  return isIPv6Text(s);
}

/** Go's `net.ParseCIDR`. */
function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  const n = Number(bits);
  if (rxIPv4.test(ip)) return n <= 32;
  return isIPv6Text(ip) && n <= 128;
}

/** Go's `net.ParseMAC`: 6, 8 or 20 octets, colon, dash or dot separated. */
function isMac(s: string): boolean {
  const octets = (n: number, sep: string) =>
    new RegExp(`^[0-9a-fA-F]{2}(\\${sep}[0-9a-fA-F]{2}){${n - 1}}$`).test(s);
  const dotted = (n: number) =>
    new RegExp(`^[0-9a-fA-F]{4}(\\.[0-9a-fA-F]{4}){${n / 2 - 1}}$`).test(s);
  return [6, 8, 20].some(n => octets(n, ':') || octets(n, '-') || dotted(n));
}

/** Go's `url.ParseRequestURI`: an absolute URI or an absolute path. */
function isUri(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (s === '' || /[\x00-\x1f\x7f]/.test(s)) return false;
  if (s.startsWith('/')) return true;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(s);
  if (!m) return false;
  const rest = m[2];
  if (rest.startsWith('//')) {
    const authority = rest.slice(2).split(/[/?#]/, 1)[0];
    return !/\s/.test(authority);
  }
  return true;
}

function isEmail(s: string): boolean {
  const named = rxEmailWithName.exec(s);
  return rxEmail.test(named ? named[1].trim() : s);
}

function isByte(s: string): boolean {
  // base64.StdEncoding.DecodeString ignores CR and LF.
  return rxBase64.test(s.replace(/[\r\n]/g, ''));
}

function isIsbn10(s: string): boolean {
  const t = s.replace(/[\s-]/g, '');
  if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(t[i]);
  sum += t[9] === 'X' ? 100 : 10 * Number(t[9]);
  return sum % 11 === 0;
}

function isIsbn13(s: string): boolean {
  const t = s.replace(/[\s-]/g, '');
  if (!/^[0-9]{13}$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(t[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(t[12]);
}

function isCreditCard(s: string): boolean {
  const digits = s.replace(/\D/g, '');
  if (!rxCreditCard.test(digits)) return false;
  // Luhn checksum.
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The formats kube-apiserver validates, keyed by name with dashes removed
 * (go-openapi's normalization, so `date-time` is `datetime`).
 */
const supportedFormats: Record<string, FormatCheck> = {
  bsonobjectid: s => /^[0-9a-fA-F]{24}$/.test(s),
  uri: isUri,
  email: isEmail,
  hostname: s => s.length <= 255 && rxHostname.test(s),
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: isCidr,
  mac: isMac,
  uuid: s => rxUuid.test(s),
  uuid3: s => rxUuid3.test(s),
  uuid4: s => rxUuid4.test(s),
  uuid5: s => rxUuid5.test(s),
  isbn: s => isIsbn10(s) || isIsbn13(s),
  isbn10: isIsbn10,
  isbn13: isIsbn13,
  creditcard: isCreditCard,
  ssn: s => rxSsn.test(s),
  hexcolor: s => rxHexColor.test(s),
  rgbcolor: s => rxRgbColor.test(s),
  byte: isByte,
  password: () => true,
  date: isDate,
  duration: isDuration,
  datetime: isDateTime,
};

/**
 * The check for a schema's `format`, or `undefined` when kube-apiserver
 * ignores that format (unknown formats, and numeric ones such as `int32`).
 */
export function formatCheck(format: string): FormatCheck | undefined {
  const normalized = format.replace(/-/g, '');
  return Object.prototype.hasOwnProperty.call(supportedFormats, normalized)
    ? supportedFormats[normalized]
    : undefined;
}
