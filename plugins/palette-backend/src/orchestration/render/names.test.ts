import { clusterSelector, paletteLabels, toLabelValue } from './labels';
import { clusterObjectName, contentHash, templateName } from './names';

describe('names', () => {
  it('names cluster objects <cluster>[-<suffix>]', () => {
    expect(clusterObjectName('demo')).toBe('demo');
    expect(clusterObjectName('demo', 'control-plane')).toBe(
      'demo-control-plane',
    );
  });

  it('hashes content independently of key order, and differently for other content', () => {
    const a = contentHash({
      kind: 'X',
      spec: { b: 1, a: [1, { d: 2, c: 3 }] },
    });
    const b = contentHash({
      spec: { a: [1, { c: 3, d: 2 }], b: 1 },
      kind: 'X',
    });
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(a).toBe(b);
    expect(contentHash({ kind: 'X', spec: { b: 2 } })).not.toBe(
      contentHash({ kind: 'X', spec: { b: 1 } }),
    );
    // An absent field and an undefined one are the same content.
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
  });

  it('names templates <cluster>-<role>-<hash8>', () => {
    const name = templateName('demo', 'workers', { spec: { x: 1 } });
    expect(name).toBe(`demo-workers-${contentHash({ spec: { x: 1 } })}`);
  });
});

describe('labels', () => {
  it('keeps label values within what Kubernetes accepts', () => {
    expect(toLabelValue('1.0.0')).toBe('1.0.0');
    expect(toLabelValue('1.0.0+build.5')).toBe('1.0.0_build.5');
    expect(toLabelValue(`1.0.0-${'a'.repeat(80)}`)).toHaveLength(63);
  });

  it('labels objects with cluster, profile, version and pack', () => {
    expect(
      paletteLabels({
        cluster: 'demo',
        profile: { name: 'aws-infra', version: '1.1.0' },
        pack: 'calico',
      }),
    ).toEqual({
      'app.kubernetes.io/managed-by': 'palette',
      'palette.io/cluster': 'demo',
      'palette.io/profile': 'aws-infra',
      'palette.io/profile-version': '1.1.0',
      'palette.io/pack': 'calico',
    });
    expect(clusterSelector('demo')).toEqual({
      matchLabels: { 'palette.io/cluster': 'demo' },
    });
  });
});
