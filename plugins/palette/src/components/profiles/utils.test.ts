import { ResponseError } from '@backstage/errors';
import {
  errorMessage,
  explainNextVersion,
  findYamlLine,
  humanizeOwner,
  lineOfMessage,
  messageTarget,
  normalizeOwnerRef,
  splitValuesPath,
  summarizeMessages,
  validationMessagesOf,
} from './utils';

const values = [
  'installation:',
  '  calicoNetwork:',
  '    # pools',
  '    ipPools:',
  '      - cidr: 10.0.0.0/16',
  '        encapsulation: VXLAN',
  '      - cidr: 10.1.0.0/16',
  '        natOutgoing: Enabled',
  'controller:',
  '  replicaCount: 3',
  '  "odd.key": true',
  'list:',
  '- name: a',
  '- name: b',
].join('\n');

describe('findYamlLine', () => {
  it.each([
    ['controller', 9],
    ['controller.replicaCount', 10],
    ['controller["odd.key"]', 11],
    ['installation.calicoNetwork.ipPools', 4],
    ['installation.calicoNetwork.ipPools[0].encapsulation', 6],
    ['installation.calicoNetwork.ipPools[1].cidr', 7],
    ['installation.calicoNetwork.ipPools[1].natOutgoing', 8],
    ['list[1].name', 14],
  ])('finds %s on line %i', (path, line) => {
    expect(findYamlLine(values, path)).toBe(line);
  });

  it('stops at the deepest key that exists', () => {
    expect(findYamlLine(values, 'controller.resources.limits')).toBe(9);
    expect(
      findYamlLine(values, 'installation.calicoNetwork.ipPools[5].cidr'),
    ).toBe(4);
    expect(findYamlLine(values, 'nothing')).toBeUndefined();
    // A key of another block is not a child.
    expect(findYamlLine(values, 'installation.replicaCount')).toBe(1);
  });

  it('splits value paths', () => {
    expect(splitValuesPath('a.b[2]["c.d"].e')).toEqual([
      'a',
      'b',
      2,
      'c.d',
      'e',
    ]);
  });
});

describe('messageTarget', () => {
  const message = (field: string, layer?: string | number) => ({
    severity: 'error' as const,
    code: 'x',
    field,
    layer,
    message: 'm',
  });

  it('reads the layer index and values path from the field', () => {
    expect(
      messageTarget(
        message('layers[2].values.controller.replicaCount', 'calico'),
        [],
      ),
    ).toEqual({
      layerIndex: 2,
      values: true,
      valuesPath: 'controller.replicaCount',
    });
    expect(messageTarget(message('layers[1].values[0]'), [])).toEqual({
      layerIndex: 1,
      values: true,
      valuesPath: '[0]',
    });
    expect(messageTarget(message('layers[3].packVersion'), [])).toEqual({
      layerIndex: 3,
      values: false,
      valuesPath: undefined,
    });
  });

  it('falls back on the layer, and finds variables', () => {
    expect(
      messageTarget(message('layers', 'calico'), ['ubuntu', 'calico']),
    ).toEqual({
      layerIndex: 1,
    });
    expect(messageTarget(message('layers', 4), [])).toEqual({ layerIndex: 4 });
    expect(messageTarget(message('variables[1].default'), [])).toEqual({
      variableIndex: 1,
    });
    expect(messageTarget(message('name'), [])).toEqual({});
  });

  it('takes the line a message states before the path', () => {
    expect(
      lineOfMessage(
        {
          ...message('layers[0].values'),
          message: 'bad YAML at line 3, column 2',
        },
        values,
        'controller',
      ),
    ).toBe(3);
    expect(
      lineOfMessage(message('layers[0].values'), values, 'controller'),
    ).toBe(9);
  });
});

describe('versions', () => {
  it('explains versions that cannot follow', () => {
    expect(explainNextVersion('1.2.0', '1.2.0')).toMatch(
      /greater than .* 1.2.0/,
    );
    expect(explainNextVersion('1.2.0', 'v1.3.0')).toMatch(/semantic version/);
    expect(explainNextVersion('1.2.0', '1.3.0-rc.1')).toBeUndefined();
    expect(explainNextVersion(undefined, '0.0.1')).toBeUndefined();
  });
});

describe('owners and errors', () => {
  it('shortens and completes owner refs', () => {
    expect(humanizeOwner('group:default/platform-team')).toBe('platform-team');
    expect(humanizeOwner('group:ops/sre')).toBe('ops/sre');
    expect(humanizeOwner('user:default/jane')).toBe('user:jane');
    expect(normalizeOwnerRef(' platform-team ')).toBe(
      'group:default/platform-team',
    );
    expect(normalizeOwnerRef('user:jane')).toBe('user:default/jane');
    expect(normalizeOwnerRef('')).toBeUndefined();
  });

  it("uses the server's message and messages of response errors", async () => {
    const body = {
      error: { name: 'InputError', message: 'draft has 1 error' },
      response: { statusCode: 400 },
      messages: [
        {
          severity: 'error',
          code: 'c',
          field: 'layers',
          message: 'no OS layer',
        },
      ],
    };
    const error = await ResponseError.fromResponse(
      new Response(JSON.stringify(body), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(errorMessage(error)).toBe('draft has 1 error');
    expect(validationMessagesOf(error)).toEqual(body.messages);
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(validationMessagesOf(new Error('plain'))).toEqual([]);
  });

  it('summarizes messages', () => {
    const m = (severity: 'error' | 'warning' | 'info') => ({
      severity,
      code: 'c',
      field: 'f',
      message: 'm',
    });
    expect(summarizeMessages([])).toBe('no problems');
    expect(
      summarizeMessages([m('error'), m('error'), m('warning'), m('info')]),
    ).toBe('2 errors, 1 warning, 1 note');
  });
});
