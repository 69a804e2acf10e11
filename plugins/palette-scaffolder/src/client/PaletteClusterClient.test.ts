import { mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  clusterDetails,
  clusterRequest,
  errorReply,
  fakePalette,
  initiator,
  json,
  tokenFor,
} from '../__testUtils__/fakePalette';
import { PaletteClusterClient } from './PaletteClusterClient';

const call = { credentials: initiator };

describe('PaletteClusterClient', () => {
  it('requests a cluster on behalf of the caller', async () => {
    const created = clusterDetails();
    const palette = fakePalette(() => json(created, 201));

    await expect(
      palette.client.createCluster(clusterRequest(), call),
    ).resolves.toEqual(created);
    expect(palette.requests).toEqual([
      {
        method: 'POST',
        path: '/clusters',
        query: new URLSearchParams(),
        authorization: `Bearer ${tokenFor(initiator)}`,
        body: clusterRequest(),
      },
    ]);
  });

  it('dry-runs a request with dryRun=true', async () => {
    const reply = { valid: true, messages: [], manifests: [] };
    const palette = fakePalette(() => json(reply));

    await expect(
      palette.client.dryRunCluster(clusterRequest(), call),
    ).resolves.toEqual(reply);
    expect(palette.requests[0].method).toBe('POST');
    expect(palette.requests[0].query.get('dryRun')).toBe('true');
  });

  it('reads a cluster and its events by encoded name', async () => {
    const event = {
      id: '1',
      cluster: 'demo',
      at: '2026-11-24T10:00:00Z',
      type: 'phase',
      phase: 'Provisioning',
      reason: 'Applied',
      message: 'Applied 7 objects',
    };
    const palette = fakePalette(({ path }) =>
      path.endsWith('/events')
        ? json({ items: [event] })
        : json(clusterDetails()),
    );

    await palette.client.getCluster('a/b', call);
    await expect(
      palette.client.listClusterEvents('demo', { ...call, limit: 5 }),
    ).resolves.toEqual([event]);
    expect(palette.requests.map(r => [r.path, r.query.get('limit')])).toEqual([
      ['/clusters/a%2Fb', null],
      ['/clusters/demo/events', '5'],
    ]);
  });

  it.each([
    [400, 'InputError', 'name: must be a DNS-1123 label'],
    [401, 'AuthenticationError', 'Token expired'],
    [403, 'NotAllowedError', 'region: us-east-1 is not allowed for production'],
    [404, 'NotFoundError', 'No cluster named "demo"'],
    [409, 'ConflictError', 'Name taken: cluster demo exists'],
  ])(
    'throws a %s reply as %s with the server message',
    async (status, name, message) => {
      const palette = fakePalette(() => errorReply(status, name, message));

      const error = await palette.client.getCluster('demo', call).catch(e => e);
      expect(error.name).toBe(name);
      expect(error.message).toBe(message);
    },
  );

  it('keeps the status of other failures in a ResponseError', async () => {
    const palette = fakePalette(
      () => new Response('upstream down', { status: 503 }),
    );

    const error = await palette.client.getCluster('demo', call).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(503);
  });

  it('gives up on a request that outlives its timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(init.signal!.reason),
        ),
      );
    const client = new PaletteClusterClient({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: hanging,
      timeoutMs: 10,
    });

    await expect(client.getCluster('demo', call)).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});
