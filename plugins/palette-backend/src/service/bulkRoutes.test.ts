import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { devRequest } from '../clusters/testFixtures';
import {
  ClusterPolicy,
  createRolloutTestbed,
  RolloutTestbed,
  rolloutRoutesApp,
} from '../rollouts/__testUtils__/rolloutTestbed';
import { createPaletteTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createPaletteTestDatabases();
const alice = mockCredentials.user.header('user:default/alice');

describe('bulk cluster actions', () => {
  let bed: RolloutTestbed;
  let app: ReturnType<typeof rolloutRoutesApp>['app'];
  let auditEvents: ReturnType<typeof rolloutRoutesApp>['auditEvents'];
  let policy: ClusterPolicy;

  beforeEach(async () => {
    bed = await createRolloutTestbed(await databases.init('SQLITE_3'));
    for (const name of ['a', 'b', 'c', 'hidden']) await bed.addCluster(name);
    await bed.addCluster('current', 'dev', '1.1.0');
    policy = { denied: new Set(), deniedOn: {} };
    ({ app, auditEvents } = rolloutRoutesApp(bed.instance(), policy));
  });

  const bulk = (body: object) =>
    request(app).post('/clusters/bulk').set('authorization', alice).send(body);

  it('upgrades each cluster on its own: permissions, failures and skips per cluster', async () => {
    await bed.clusterStore.createImported(
      {
        request: devRequest('imported'),
        managementCluster: 'embedded',
        namespace: 'palette-clusters',
        provider: 'vsphere',
        mode: 'managed',
        secretName: 'imported-palette-import',
        createdBy: 'user:default/alice',
      },
      { action: 'cluster.import', reason: 'Imported', message: 'Imported' },
    );
    policy.deniedOn['palette.cluster.update'] = ['b'];
    policy.deniedOn['palette.cluster.read'] = ['hidden'];
    const res = await bulk({
      action: 'upgrade',
      profileVersion: '1.1.0',
      clusters: ['a', 'b', 'current', 'hidden', 'nowhere', 'imported', 'c'],
    });
    expect(res.status).toBe(200);
    expect(
      res.body.results.map((r: any) => [r.cluster, r.ok, r.status]),
    ).toEqual([
      ['a', true, 202],
      ['b', false, 403],
      ['current', false, 400],
      ['hidden', false, 404],
      ['nowhere', false, 404],
      ['imported', false, 409],
      ['c', true, 202],
    ]);
    const byName = Object.fromEntries(
      res.body.results.map((r: any) => [r.cluster, r.message]),
    );
    expect(byName.current).toMatch(/already runs dev-full@1.1.0/);
    expect(byName.b).toBe('You are not allowed to palette.cluster.update on b');
    expect(byName.imported).toMatch(/imported cluster without a profile/);
    expect((await bed.clusterStore.get('a'))!.profile?.version).toBe('1.1.0');
    expect((await bed.clusterStore.get('b'))!.profile?.version).toBe('1.0.0');
    expect(await bed.upgradesPerCluster()).toEqual({ a: 1, c: 1 });
    // Audited like the single action, one event per attempted cluster.
    expect(auditEvents.map(e => [(e.meta as any).target, e.outcome])).toEqual([
      ['cluster:a', 'success'],
      ['cluster:current', 'fail'],
      ['cluster:imported', 'fail'],
      ['cluster:c', 'success'],
    ]);
  });

  it('pauses, resumes and deletes with the permission each needs', async () => {
    const paused = await bulk({ action: 'pause', clusters: ['a', 'b'] });
    expect(paused.body.results.map((r: any) => r.status)).toEqual([202, 202]);
    expect((await bed.clusterStore.get('a'))!.paused).toBe(true);
    const again = await bulk({ action: 'pause', clusters: ['a', 'c'] });
    expect(again.body.results).toEqual([
      {
        cluster: 'a',
        ok: false,
        status: 409,
        message: 'Cluster "a" is already paused',
      },
      { cluster: 'c', ok: true, status: 202 },
    ]);
    const resumed = await bulk({ action: 'resume', clusters: ['a'] });
    expect(resumed.body.results[0].ok).toBe(true);
    expect((await bed.clusterStore.get('a'))!.paused).toBe(false);

    policy.deniedOn['palette.cluster.delete'] = ['b'];
    const deleted = await bulk({ action: 'delete', clusters: ['a', 'b'] });
    expect(deleted.body.results.map((r: any) => r.status)).toEqual([202, 403]);
    expect(
      (await bed.clusterStore.get('a'))!.deletionRequestedAt,
    ).toBeDefined();
    expect(
      (await bed.clusterStore.get('b'))!.deletionRequestedAt,
    ).toBeUndefined();
    const actions = (await bed.auditLog.list({ target: 'cluster:a' })).map(
      e => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'cluster.pause',
        'cluster.resume',
        'cluster.delete',
      ]),
    );
  });

  it('answers a bad body with 400 and callers without credentials with 401', async () => {
    expect((await bulk({ action: 'upgrade', clusters: ['a'] })).status).toBe(
      400,
    );
    expect((await bulk({ action: 'pause', clusters: [] })).status).toBe(400);
    expect((await bulk({ action: 'reboot', clusters: ['a'] })).status).toBe(
      400,
    );
    const anonymous = await request(app)
      .post('/clusters/bulk')
      .set('authorization', mockCredentials.none.header())
      .send({ action: 'pause', clusters: ['a'] });
    expect(anonymous.status).toBe(401);
  });
});
