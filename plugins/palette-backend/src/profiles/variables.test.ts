import type { ProfileVariable } from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import {
  findMalformedVariableReferences,
  findVariableReferences,
  referencedVariableNames,
  resolveProfileValues,
  resolveVariables,
} from './variables';

const v = (
  name: string,
  overrides: Partial<ProfileVariable> = {},
): ProfileVariable => ({
  name,
  displayName: name,
  format: 'string',
  ...overrides,
});

function resolved(
  valuesYaml: string,
  values: Record<string, string | number | boolean>,
  variables: ProfileVariable[],
) {
  const result = resolveVariables(valuesYaml, values, variables);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return {
    text: result.yaml,
    parsed: yaml.load(result.yaml, { schema: yaml.CORE_SCHEMA }) as any,
  };
}

describe('findVariableReferences', () => {
  it('finds each reference with its line, column and context', () => {
    const text = [
      'replicas: {{ .palette.vars.replicas }}',
      'url: "https://{{.palette.vars.domain}}/api"',
      "name: 'app-{{ .palette.vars.env }}'",
      'tags:',
      '  - {{ .palette.vars.env }}',
      'label: team-{{ .palette.vars.team }}',
      '# replicas: {{ .palette.vars.commented }}',
      'script: |',
      '  echo "{{ .palette.vars.greeting }}"',
      'after: {{ .palette.vars.replicas }} # trailing comment',
    ].join('\n');
    expect(
      findVariableReferences(text).map(r => [
        r.name,
        r.line,
        r.column,
        r.context,
      ]),
    ).toEqual([
      ['replicas', 1, 11, 'value'],
      ['domain', 2, 15, 'double-quoted'],
      ['env', 3, 12, 'single-quoted'],
      ['env', 5, 5, 'value'],
      ['team', 6, 13, 'plain'],
      ['greeting', 9, 9, 'block'],
      ['replicas', 10, 8, 'value'],
    ]);
    expect(referencedVariableNames(text)).toEqual([
      'domain',
      'env',
      'greeting',
      'replicas',
      'team',
    ]);
  });

  it('finds nothing in empty or reference-free values', () => {
    expect(findVariableReferences(undefined)).toEqual([]);
    expect(findVariableReferences('a: "{{ not ours }}"\n')).toEqual([]);
  });

  it('flags near-miss references', () => {
    expect(
      findMalformedVariableReferences(
        'a: {{ .palette.vars.pod-cidr }}\nb: {{ palette.vars.x }}\nc: {{ .Values.x }}\n',
      ),
    ).toEqual([
      { text: '{{ .palette.vars.pod-cidr }}', line: 1, column: 4 },
      { text: '{{ palette.vars.x }}', line: 2, column: 4 },
    ]);
  });
});

