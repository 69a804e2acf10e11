import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { actionContext } from '../__testUtils__/actionContext';
import {
  clusterDetails,
  errorReply,
  fakePalette,
  inTurn,
  json,
  pendingApproval,
  tokenFor,
} from '../__testUtils__/fakePalette';
import { createPaletteClusterWaitAction } from './clusterWait';

/** Time that passes only when the action sleeps. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** The action against a palette-backend answering `route`. */
function setup(route: Parameters<typeof fakePalette>[0]) {
  const palette = fakePalette(route);
  const clock = fakeClock();
  const action = createPaletteClusterWaitAction({
    client: palette.client,
    auth: palette.auth,
    clock,
  });
  return { palette, clock, action };
}

/** A reply of the cluster `demo` in some state. */
const cluster =
  (overrides: Partial<ClusterDetails> = {}) =>
  () =>
    json(clusterDetails(overrides));

const running = cluster({
  phase: 'Running',
  message: 'Available',
  controlPlane: { managed: false, version: '1.34.10' },
  apiServer: 'https://demo.palette.local:6443',
});

describe('palette:cluster:wait', () => {
  it('logs each transition until the cluster runs, then outputs how to reach it', async () => {
    const { palette, clock, action } = setup(
      inTurn(
        cluster({ phase: 'PendingApproval', approval: pendingApproval() }),
        cluster({ phase: 'PendingApproval', approval: pendingApproval() }),
        cluster({
          phase: 'Requested',
          message: 'Approved by user:default/priya',
        }),
        cluster({
          phase: 'Provisioning',
          message: 'Creating machines',
          progress: { done: 2, total: 5, label: 'control plane' },
        }),
        cluster({
          phase: 'Provisioning',
          message: 'Creating machines',
          progress: { done: 2, total: 5, label: 'control plane' },
        }),
        cluster({
          phase: 'Provisioning',
          message: 'Creating machines',
          progress: { done: 4, total: 5, label: 'workers' },
        }),
        running,
      ),
    );
    const { ctx, outputs, logged } = actionContext({ input: { name: 'demo' } });

    await action.handler(ctx);

    expect(logged('info')).toEqual([
      'Cluster demo is PendingApproval: waiting for approval by group:default/platform-team',
      'Cluster demo is Requested: Approved by user:default/priya',
      'Cluster demo is Provisioning: Creating machines (2/5 control plane)',
      'Cluster demo is Provisioning: Creating machines (4/5 workers)',
      'Cluster demo is Running: Available',
    ]);
    expect(outputs()).toEqual({
      phase: 'Running',
      kubernetesVersion: '1.34.10',
      apiServer: 'https://demo.palette.local:6443',
    });
    // Every 5 seconds by default, as the initiator.
    expect(clock.sleeps).toEqual(Array(6).fill(5000));
    expect(new Set(palette.requests.map(r => r.authorization))).toEqual(
      new Set([`Bearer ${tokenFor()}`]),
    );
  });

  it.each([
    [
      'fails',
      {
        phase: 'Failed',
        message: 'Provisioning failed',
        lastError: {
          reason: 'ProvisioningTimeout',
          message: 'Control plane not available after 10 minutes',
          at: '2026-11-24T10:10:00Z',
        },
      },
      'Cluster demo is Failed: Control plane not available after 10 minutes',
    ],
    [
      'is rejected',
      {
        phase: 'Rejected',
        approval: {
          ...pendingApproval(),
          state: 'Rejected',
          decidedBy: 'user:default/priya',
          comment: 'Use the shared staging cluster',
        },
      },
      'Cluster demo was not approved: rejected by user:default/priya: Use the shared staging cluster',
    ],
    [
      'is not approved in time',
      {
        phase: 'Rejected',
        approval: { ...pendingApproval(), state: 'Expired' },
      },
      'Cluster demo was not approved: the approval by group:default/platform-team expired at 2026-12-01T10:00:00Z',
    ],
    [
      'is deleted',
      { phase: 'Deleting', message: 'Deletion requested by user:default/bob' },
      'Cluster demo is Deleting: Deletion requested by user:default/bob',
    ],
  ] as const)(
    'fails with the reason when the cluster %s',
    async (_, state, reason) => {
      const { action } = setup(
        inTurn(cluster({ phase: 'Provisioning' }), cluster(state)),
      );
      const { ctx, outputs } = actionContext({ input: { name: 'demo' } });

      await expect(action.handler(ctx)).rejects.toThrow(reason);
      expect(outputs()).toEqual({});
    },
  );

  it('takes the reason from the timeline when the cluster gives none', async () => {
    const { action } = setup(({ path }) =>
      path.endsWith('/events')
        ? json({
            items: [
              {
                id: '9',
                cluster: 'demo',
                at: '2026-11-24T10:10:00Z',
                type: 'error',
                reason: 'MachineFailed',
                message: 'Machine demo-cp-0 failed to boot',
              },
            ],
          })
        : json(clusterDetails({ phase: 'Failed' })),
    );
    const { ctx } = actionContext({ input: { name: 'demo' } });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Cluster demo is Failed: Machine demo-cp-0 failed to boot',
    );
  });

  it('fails when the cluster is not running in time, saying where it stands', async () => {
    const { clock, action } = setup(
      cluster({ phase: 'Provisioning', message: 'Creating machines' }),
    );
    const { ctx } = actionContext({
      input: { name: 'demo', timeoutMinutes: 1, pollSeconds: 25 },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Cluster demo is not Running after 1 minute; it is Provisioning: Creating machines. palette-backend keeps working on it: follow it on /palette/clusters/demo',
    );
    // The last read is at the deadline, not a poll past it.
    expect(clock.sleeps).toEqual([25_000, 25_000, 10_000]);
  });

  it('rides out palette-backend being briefly unavailable', async () => {
    const { action } = setup(
      inTurn(
        () => new Response('restarting', { status: 503 }),
        () => new Response('restarting', { status: 503 }),
        running,
      ),
    );
    const { ctx, outputs, logged } = actionContext({ input: { name: 'demo' } });

    await action.handler(ctx);

    expect(logged('warn')).toHaveLength(2);
    expect(outputs()).toMatchObject({ phase: 'Running' });
  });

  it('gives up when palette-backend stays unavailable', async () => {
    const { palette, action } = setup(
      () => new Response('down', { status: 503 }),
    );
    const { ctx } = actionContext({ input: { name: 'demo', pollSeconds: 60 } });

    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 503,
    });
    // Five minutes of failed reads, once a minute.
    expect(palette.requests).toHaveLength(6);
  });

  it('fails at once when the initiator may not read the cluster', async () => {
    const { palette, action } = setup(() =>
      errorReply(404, 'NotFoundError', 'No cluster named "demo"'),
    );
    const { ctx } = actionContext({ input: { name: 'demo' } });

    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No cluster named "demo"',
    });
    expect(palette.requests).toHaveLength(1);
  });

  describe('once the initiator’s token has expired', () => {
    const expired = () =>
      errorReply(401, 'AuthenticationError', 'Token has expired');

    it('follows the cluster the initiator could read with the scaffolder’s own credentials', async () => {
      let reads = 0;
      const { palette, action } = setup(({ authorization }) => {
        reads += 1;
        if (authorization === `Bearer ${tokenFor()}`) {
          return reads === 1 ? cluster({ phase: 'Provisioning' })() : expired();
        }
        return running();
      });
      const { ctx, outputs, logged } = actionContext({
        input: { name: 'demo' },
      });

      await action.handler(ctx);

      const service = await palette.auth.getOwnServiceCredentials();
      expect(palette.requests.map(r => r.authorization)).toEqual([
        `Bearer ${tokenFor()}`,
        `Bearer ${tokenFor()}`,
        `Bearer ${tokenFor(service)}`,
      ]);
      expect(logged('info')).toContain(
        "The sign-in of the template's user has expired; following cluster demo with the scaffolder's own credentials",
      );
      expect(outputs()).toMatchObject({ phase: 'Running' });
    });

    it('never reads as the scaffolder a cluster the initiator was not shown', async () => {
      const { palette, action } = setup(expired);
      const { ctx } = actionContext({ input: { name: 'demo' } });

      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'AuthenticationError',
      });
      expect(palette.requests).toHaveLength(1);
    });
  });

  it('rejects bad input before reading anything', async () => {
    const { palette, action } = setup(running);
    const { ctx } = actionContext({
      input: { name: 'demo', pollSeconds: 0 },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Invalid input to palette:cluster:wait: pollSeconds: Too small',
    );
    expect(palette.requests).toHaveLength(0);
  });
});
