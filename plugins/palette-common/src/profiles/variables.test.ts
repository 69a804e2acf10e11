import type { ProfileVariable } from './types';
import {
  checkVariableValue,
  formatVariableReference,
  matchesVariableFormat,
} from './variables';

const variable = (overrides: Partial<ProfileVariable>): ProfileVariable => ({
  name: 'value',
  displayName: 'Value',
  format: 'string',
  ...overrides,
});

describe('variable formats', () => {
  it.each([
    ['number', ['3', '-1', '0.5', '1e3'], ['03', 'three', '', '1.']],
    ['boolean', ['true', 'false'], ['yes', 'True', '1']],
    [
      'ipv4',
      ['10.0.0.10', '255.255.255.255'],
      ['10.0.0', '256.0.0.1', '10.0.0.01', '::1'],
    ],
    [
      'cidr',
      ['10.0.0.0/16', '0.0.0.0/0'],
      ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/016'],
    ],
    ['version', ['1.33.1', 'v1.33.1', '1.0.0-rc.1'], ['1.33', 'v1', 'latest']],
    ['base64', ['cGFsZXR0ZQ==', 'YWJj', ''], ['cGFsZXR0ZQ=', 'not base64!']],
  ] as const)('%s accepts %j and rejects %j', (format, good, bad) => {
    for (const value of good) {
      expect(matchesVariableFormat(format, value)).toBe(true);
    }
    for (const value of bad) {
      expect(matchesVariableFormat(format, value)).toBe(false);
    }
  });

  it('checks format, regex and options in turn, naming the value', () => {
    expect(checkVariableValue(variable({ format: 'ipv4' }), '10.0.0.300')).toBe(
      '"10.0.0.300" is not an IPv4 address such as 10.0.0.10 (format ipv4)',
    );
    expect(checkVariableValue(variable({ regex: '[a-z]+' }), 'abc1')).toBe(
      '"abc1" does not match the pattern [a-z]+',
    );
    expect(
      checkVariableValue(variable({ regex: '[a-z]+' }), 'abc'),
    ).toBeUndefined();
    expect(
      checkVariableValue(
        variable({ options: [{ value: 'small' }, { value: 'large' }] }),
        'medium',
      ),
    ).toBe('"medium" is not one of the options (small, large)');
    expect(
      checkVariableValue(variable({ format: 'number' }), 3),
    ).toBeUndefined();
  });

  it('never puts a sensitive value in a message', () => {
    const secret = 'hunter2-is-not-a-cidr';
    const message = checkVariableValue(
      variable({ format: 'cidr', sensitive: true }),
      secret,
    );
    expect(message).toBe(
      'the value is not an IPv4 CIDR block such as 10.0.0.0/16 (format cidr)',
    );
    const regexMessage = checkVariableValue(
      variable({ regex: '.{32,}', sensitive: true }),
      'short-secret',
    );
    expect(regexMessage).not.toContain('short-secret');
  });

  it('writes references in the palette macro syntax', () => {
    expect(formatVariableReference('podCidr')).toBe(
      '{{ .palette.vars.podCidr }}',
    );
  });
});