describe('resolveVariables', () => {
  it('writes numbers and booleans as YAML numbers and booleans', () => {
    const { parsed } = resolved(
      'replicas: {{ .palette.vars.replicas }}\nenabled: {{ .palette.vars.enabled }}\n',
      { replicas: 3, enabled: false },
      [
        v('replicas', { format: 'number' }),
        v('enabled', { format: 'boolean' }),
      ],
    );
    expect(parsed).toEqual({ replicas: 3, enabled: false });
  });

  it('writes every other format as a string, even when it looks like something else', () => {
    const { parsed } = resolved(
      [
        'word: {{ .palette.vars.word }}',
        'ip: {{ .palette.vars.ip }}',
        'cidrs:',
        '  - {{ .palette.vars.cidr }}',
        'version: {{ .palette.vars.version }}',
        'cert: {{ .palette.vars.cert }}',
      ].join('\n'),
      {
        word: 'yes',
        ip: '10.0.0.10',
        cidr: '10.0.0.0/16',
        version: 'v1.34.10',
        cert: 'cGFsZXR0ZQ==',
      },
      [
        v('word'),
        v('ip', { format: 'ipv4' }),
        v('cidr', { format: 'cidr' }),
        v('version', { format: 'version' }),
        v('cert', { format: 'base64' }),
      ],
    );
    expect(parsed).toEqual({
      word: 'yes',
      ip: '10.0.0.10',
      cidrs: ['10.0.0.0/16'],
      version: 'v1.34.10',
      cert: 'cGFsZXR0ZQ==',
    });
  });

  it('escapes values inside quoted strings and indents them in block scalars', () => {
    const { parsed } = resolved(
      'a: "say {{ .palette.vars.quote }}"\nb: \'it is {{ .palette.vars.apostrophe }}\'\nc: |\n  {{ .palette.vars.lines }}\n',
      {
        quote: 'he said "hi" \\o/',
        apostrophe: "Bob's",
        lines: 'first\nsecond',
      },
      [v('quote'), v('apostrophe'), v('lines')],
    );
    expect(parsed).toEqual({
      a: 'say he said "hi" \\o/',
      b: "it is Bob's",
      c: 'first\nsecond\n',
    });
  });

  it('uses the given value, then the default; read-only variables keep their default', () => {
    const variables = [
      v('size', { default: 'small' }),
      v('region', { default: 'eu-west-1', readOnly: true }),
    ];
    expect(
      resolved(
        's: {{ .palette.vars.size }}\nr: {{ .palette.vars.region }}',
        {},
        variables,
      ).parsed,
    ).toEqual({
      s: 'small',
      r: 'eu-west-1',
    });
    expect(
      resolved('s: {{ .palette.vars.size }}', { size: 'large' }, variables)
        .parsed,
    ).toEqual({ s: 'large' });
    expect(
      resolveVariables(
        'r: {{ .palette.vars.region }}',
        { region: 'us-east-1' },
        variables,
      ),
    ).toEqual({
      ok: false,
      errors: [
        {
          code: 'variable.readOnly',
          variable: 'region',
          message:
            'variable "region" is read-only; its default is used and cannot be overridden',
        },
      ],
    });
  });

  it('reports undeclared, missing and invalid variables together', () => {
    const result = resolveVariables(
      'a: {{ .palette.vars.ghost }}\nb: {{ .palette.vars.needed }}\nc: {{ .palette.vars.count }}\n',
      { count: 'many' },
      [
        v('needed', { displayName: 'Needed thing' }),
        v('count', { format: 'number' }),
      ],
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          code: 'variable.undefined',
          variable: 'ghost',
          line: 1,
        }),
        {
          code: 'variable.missing',
          variable: 'needed',
          line: 2,
          message:
            'variable "needed" (Needed thing) needs a value: none was given and it has no default',
        },
        {
          code: 'variable.invalid',
          variable: 'count',
          line: 3,
          message:
            'variable "count": "many" is not a number such as 3 or 0.5 (format number)',
        },
      ],
    });
  });

  it('never shows a sensitive value, even when it breaks the YAML', () => {
    const secret = 'p@ss: S3CRET #1';
    const variables = [v('password', { sensitive: true, regex: '.{20,}' })];
    const invalid = resolveVariables(
      'password: {{ .palette.vars.password }}',
      { password: secret },
      variables,
    );
    expect(invalid.ok).toBe(false);
    expect(JSON.stringify(invalid)).not.toContain('S3CRET');

    // Embedded in plain text, the value's ": " breaks the mapping.
    const broken = resolveVariables(
      'auth: user-{{ .palette.vars.password }}',
      { password: secret },
      [v('password', { sensitive: true })],
    );
    expect(broken).toMatchObject({
      ok: false,
      errors: [{ code: 'values.yaml', line: 1 }],
    });
    expect(JSON.stringify(broken)).not.toContain('S3CRET');

    // Whole-value references are quoted, so the same value is safe there.
    expect(
      resolved('password: {{ .palette.vars.password }}', { password: secret }, [
        v('password', { sensitive: true }),
      ]).parsed,
    ).toEqual({ password: secret });
  });

  it('can stand in samples for variables without values, to check drafts', () => {
    const result = resolveVariables(
      'n: {{ .palette.vars.n }}\nip: {{ .palette.vars.ip }}\nname: {{ .palette.vars.name }}\n',
      {},
      [v('n', { format: 'number' }), v('ip', { format: 'ipv4' }), v('name')],
      { usePlaceholders: true },
    );
    expect(result).toEqual({
      ok: true,
      yaml: 'n: 1\nip: "192.0.2.10"\nname: "palette-var-name"\n',
      placeholders: [1, '192.0.2.10', 'palette-var-name'],
    });
  });
});

describe('resolveProfileValues', () => {
  const profile = {
    layers: [
      {
        packName: 'kubernetes',
        packVersion: '1.34.10',
        values: 'pods: [{{ .palette.vars.podCidr }}]\n',
      },
      { packName: 'ubuntu', packVersion: '24.4.4' },
    ],
    variables: [
      v('podCidr', { format: 'cidr', default: '10.244.0.0/16' }),
      v('owner', { required: true }),
    ],
  };

  it('resolves every layer', () => {
    expect(resolveProfileValues(profile, { owner: 'team-a' })).toEqual({
      ok: true,
      layers: [
        {
          packName: 'kubernetes',
          packVersion: '1.34.10',
          values: 'pods: [10.244.0.0/16]\n',
        },
        { packName: 'ubuntu', packVersion: '24.4.4', values: '' },
      ],
    });
  });

  it('requires required variables even when unreferenced, and rejects unknown values', () => {
    expect(
      resolveProfileValues(profile, { podCidr: '10.0.0.0/8', color: 'blue' }),
    ).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          code: 'variable.unknown',
          variable: 'color',
          field: 'values.color',
        }),
        expect.objectContaining({
          code: 'variable.missing',
          variable: 'owner',
          field: 'variables[1]',
        }),
      ],
    });
  });
});
