import {
  ProfileVersion,
  SENSITIVE_VALUE_MASK,
} from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { DEMO_PROFILE_VERSIONS } from './demoProfiles';
import {
  exportProfileVersion,
  MAX_PROFILE_DOCUMENT_BYTES,
  parseProfileImport,
} from './exportImport';

const withSecret: ProfileVersion = {
  ...DEMO_PROFILE_VERSIONS.find(p => p.name === 'observability')!,
  variables: [
    {
      name: 'metricsRetention',
      displayName: 'Retention',
      format: 'string',
      default: '15d',
    },
    {
      name: 'grafanaAdminPassword',
      displayName: 'Grafana admin password',
      format: 'string',
      sensitive: true,
      required: true,
      default: 'correct-horse-battery-staple',
    },
  ],
};

describe('exportProfileVersion', () => {
  it('writes a ClusterProfile document with values as block scalars', () => {
    const text = exportProfileVersion(withSecret);
    const document = yaml.load(text) as any;
    expect(document.apiVersion).toBe('palette.backstage.io/v1alpha1');
    expect(document.kind).toBe('ClusterProfile');
    expect(document.metadata).toMatchObject({
      name: 'observability',
      version: '1.0.0',
    });
    expect(document.spec.layers[0].values).toBe(withSecret.layers[0].values);
    expect(text).toContain('values: |\n');
  });

  it('masks sensitive defaults', () => {
    const text = exportProfileVersion(withSecret);
    expect(text).not.toContain('correct-horse-battery-staple');
    const document = yaml.load(text) as any;
    expect(document.spec.variables[1].default).toBe(SENSITIVE_VALUE_MASK);
    expect(document.spec.variables[0].default).toBe('15d');
  });
});

describe('parseProfileImport', () => {
  it('round-trips every demo profile', () => {
    for (const version of DEMO_PROFILE_VERSIONS) {
      const result = parseProfileImport(exportProfileVersion(version));
      expect(result).toMatchObject({ ok: true, messages: [] });
      expect(result.ok && result.version).toEqual(version);
    }
  });

  it('round-trips a profile with a secret, dropping the masked default', () => {
    const result = parseProfileImport(exportProfileVersion(withSecret));
    if (!result.ok) {
      throw new Error('import failed');
    }
    const { default: _dropped, ...password } = withSecret.variables![1];
    expect(result.draft.variables).toEqual([
      withSecret.variables![0],
      password,
    ]);
    expect(result.draft.layers).toEqual(withSecret.layers);
    expect(result.messages).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'import.maskedDefault',
        field: 'spec.variables[1].default',
      }),
    ]);
  });

  it('imports a hand-written document without version metadata', () => {
    const result = parseProfileImport(
      [
        'apiVersion: palette.backstage.io/v1alpha1',
        'kind: ClusterProfile',
        'metadata:',
        '  name: certs',
        'spec:',
        '  type: add-on',
        '  cloudType: all',
        '  layers:',
        '    - packName: cert-manager',
        '      packVersion: 1.21.2',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      document: expect.anything(),
      draft: {
        name: 'certs',
        type: 'add-on',
        cloudType: 'all',
        layers: [{ packName: 'cert-manager', packVersion: '1.21.2' }],
      },
      messages: [],
    });
  });

  it('reports invalid YAML with its position', () => {
    const result = parseProfileImport('apiVersion: x\nspec: [\n');
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          code: 'import.yaml',
          message: expect.stringMatching(/^invalid YAML at line 3, column 1:/),
        }),
      ],
    });
  });

  it('reports schema problems with field paths', () => {
    const text = exportProfileVersion(DEMO_PROFILE_VERSIONS[0])
      .replace('packVersion: 1.34.4', 'packVersion: "1.34"')
      .replace('kind: ClusterProfile', 'kind: Profile')
      .replace('  type: infra', '  type: infra\n  owner: me');
    const result = parseProfileImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(e => [e.field, e.message])).toEqual([
      ['kind', 'Invalid input: expected "ClusterProfile"'],
      [
        'spec.layers[1].packVersion',
        'must be a semantic version such as 1.4.0',
      ],
      ['spec', 'Unrecognized key: "owner"'],
    ]);
  });

  it('refuses oversized documents', () => {
    const result = parseProfileImport(
      `# ${'x'.repeat(MAX_PROFILE_DOCUMENT_BYTES)}`,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ code: 'import.size' }],
    });
  });
});
