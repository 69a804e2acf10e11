import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { palettePlugin } from '../plugin';
import { DEMO_PROFILE_VERSIONS } from '../profiles';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(60_000);

const aliceAuth = mockCredentials.user.header('user:default/alice');
const awsInfra = DEMO_PROFILE_VERSIONS.find(v => v.name === 'aws-infra')!;

const policy = createSteeredPolicy();

async function startBackend() {
  const permissions = steeredPermissions(policy);
  return startTestBackend({
    features: [
      palettePlugin,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          palette: {
            managementClusters: [
              { name: 'm', type: 'embedded', speed: 'instant' },
            ],
          },
        },
      }),
    ],
  });
}

describe('profile routes', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeEach(async () => {
    policy.denied.clear();
    policy.owned = undefined;
    backend = await startBackend();
  });
  afterEach(() => backend.stop());

  const api = () => request(backend.server);
  const create = (
    name: string,
    owner = 'group:default/platform-team',
    extra: object = {},
  ) =>
    api()
      .post('/api/palette/profiles')
      .set('authorization', aliceAuth)
      .send({
        name,
        type: 'infra',
        cloudType: 'aws',
        owner,
        layers: awsInfra.layers,
        variables: awsInfra.variables ?? [],
        ...extra,
      });

  it('creates a profile with its draft, lists and reads it', async () => {
    const created = await create(
      'aws-standard',
      'group:default/platform-team',
      { tags: ['aws'] },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'aws-standard',
      hasDraft: true,
      owner: 'group:default/platform-team',
    });
    expect(
      created.body.messages.filter((m: any) => m.severity === 'error'),
    ).toEqual([]);
    const list = await api()
      .get('/api/palette/profiles?cloudType=aws')
      .set('authorization', aliceAuth);
    expect(list.body.items.map((p: any) => p.name)).toEqual(['aws-standard']);
    const one = await api()
      .get('/api/palette/profiles/aws-standard')
      .set('authorization', aliceAuth);
    expect(one.body.draft.layers).toHaveLength(awsInfra.layers.length);
  });

  it('answers bad input with a 400 that names the field, and stores nothing', async () => {
    const res = await create('Not A Name');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/^Invalid request body: name:/);
    const list = await api()
      .get('/api/palette/profiles')
      .set('authorization', aliceAuth);
    expect(list.body.totalCount).toBe(0);
  });

  it('refuses a create without palette.profile.create (403) and stores nothing', async () => {
    policy.denied.add('palette.profile.create');
    expect((await create('aws-standard')).status).toBe(403);
    policy.denied.clear();
    const list = await api()
      .get('/api/palette/profiles')
      .set('authorization', aliceAuth);
    expect(list.body.totalCount).toBe(0);
  });

  it('requires authentication on every route', async () => {
    for (const path of [
      '/api/palette/profiles',
      '/api/palette/packs',
      '/api/palette/audit',
    ]) {
      expect(
        (
          await api()
            .get(path)
            .set('authorization', mockCredentials.none.header())
        ).status,
      ).toBe(401);
    }
  });

  it('publishes a valid draft as an immutable, strictly greater version', async () => {
    await create('aws-standard');
    const published = await api()
      .post('/api/palette/profiles/aws-standard/publish')
      .set('authorization', aliceAuth)
      .send({ version: '1.0.0', changeNote: 'First' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      latestVersion: '1.0.0',
      hasDraft: false,
    });
    // No draft left to publish, and the same version again is a conflict.
    await api()
      .put('/api/palette/profiles/aws-standard/draft')
      .set('authorization', aliceAuth)
      .send({ layers: awsInfra.layers, variables: awsInfra.variables ?? [] });
    const again = await api()
      .post('/api/palette/profiles/aws-standard/publish')
      .set('authorization', aliceAuth)
      .send({ version: '1.0.0', changeNote: 'Again' });
    expect(again.status).toBe(409);
    const lower = await api()
      .post('/api/palette/profiles/aws-standard/publish')
      .set('authorization', aliceAuth)
      .send({ version: '0.9.0', changeNote: 'Lower' });
    expect(lower.status).toBe(409);
  });

  it('refuses to publish an invalid draft, naming the layer and field', async () => {
    await create('aws-broken', 'group:default/platform-team', {
      layers: awsInfra.layers.slice(1),
    });
    const res = await api()
      .post('/api/palette/profiles/aws-broken/publish')
      .set('authorization', aliceAuth)
      .send({ version: '1.0.0', changeNote: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not valid: .*layers/);
    const profile = await api()
      .get('/api/palette/profiles/aws-broken')
      .set('authorization', aliceAuth);
    expect(profile.body.versions).toEqual([]);
  });

  it('applies conditional read decisions in the list query', async () => {
    await create('mine', 'group:default/team-apollo');
    await create('theirs', 'group:default/team-zephyr');
    policy.owned = {
      permission: 'palette.profile.read',
      resourceType: 'palette-profile',
      rule: 'IS_PROFILE_OWNER',
      claims: ['group:default/team-apollo'],
    };
    const list = await api()
      .get('/api/palette/profiles')
      .set('authorization', aliceAuth);
    expect(list.body.items.map((p: any) => p.name)).toEqual(['mine']);
    expect(list.body.totalCount).toBe(1);
  });

  it('hides a profile the user may not read (404), and refuses a publish without permission (403)', async () => {
    await create('aws-standard');
    policy.denied.add('palette.profile.publish');
    const publish = await api()
      .post('/api/palette/profiles/aws-standard/publish')
      .set('authorization', aliceAuth)
      .send({ version: '1.0.0', changeNote: 'x' });
    expect(publish.status).toBe(403);
    policy.denied.add('palette.profile.read');
    expect(
      (
        await api()
          .get('/api/palette/profiles/aws-standard')
          .set('authorization', aliceAuth)
      ).status,
    ).toBe(404);
  });

  it('deprecates, diffs, exports and imports versions', async () => {
    await create('aws-standard');
    await api()
      .post('/api/palette/profiles/aws-standard/publish')
      .set('authorization', aliceAuth)
      .send({ version: '1.0.0', changeNote: 'First' });
    const changed = awsInfra.layers.map((l, i) =>
      i === awsInfra.layers.length - 1
        ? { ...l, values: `${l.values ?? ''}\n# tuned\n` }
        : l,
    );
    await api()
      .put('/api/palette/profiles/aws-standard/draft')
      .set('authorization', aliceAuth)
      .send({ layers: changed, variables: awsInfra.variables ?? [] });
    const diff = await api()
      .get('/api/palette/profiles/aws-standard/diff?from=1.0.0&to=draft')
      .set('authorization', aliceAuth);
    expect(diff.status).toBe(200);
    expect(diff.body.layersChanged).toHaveLength(1);

    const deprecated = await api()
      .post('/api/palette/profiles/aws-standard/versions/1.0.0/deprecate')
      .set('authorization', aliceAuth)
      .send({ deprecated: true });
    expect(deprecated.body.versions[0].deprecated).toBe(true);

    const exported = await api()
      .get('/api/palette/profiles/aws-standard/versions/1.0.0/export')
      .set('authorization', aliceAuth);
    expect(exported.headers['content-type']).toContain('application/yaml');
    expect(exported.text).toContain('kind: ClusterProfile');

    const conflict = await api()
      .post('/api/palette/profiles/import?owner=group:default/platform-team')
      .set('authorization', aliceAuth)
      .set('content-type', 'application/yaml')
      .send(exported.text);
    expect(conflict.status).toBe(409);
    const renamed = exported.text.replace(
      'name: aws-standard',
      'name: aws-copy',
    );
    const imported = await api()
      .post('/api/palette/profiles/import?owner=group:default/platform-team')
      .set('authorization', aliceAuth)
      .set('content-type', 'application/yaml')
      .send(renamed);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: 'aws-copy', hasDraft: true });
  });

  it('audits every change with who, what, and before and after, readable through the API', async () => {
    await create('aws-standard');
    await api()
      .post('/api/palette/profiles/aws-standard/publish')
      .set('authorization', aliceAuth)
      .send({ version: '1.0.0', changeNote: 'First' });
    const audit = await api()
      .get('/api/palette/audit?target=profile:aws-standard')
      .set('authorization', aliceAuth);
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: any) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['profile.create', 'profile.publish']),
    );
    expect(
      audit.body.items.every((e: any) => e.actor === 'user:default/alice'),
    ).toBe(true);
    policy.denied.add('palette.audit.read');
    expect(
      (await api().get('/api/palette/audit').set('authorization', aliceAuth))
        .status,
    ).toBe(403);
  });

  it('lists curated packs and adds custom packs for pack managers only', async () => {
    const cnis = await api()
      .get('/api/palette/packs?layer=cni&cloudType=aws')
      .set('authorization', aliceAuth);
    expect(cnis.body.items.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['calico', 'cilium']),
    );
    const pack = {
      name: 'acme-agent',
      version: '1.2.0',
      layer: 'addon',
      kind: {
        type: 'helm',
        repository: 'https://charts.acme.example',
        chart: 'acme-agent',
        chartVersion: '1.2.0',
        namespace: 'acme',
      },
    };
    expect(
      (
        await api()
          .post('/api/palette/packs')
          .set('authorization', aliceAuth)
          .send(pack)
      ).status,
    ).toBe(201);
    expect(
      (
        await api()
          .post('/api/palette/packs')
          .set('authorization', aliceAuth)
          .send(pack)
      ).status,
    ).toBe(409);
    policy.denied.add('palette.pack.manage');
    expect(
      (
        await api()
          .post('/api/palette/packs')
          .set('authorization', aliceAuth)
          .send({ ...pack, version: '1.3.0' })
      ).status,
    ).toBe(403);
  });
});
