import {
  ClusterDetails,
  ClusterDryRunResponse,
} from '@palette-backstage/plugin-palette-common';
import { actionContext, CheckpointStore } from '../__testUtils__/actionContext';
import {
  clusterDetails,
  clusterRequest,
  errorReply,
  fakePalette,
  json,
  pendingApproval,
  tokenFor,
} from '../__testUtils__/fakePalette';
import { createPaletteClusterCreateAction } from './clusterCreate';

/** The action against a palette-backend that answers `route`. */
function setup(route: Parameters<typeof fakePalette>[0]) {
  const palette = fakePalette(route);
  const action = createPaletteClusterCreateAction({ client: palette.client });
  return { palette, action };
}

const created =
  (overrides: Partial<ClusterDetails> = {}) =>
  () =>
    json(clusterDetails(overrides), 201);

describe('palette:cluster:create', () => {
  it('requests the cluster as the initiator and outputs where to find it', async () => {
    const { palette, action } = setup(created());
    const { addOnProfiles, variables, ...withoutDefaults } = clusterRequest();
    const { ctx, outputs, logged } = actionContext({ input: withoutDefaults });

    await action.handler(ctx);

    // Sent with the request's defaults applied.
    expect(palette.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/clusters',
        authorization: `Bearer ${tokenFor()}`,
        body: clusterRequest(),
      }),
    ]);
    expect(palette.requests[0].query.has('dryRun')).toBe(false);
    expect(outputs()).toEqual({
      name: 'demo',
      entityRef: 'resource:default/demo',
      statusUrl: '/palette/clusters/demo',
      phase: 'Requested',
    });
    expect(logged('info')).toContain('Requested cluster demo: Requested');
  });

  it('outputs the approval to wait for when governance requires one', async () => {
    const { action } = setup(
      created({ phase: 'PendingApproval', approval: pendingApproval() }),
    );
    const { ctx, outputs, logged } = actionContext({ input: clusterRequest() });

    await action.handler(ctx);

    expect(outputs()).toMatchObject({
      phase: 'PendingApproval',
      approvalId: 'demo',
    });
    expect(logged('info')).toContain(
      'Cluster demo waits for approval by group:default/platform-team',
    );
  });

  it('rejects bad input before calling palette-backend, naming every field', async () => {
    const { palette, action } = setup(created());
    const { ctx } = actionContext({
      input: {
        ...clusterRequest(),
        controlPlane: { replicas: 2 },
        workerPools: [],
      } as any,
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Invalid input to palette:cluster:create: controlPlane.replicas: must be 1, 3 or 5; workerPools: needs at least one worker pool',
    );
    expect(palette.requests).toHaveLength(0);
  });

  it('fails with the governance message when palette-backend refuses', async () => {
    const message =
      'region: local is not allowed in production; workerPools.0.count: at most 10 nodes per pool';
    const { action } = setup(() => errorReply(403, 'NotAllowedError', message));
    const { ctx, outputs } = actionContext({ input: clusterRequest() });

    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message,
    });
    expect(outputs()).toEqual({});
  });

  describe('in a dry run', () => {
    const dryRun = (reply: Partial<ClusterDryRunResponse>) =>
      setup(() => json({ valid: true, messages: [], manifests: [], ...reply }));
    const manifest = (kind: string, name: string) => ({
      apiVersion: 'v1',
      kind,
      metadata: { name },
    });

    it('validates without creating, logging messages and manifests', async () => {
      const { palette, action } = dryRun({
        messages: [
          {
            severity: 'warning',
            code: 'profile.deprecated',
            field: 'profile.version',
            message: 'dev-full 1.0.0 is deprecated',
          },
        ],
        manifests: [
          manifest('Cluster', 'demo'),
          manifest('MachineDeployment', 'demo-a'),
          manifest('MachineDeployment', 'demo-b'),
        ],
      });
      const { ctx, outputs, logged } = actionContext({
        input: clusterRequest(),
        isDryRun: true,
      });

      await action.handler(ctx);

      expect(
        palette.requests.map(r => [r.method, r.query.get('dryRun')]),
      ).toEqual([['POST', 'true']]);
      expect(logged('warn')).toEqual([
        'profile.version: dev-full 1.0.0 is deprecated',
      ]);
      expect(logged('info')).toContain(
        'Cluster demo would apply 3 objects: 1 Cluster, 2 MachineDeployment',
      );
      expect(outputs()).toEqual({
        name: 'demo',
        entityRef: 'resource:default/demo',
        statusUrl: '/palette/clusters/demo',
        phase: 'Requested',
      });
    });

    it('outputs the approval the real request would wait for', async () => {
      const { action } = dryRun({
        governance: {
          violations: [],
          approval: { approverGroup: 'group:default/platform-team' },
          estimatedMonthlyCost: 412.5,
          usageAfter: { clusters: 2, nodes: 8, vcpus: 32, monthlyCost: 900 },
        },
        costEstimate: {
          currency: 'USD',
          total: {
            hourly: { min: 0.57, max: 1.07 },
            monthly: { min: 412.5, max: 780 },
          },
          lines: [],
          warnings: [],
        },
      });
      const { ctx, outputs, logged } = actionContext({
        input: clusterRequest(),
        isDryRun: true,
      });

      await action.handler(ctx);

      expect(outputs()).toMatchObject({
        phase: 'PendingApproval',
        approvalId: 'demo',
      });
      expect(logged('info')).toEqual(
        expect.arrayContaining([
          'Estimated cost: 412.50–780.00 USD per month (0.57–1.07 per hour)',
          'The request would wait for approval by group:default/platform-team',
        ]),
      );
    });

    it('fails as the real request would on governance violations', async () => {
      const { action } = dryRun({
        valid: false,
        governance: {
          violations: [
            { rule: 'policy.region', field: 'region', message: 'not allowed' },
          ],
          estimatedMonthlyCost: 0,
          usageAfter: { clusters: 0, nodes: 0, vcpus: 0, monthlyCost: 0 },
        },
      });
      const { ctx } = actionContext({
        input: clusterRequest(),
        isDryRun: true,
      });

      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: 'region: not allowed',
      });
    });

    it('fails as the real request would on invalid input', async () => {
      const { action } = dryRun({
        valid: false,
        messages: [
          {
            severity: 'error',
            code: 'name.taken',
            field: 'name',
            message: 'cluster demo exists',
          },
        ],
      });
      const { ctx, logged } = actionContext({
        input: clusterRequest(),
        isDryRun: true,
      });

      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'InputError',
        message: 'Invalid cluster request: name: cluster demo exists',
      });
      expect(logged('error')).toEqual(['name: cluster demo exists']);
    });
  });

  describe('on retry', () => {
    it('reuses the outcome of the checkpoint instead of requesting again', async () => {
      const { palette, action } = setup(created());
      const checkpoints = new CheckpointStore();

      await action.handler(
        actionContext({ input: clusterRequest(), checkpoints }).ctx,
      );
      const retry = actionContext({ input: clusterRequest(), checkpoints });
      await action.handler(retry.ctx);

      expect(palette.requests).toHaveLength(1);
      expect([...checkpoints.values]).toEqual([
        ['palette-cluster-create-demo', 'Requested'],
      ]);
      expect(retry.outputs()).toMatchObject({
        name: 'demo',
        phase: 'Requested',
      });
    });

    /** palette-backend where `demo` exists already, as `existing`. */
    const taken = (existing: ClusterDetails) =>
      setup(({ method }) =>
        method === 'POST'
          ? errorReply(409, 'ConflictError', 'Name taken: cluster demo exists')
          : json(existing),
      );

    it('continues with the cluster an earlier attempt created when the create is answered 409', async () => {
      const { palette, action } = taken(
        clusterDetails({
          phase: 'PendingApproval',
          approval: pendingApproval(),
        }),
      );
      const { ctx, outputs, logged } = actionContext({
        input: clusterRequest(),
      });

      await action.handler(ctx);

      expect(palette.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        'POST /clusters',
        'GET /clusters/demo',
      ]);
      expect(outputs()).toMatchObject({
        phase: 'PendingApproval',
        approvalId: 'demo',
      });
      expect(logged('info')).toContain(
        'Cluster demo was already requested by an earlier attempt of this task; continuing with it',
      );
    });

    it.each([
      ['another user created it', { createdBy: 'user:default/bob' }],
      [
        'it was asked with other settings',
        { request: clusterRequest({ region: 'elsewhere' }) },
      ],
    ])('keeps the conflict when %s', async (_, overrides) => {
      const { action } = taken(clusterDetails(overrides));
      const { ctx } = actionContext({ input: clusterRequest() });

      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'ConflictError',
        message: 'Name taken: cluster demo exists',
      });
    });
  });
});
