import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { devRequest } from '../clusters/testFixtures';
import { palettePlugin } from '../plugin';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(120_000);

/** Catalog membership, as the user info service resolves it for each user. */
const MEMBERSHIP: Record<string, string[]> = {
  'user:default/alice': ['group:default/team-apollo'],
  'user:default/priya': ['group:default/platform-team'],
  'user:default/carol': ['group:default/team-zephyr'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

const policy = createSteeredPolicy();

async function startBackend() {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(MEMBERSHIP[ref] ?? [])],
      };
    },
  });
  return startTestBackend({
    features: [
      palettePlugin,
      steeredPermissions(policy).factory,
      userInfo.factory,
      mockServices.rootConfig.factory({
        data: {
          palette: {
            demoData: { seed: true },
            managementClusters: [
              { name: 'm', type: 'embedded', speed: 'instant' },
            ],
            clusters: { reconcileInterval: '1s' },
          },
        },
      }),
    ],
  });
}

const PRODUCTION_POLICY = {
  project: '*',
  environment: 'production',
  requireApproval: true,
  approverGroup: 'group:default/platform-team',
  allowedProfiles: [{ name: 'dev-full' }],
  maxPoolSize: 5,
};

describe('governance routes', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeEach(async () => {
    policy.denied.clear();
    backend = await startBackend();
  });
  afterEach(() => backend.stop());

  const api = () => request(backend.server);
  const get = (path: string, user = 'priya') =>
    api().get(`/api/palette${path}`).set('authorization', as(user));
  const send = (
    method: 'post' | 'put' | 'delete',
    path: string,
    body: object | undefined,
    user: string,
  ) => {
    const r = api()
      [method](`/api/palette${path}`)
      .set('authorization', as(user));
    return body ? r.send(body) : r;
  };

  async function waitFor(name: string, phase: string) {
    const deadline = Date.now() + 30_000;
    let last: any;
    while (Date.now() < deadline) {
      last = (await get(`/clusters/${name}`)).body;
      if (last.phase === phase) return last;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`${name} is ${last?.phase}, not ${phase}`);
  }

  it('manages policies and quotas only with palette.policy.manage, and audits each change', async () => {
    policy.denied.add('palette.policy.manage');
    expect(
      (await send('put', '/governance/policies', PRODUCTION_POLICY, 'alice'))
        .status,
    ).toBe(403);
    policy.denied.clear();
    const saved = await send(
      'put',
      '/governance/policies',
      PRODUCTION_POLICY,
      'priya',
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      ...PRODUCTION_POLICY,
      updatedBy: 'user:default/priya',
    });
    const bad = await send(
      'put',
      '/governance/policies',
      { ...PRODUCTION_POLICY, approverGroup: undefined },
      'priya',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('approverGroup');

    const effective = await get(
      '/governance/policies/effective?project=system:default/payments&environment=production',
      'alice',
    );
    expect(effective.body.policy).toMatchObject({ environment: 'production' });
    // Elsewhere the seeded catch-all policy applies.
    expect(
      (
        await get(
          '/governance/policies/effective?project=system:default/payments&environment=dev',
        )
      ).body.policy,
    ).toMatchObject({ project: '*', environment: '*' });

    expect(
      (
        await send(
          'put',
          '/governance/quotas',
          { team: 'group:default/team-apollo', maxClusters: 1 },
          'priya',
        )
      ).status,
    ).toBe(200);
    const usage = await get('/governance/usage?team=group:default/team-apollo');
    expect(usage.body.items).toEqual([
      expect.objectContaining({
        team: 'group:default/team-apollo',
        clusters: 0,
        quota: expect.objectContaining({ maxClusters: 1 }),
      }),
    ]);
    const audit = await get('/audit?target=quota:&actor=user:default/priya');
    expect(audit.body.items.map((e: any) => e.action)).toEqual([
      'quota.update',
    ]);
  });

  it('refuses a request that breaks policy or quota with a 403 listing every violation, and stores nothing', async () => {
    await send(
      'put',
      '/governance/policies',
      {
        ...PRODUCTION_POLICY,
        environment: 'dev',
        requireApproval: false,
        allowedRegions: ['eu-west-1'],
        maxPoolSize: 1,
      },
      'priya',
    );
    const dry = await send(
      'post',
      '/clusters?dryRun=true',
      devRequest('demo'),
      'alice',
    );
    expect(dry.body.valid).toBe(false);
    expect(dry.body.messages.map((m: any) => `${m.code} @ ${m.field}`)).toEqual(
      ['policy.region @ region', 'policy.maxPoolSize @ workerPools.0.count'],
    );
    const refused = await send(
      'post',
      '/clusters',
      devRequest('demo'),
      'alice',
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(
      'region: region "local" is not allowed here',
    );
    expect(refused.body.error.message).toContain('workerPools.0.count');
    expect((await get('/clusters?includeDeleted=true')).body.totalCount).toBe(
      0,
    );
  });

  it('lets developers request clusters for their own teams only', async () => {
    // Without palette.policy.manage, a requester is held to their own teams.
    policy.denied.add('palette.policy.manage');
    const other = await send(
      'post',
      '/clusters',
      devRequest('demo', { owner: 'group:default/team-zephyr' }),
      'alice',
    );
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain(
      'owner: you can request clusters only for your own teams',
    );
    expect(
      (
        await send(
          'post',
          '/clusters?dryRun=true',
          devRequest('demo', { owner: 'group:default/team-zephyr' }),
          'alice',
        )
      ).body.messages,
    ).toEqual([
      expect.objectContaining({ code: 'owner.membership', field: 'owner' }),
    ]);
    expect(
      (await send('post', '/clusters', devRequest('demo'), 'alice')).status,
    ).toBe(201);
    policy.denied.clear();
    // Governance admins may request for any team.
    expect(
      (
        await send(
          'post',
          '/clusters',
          devRequest('other', { owner: 'group:default/team-zephyr' }),
          'priya',
        )
      ).status,
    ).toBe(201);
  });

  it('holds a production request for approval: the requester cannot decide, an approver can, and it provisions', async () => {
    await send('put', '/governance/policies', PRODUCTION_POLICY, 'priya');
    const prod = devRequest('payments-prod', { environment: 'production' });
    const dry = await send('post', '/clusters?dryRun=true', prod, 'alice');
    expect(dry.body.governance.approval).toEqual({
      approverGroup: 'group:default/platform-team',
    });
    const created = await send('post', '/clusters', prod, 'alice');
    expect(created.status).toBe(201);
    expect(created.body.phase).toBe('PendingApproval');
    expect(created.body.approval).toMatchObject({
      state: 'Pending',
      approverGroup: 'group:default/platform-team',
      requestedBy: 'user:default/alice',
    });

    // Nothing is applied while it waits.
    await new Promise(r => setTimeout(r, 1500));
    const waiting = await get('/clusters/payments-prod');
    expect(waiting.body.phase).toBe('PendingApproval');
    expect(waiting.body.objects).toEqual([]);

    // Approvers see it among theirs; the requester does not.
    expect(
      (await get('/approvals?mine=true', 'priya')).body.items.map(
        (a: any) => a.cluster,
      ),
    ).toEqual(['payments-prod']);
    expect((await get('/approvals?mine=true', 'alice')).body.items).toEqual([]);

    const own = await send(
      'post',
      '/clusters/payments-prod/approval',
      { decision: 'approve' },
      'alice',
    );
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('another approver must decide');
    const outsider = await send(
      'post',
      '/clusters/payments-prod/approval',
      { decision: 'approve' },
      'carol',
    );
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toContain(
      'Only members of group:default/platform-team',
    );

    const approved = await send(
      'post',
      '/clusters/payments-prod/approval',
      { decision: 'approve', comment: 'capacity checked' },
      'priya',
    );
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({
      state: 'Approved',
      decidedBy: 'user:default/priya',
      comment: 'capacity checked',
    });
    await waitFor('payments-prod', 'Running');
    expect(
      (
        await send(
          'post',
          '/clusters/payments-prod/approval',
          { decision: 'reject', comment: 'late' },
          'priya',
        )
      ).status,
    ).toBe(409);

    const events = await get('/clusters/payments-prod/events');
    expect(events.body.items.map((e: any) => e.reason)).toEqual(
      expect.arrayContaining(['ApprovalRequested', 'ApprovalApproved']),
    );
    const audit = await get('/audit?target=cluster:payments-prod');
    expect(audit.body.items.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['cluster.create', 'cluster.approval.approved']),
    );
  });

  it('ends a rejected request with the comment and frees the name', async () => {
    await send('put', '/governance/policies', PRODUCTION_POLICY, 'priya');
    await send(
      'post',
      '/clusters',
      devRequest('big-prod', { environment: 'production' }),
      'alice',
    );
    const noComment = await send(
      'post',
      '/clusters/big-prod/approval',
      { decision: 'reject' },
      'priya',
    );
    expect(noComment.status).toBe(400);
    const rejected = await send(
      'post',
      '/clusters/big-prod/approval',
      { decision: 'reject', comment: 'use staging first' },
      'priya',
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      phase: 'Rejected',
      message: 'Rejected by user:default/priya: use staging first',
    });
    expect((await get('/clusters')).body.totalCount).toBe(0);
    expect((await get('/approvals?state=Rejected')).body.items).toEqual([
      expect.objectContaining({
        cluster: 'big-prod',
        comment: 'use staging first',
      }),
    ]);
    // The name can be requested again.
    expect(
      (await send('post', '/clusters', devRequest('big-prod'), 'alice')).status,
    ).toBe(201);
  });

  it('refuses approval without palette.cluster.approve', async () => {
    await send('put', '/governance/policies', PRODUCTION_POLICY, 'priya');
    await send(
      'post',
      '/clusters',
      devRequest('p', { environment: 'production' }),
      'alice',
    );
    policy.denied.add('palette.cluster.approve');
    const res = await send(
      'post',
      '/clusters/p/approval',
      { decision: 'approve' },
      'priya',
    );
    expect(res.status).toBe(403);
    expect((await get('/clusters/p')).body.phase).toBe('PendingApproval');
  });
});
