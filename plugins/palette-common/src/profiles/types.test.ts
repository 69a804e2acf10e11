import {
  clusterProfileDocumentSchema,
  PROFILE_DOCUMENT_API_VERSION,
  profileDraftSchema,
  profileVersionSchema,
} from './types';

const draft = {
  name: 'aws-infra',
  type: 'infra',
  cloudType: 'aws',
  layers: [{ packName: 'ubuntu', packVersion: '24.4.4' }],
  variables: [
    {
      name: 'podCidr',
      displayName: 'Pod CIDR',
      format: 'cidr',
      default: '10.0.0.0/16',
    },
  ],
};

describe('profile schemas', () => {
  it('accepts a draft and a published version', () => {
    expect(profileDraftSchema.parse(draft)).toEqual(draft);
    const version = {
      ...draft,
      version: '1.0.0',
      changeNote: 'First',
      publishedAt: '2026-09-01T09:00:00Z',
      publishedBy: 'user:default/jane',
    };
    expect(profileVersionSchema.parse(version)).toEqual(version);
  });

  it('reports field paths for bad layers and variables', () => {
    const result = profileDraftSchema.safeParse({
      ...draft,
      layers: [{ packName: 'Ubuntu', packVersion: '24.04' }],
      variables: [{ name: '1st', displayName: 'x', format: 'text' }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(i => i.path.join('.')).sort()).toEqual([
      'layers.0.packName',
      'layers.0.packVersion',
      'variables.0.format',
      'variables.0.name',
    ]);
  });

  it('rejects a published version without a semver version or timestamp', () => {
    const result = profileVersionSchema.safeParse({
      ...draft,
      version: 'v1',
      changeNote: '',
      publishedAt: 'yesterday',
      publishedBy: 'user:default/jane',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(i => i.path[0]).sort()).toEqual([
      'publishedAt',
      'version',
    ]);
  });

  it('rejects unknown keys in profile documents', () => {
    const result = clusterProfileDocumentSchema.safeParse({
      apiVersion: PROFILE_DOCUMENT_API_VERSION,
      kind: 'ClusterProfile',
      metadata: { name: 'aws-infra', owner: 'me' },
      spec: { type: 'infra', cloudType: 'aws', layers: [] },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      path: ['metadata'],
    });
  });
});
