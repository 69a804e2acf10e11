import { formatCheck } from './formats';

function check(format: string) {
  const f = formatCheck(format);
  if (!f) throw new Error(`${format} is not checked`);
  return f;
}

describe('formatCheck', () => {
  it('ignores the formats kube-apiserver strips (numeric and unknown ones)', () => {
    for (const format of ['int32', 'int64', 'float', 'double', 'k8s-name']) {
      expect(formatCheck(format)).toBeUndefined();
    }
  });

  it.each([
    [
      'date-time',
      ['2025-01-02T03:04:05Z', '2025-01-02t03:04:05.123+02:00'],
      ['2025-01-02', '2025-02-30T00:00:00Z', '2025-01-02T24:00:00Z', 'now'],
    ],
    [
      'date',
      ['2024-02-29', '2025-12-31'],
      ['2025-02-29', '2025-13-01', '25-01-01'],
    ],
    ['byte', ['', 'aGVsbG8=', 'aGVs\nbG8='], ['aGVsbG8', 'not base64!']],
    [
      'uuid',
      [
        '3F2C1B9E-8D7A-4C6B-9E5F-1A2B3C4D5E6F',
        '3f2c1b9e8d7a4c6b9e5f1a2b3c4d5e6f',
      ],
      ['3f2c1b9e-8d7a', 'zzzzzzzz-8d7a-4c6b-9e5f-1a2b3c4d5e6f'],
    ],
    [
      'ipv4',
      ['10.0.0.1', '::ffff:10.0.0.1'],
      ['10.0.0.256', '10.0.0', '010.0.0.1', '::1'],
    ],
    [
      'ipv6',
      ['::1', 'fe80::1', '2001:db8::8a2e:370:7334'],
      ['10.0.0.1', '1:2:3:4:5:6:7:8:9', ':::'],
    ],
    [
      'cidr',
      ['10.0.0.0/16', 'fd00::/8'],
      ['10.0.0.0', '10.0.0.0/33', 'fd00::/129'],
    ],
    [
      'uri',
      ['https://example.com/a?b=c', 'mailto:x@example.com', '/just/a/path'],
      ['', 'relative/path', 'http://exa mple.com/'],
    ],
    [
      'duration',
      ['1h30m', '0', '-1.5s', '3 days', '2 weeks'],
      ['forever', '1x'],
    ],
    ['hostname', ['example.com', 'a'], ['-bad-.example', 'under_score.com']],
    [
      'mac',
      ['00:1a:2b:3c:4d:5e', '00-1A-2B-3C-4D-5E', '001a.2b3c.4d5e'],
      ['00:1a:2b:3c:4d', 'gg:1a:2b:3c:4d:5e'],
    ],
    [
      'email',
      ['a@example.com', 'Name <a@example.com>'],
      ['no-at-sign', 'a@b@c'],
    ],
    ['bsonobjectid', ['507f1f77bcf86cd799439011'], ['507f1f77bcf86cd79943901']],
    ['hexcolor', ['#fff', 'a0b1c2'], ['#ffff']],
    ['rgbcolor', ['rgb(255, 0, 10)'], ['rgb(256,0,0)']],
    ['ssn', ['123-45-6789'], ['123-456-789']],
    ['isbn10', ['0-306-40615-2'], ['0-306-40615-3']],
    ['isbn13', ['978-0-306-40615-7'], ['978-0-306-40615-8']],
    ['creditcard', ['4111 1111 1111 1111'], ['4111 1111 1111 1112']],
  ])('checks %s', (format, valid, invalid) => {
    const f = check(format);
    for (const v of valid) expect([v, f(v)]).toEqual([v, true]);
    for (const v of invalid) expect([v, f(v)]).toEqual([v, false]);
  });

  it('normalizes names by removing dashes, as go-openapi does', () => {
    expect(check('datetime')('2025-01-02T03:04:05Z')).toBe(true);
    expect(check('date-time')('2025-01-02T03:04:05Z')).toBe(true);
  });
});
