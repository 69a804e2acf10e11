import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { palettePlugin } from '../plugin';
import { devRequest } from '../clusters/testFixtures';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';

jest.setTimeout(120_000);

const alice = mockCredentials.user.header('user:default/alice');

/**
 * A scheduler that runs the rollout runner's task every 200 ms, as a real
 * one would at its frequency (the test backend's runs each task once);
 * reconciles follow each change on their own.
 */
function rolloutTicker() {
  const timers: NodeJS.Timeout[] = [];
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      if (task.id !== 'palette-rollouts') return;
      let running = false;
      timers.push(
        setInterval(() => {
          if (running) return;
          running = true;
          Promise.resolve(task.fn(new AbortController().signal)).finally(() => {
            running = false;
          });
        }, 200),
      );
    },
  });
  return {
    factory: scheduler.factory,
    stop: () => timers.forEach(clearInterval),
  };
}

/** The whole plugin on the embedded simulator: wiring, the scheduled runner, real reconciles. */
describe('rollouts through the plugin', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const ticker = rolloutTicker();
  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        palettePlugin,
        ticker.factory,
        steeredPermissions(createSteeredPolicy()).factory,
        mockServices.rootConfig.factory({
          data: {
            palette: {
              demoData: { seed: true },
              managementClusters: [
                { name: 'm', type: 'embedded', speed: 'instant' },
              ],
              clusters: { reconcileInterval: '1s', driftCheckInterval: '1s' },
              rollouts: { tickInterval: '1s' },
            },
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    ticker.stop();
    await backend.stop();
  });

  const api = () => request(backend.server);
  const get = (path: string) =>
    api().get(`/api/palette${path}`).set('authorization', alice);
  const post = (path: string, body: object) =>
    api().post(`/api/palette${path}`).set('authorization', alice).send(body);

  async function poll<T>(
    what: string,
    read: () => Promise<T>,
    done: (v: T) => boolean,
  ) {
    const deadline = Date.now() + 60_000;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (done(last)) return last;
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error(`${what} not reached; last: ${JSON.stringify(last)}`);
  }

  it('shows usage and updates, and moves the clusters to the new version in waves', async () => {
    for (const name of ['web-dev', 'web-stage']) {
      const created = await post(
        '/clusters',
        devRequest(name, {
          environment: name === 'web-dev' ? 'dev' : 'staging',
        }),
      );
      expect(created.status).toBe(201);
    }
    for (const name of ['web-dev', 'web-stage'])
      await poll(
        `${name} Running`,
        async () => (await get(`/clusters/${name}`)).body,
        c => c.phase === 'Running',
      );

    const usage = await get('/profiles/dev-full/usage');
    expect(usage.status).toBe(200);
    expect(usage.body).toEqual({
      profile: 'dev-full',
      latestVersion: '1.1.0',
      versions: [
        { version: '1.1.0', clusters: 0 },
        { version: '1.0.0', clusters: 2 },
      ],
    });
    const list = await get('/clusters');
    expect(list.body.items.map((c: any) => c.updateAvailable)).toEqual([
      '1.1.0',
      '1.1.0',
    ]);

    const rollout = await post('/rollouts', {
      profile: 'dev-full',
      targetVersion: '1.1.0',
      canarySize: 1,
      batchSize: 1,
    });
    expect(rollout.status).toBe(201);
    expect(rollout.body.waves.map((w: any) => w.clusters[0].name)).toEqual([
      'web-dev',
      'web-stage',
    ]);
    const done = await poll(
      'rollout Completed',
      async () => (await get(`/rollouts/${rollout.body.id}`)).body,
      r => r.status === 'Completed' || r.status === 'PartiallyApplied',
    );
    expect(done).toMatchObject({
      status: 'Completed',
      counts: { Succeeded: 2 },
    });
    const [dev, stage] = done.waves[0].clusters.concat(done.waves[1].clusters);
    // The staging wave started only once the canary had finished.
    expect(Date.parse(stage.startedAt)).toBeGreaterThanOrEqual(
      Date.parse(dev.finishedAt),
    );
    const after = await get('/profiles/dev-full/usage');
    expect(after.body.versions).toEqual([
      { version: '1.1.0', clusters: 2 },
      { version: '1.0.0', clusters: 0 },
    ]);
  });
});
