import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import {
  DEFAULT_PROFILE_SYNC_SCHEDULE,
  PaletteProfileEntityProvider,
} from './PaletteProfileEntityProvider';
import { ProfileCatalogSource } from './ProfileCatalogSource';
import { awsInfraProfile, draftOnlyProfile } from './testFixtures';
import {
  deferred,
  FakeSource as GenericFakeSource,
  fakeConnection,
  flush,
  namesOf,
} from './__testUtils__/testUtils';

/** An in-memory source whose profiles the tests change. */
class FakeSource extends GenericFakeSource<ProfileSummary> {
  get profiles() {
    return this.items;
  }
}

describe('PaletteProfileEntityProvider', () => {
  const logger = mockServices.logger.mock();

  beforeEach(() => jest.clearAllMocks());

  function createProvider(
    source: ProfileCatalogSource,
    options: Partial<
      ConstructorParameters<typeof PaletteProfileEntityProvider>[0]
    > = {},
  ) {
    return new PaletteProfileEntityProvider({
      source,
      logger,
      appBaseUrl: 'https://portal.example.com',
      ...options,
    });
  }

  it('is named palette-profiles', () => {
    expect(createProvider(new FakeSource()).getProviderName()).toBe(
      'palette-profiles',
    );
  });

  it('applies a full mutation of every profile on connect', async () => {
    const source = new FakeSource(awsInfraProfile(), draftOnlyProfile());
    const { connection, mutations } = fakeConnection();

    await createProvider(source).connect(connection);

    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    expect(mutation.type).toBe('full');
    if (mutation.type !== 'full') throw new Error('unreachable');
    expect(namesOf(mutation.entities)).toEqual(['aws-infra', 'edge-addons']);
    for (const deferredEntity of mutation.entities) {
      expect(deferredEntity.locationKey).toBe('palette:profiles');
      expect(deferredEntity.entity).toMatchObject({
        kind: 'Resource',
        spec: { type: 'cluster-profile' },
      });
    }
    const aws = mutation.entities.find(
      e => e.entity.metadata.name === 'aws-infra',
    )!;
    expect(aws.entity.metadata.links).toEqual([
      expect.objectContaining({
        url: 'https://portal.example.com/palette/profiles/aws-infra',
      }),
    ]);
  });

  it('adds a changed profile with a delta carrying its new state', async () => {
    const source = new FakeSource(awsInfraProfile());
    const { connection, mutations } = fakeConnection();
    const provider = createProvider(source);
    await provider.connect(connection);

    source.put(
      awsInfraProfile({ latestVersion: '2.0.0', tags: ['aws', 'gpu'] }),
    );
    await provider.profileChanged('aws-infra');

    expect(source.get).toHaveBeenCalledWith('aws-infra');
    expect(mutations).toHaveLength(2);
    const delta = mutations[1];
    expect(delta).toMatchObject({ type: 'delta', removed: [] });
    if (delta.type !== 'delta') throw new Error('unreachable');
    expect(delta.added).toHaveLength(1);
    expect(delta.added[0].locationKey).toBe('palette:profiles');
    expect(delta.added[0].entity.metadata).toMatchObject({
      name: 'aws-infra',
      tags: ['aws', 'gpu'],
      annotations: { 'palette.io/latest-version': '2.0.0' },
    });
  });

  it('removes a deleted profile by entity ref with a delta', async () => {
    const source = new FakeSource(awsInfraProfile());
    const { connection, mutations } = fakeConnection();
    const provider = createProvider(source, { namespace: 'palette' });
    await provider.connect(connection);

    source.profiles.delete('aws-infra');
    await provider.profileChanged('aws-infra');

    expect(mutations[1]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'resource:palette/aws-infra',
          locationKey: 'palette:profiles',
        },
      ],
    });
  });

  it('replaces everything with a full mutation on refresh', async () => {
    const source = new FakeSource(awsInfraProfile(), draftOnlyProfile());
    const { connection, mutations } = fakeConnection();
    const provider = createProvider(source);
    await provider.connect(connection);

    source.profiles.delete('edge-addons');
    source.put(awsInfraProfile({ name: 'gcp-infra', cloudType: 'gcp' }));
    await provider.refresh();

    expect(source.listAll).toHaveBeenCalledTimes(2);
    expect(mutations).toHaveLength(2);
    const mutation = mutations[1];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(namesOf(mutation.entities)).toEqual(['aws-infra', 'gcp-infra']);
  });

  it('drops duplicate profiles from a full mutation', async () => {
    const source = new FakeSource();
    source.listAll.mockResolvedValueOnce([
      awsInfraProfile({ latestVersion: '1.9.0' }),
      awsInfraProfile(),
    ]);
    const { connection, mutations } = fakeConnection();
    await createProvider(source).connect(connection);

    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(mutation.entities).toHaveLength(1);
    expect(
      mutation.entities[0].entity.metadata.annotations![
        'palette.io/latest-version'
      ],
    ).toBe('1.10.0');
  });

  describe('before connect', () => {
    it('neither crashes nor reads the source, and the connect sync covers earlier changes', async () => {
      const source = new FakeSource(awsInfraProfile());
      const provider = createProvider(source);

      await expect(provider.refresh()).resolves.toBeUndefined();
      await expect(provider.profileChanged('aws-infra')).resolves.toBe(
        undefined,
      );
      expect(source.listAll).not.toHaveBeenCalled();
      expect(source.get).not.toHaveBeenCalled();

      const { connection, mutations } = fakeConnection();
      await provider.connect(connection);
      await provider.idle();

      expect(mutations.map(m => m.type)).toEqual(['full']);
      expect(source.get).not.toHaveBeenCalled();
    });

    it('applies earlier changes as deltas when the first full sync fails', async () => {
      const source = new FakeSource(awsInfraProfile());
      source.listAll.mockRejectedValueOnce(new Error('palette is down'));
      const provider = createProvider(source);
      await provider.profileChanged('aws-infra');
      await provider.profileChanged('deleted-one');

      const { connection, mutations } = fakeConnection();
      await provider.connect(connection);

      expect(mutations).toEqual([
        expect.objectContaining({
          type: 'delta',
          added: [
            expect.objectContaining({
              entity: expect.objectContaining({
                metadata: expect.objectContaining({ name: 'aws-infra' }),
              }),
            }),
          ],
        }),
        expect.objectContaining({
          type: 'delta',
          removed: [
            expect.objectContaining({
              entityRef: 'resource:default/deleted-one',
            }),
          ],
        }),
      ]);
    });
  });

  describe('failures', () => {
    it('logs a failing listing instead of throwing out of connect or refresh', async () => {
      const source = new FakeSource(awsInfraProfile());
      source.listAll.mockRejectedValue(new Error('palette is down'));
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source);

      await expect(provider.connect(connection)).resolves.toBeUndefined();
      await expect(provider.refresh()).resolves.toBeUndefined();

      expect(mutations).toHaveLength(0);
      expect(logger.error).toHaveBeenCalledTimes(2);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('palette is down'),
      );
    });

    it('logs a failing delta and keeps serving later ones', async () => {
      const source = new FakeSource(awsInfraProfile());
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source);
      await provider.connect(connection);

      source.get.mockRejectedValueOnce(new Error('timeout'));
      await expect(provider.profileChanged('aws-infra')).resolves.toBe(
        undefined,
      );
      connection.applyMutation.mockRejectedValueOnce(new Error('db locked'));
      await expect(provider.profileChanged('aws-infra')).resolves.toBe(
        undefined,
      );
      await provider.profileChanged('aws-infra');

      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('timeout'),
      );
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('db locked'),
      );
      expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
    });

    it('ignores a change with a name that is not a profile name', async () => {
      const source = new FakeSource();
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source);
      await provider.connect(connection);

      await provider.profileChanged('../etc/passwd');
      await provider.profileChanged('');

      expect(source.get).not.toHaveBeenCalled();
      expect(mutations).toHaveLength(1);
      expect(logger.warn).toHaveBeenCalledTimes(2);
    });
  });

  describe('ordering', () => {
    it('applies a delta requested during a full sync after that sync', async () => {
      const source = new FakeSource(awsInfraProfile());
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source);
      await provider.connect(connection);

      const listing = deferred<ProfileSummary[]>();
      const stale = [awsInfraProfile()];
      source.listAll.mockReturnValueOnce(listing.promise);
      const refreshing = provider.refresh();
      source.profiles.delete('aws-infra');
      const changing = provider.profileChanged('aws-infra');
      await flush();
      // The delta waits for the full sync rather than racing it.
      expect(source.get).not.toHaveBeenCalled();
      expect(mutations).toHaveLength(1);
      listing.resolve(stale);
      await Promise.all([refreshing, changing]);

      // The stale full sync lands first, the deletion after it.
      expect(mutations.map(m => m.type)).toEqual(['full', 'full', 'delta']);
      expect(mutations[2]).toMatchObject({
        removed: [{ entityRef: 'resource:default/aws-infra' }],
      });
    });

    it('reads a profile once for a burst of changes queued behind other work', async () => {
      const source = new FakeSource(awsInfraProfile());
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source);
      await provider.connect(connection);

      const listing = deferred<ProfileSummary[]>();
      source.listAll.mockReturnValueOnce(listing.promise);
      const refreshing = provider.refresh();
      const changes = [provider.profileChanged('aws-infra')];
      await flush();
      changes.push(provider.profileChanged('aws-infra'));
      await flush();
      changes.push(provider.profileChanged('aws-infra'));
      expect(source.get).not.toHaveBeenCalled();
      listing.resolve([awsInfraProfile()]);
      await Promise.all([refreshing, ...changes]);

      expect(source.get).toHaveBeenCalledTimes(1);
      expect(mutations.map(m => m.type)).toEqual(['full', 'full', 'delta']);
    });
  });

  describe('initial sync', () => {
    it('can run in the background so connect does not wait for the source', async () => {
      const source = new FakeSource();
      const listing = deferred<ProfileSummary[]>();
      source.listAll.mockReturnValueOnce(listing.promise);
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source, { initialSync: 'background' });

      await provider.connect(connection);
      expect(mutations).toHaveLength(0);

      listing.resolve([awsInfraProfile()]);
      await provider.idle();
      expect(mutations.map(m => m.type)).toEqual(['full']);
    });

    it('can be deferred to the first refresh', async () => {
      const source = new FakeSource(awsInfraProfile());
      const { connection, mutations } = fakeConnection();
      const provider = createProvider(source, { initialSync: 'deferred' });

      await provider.connect(connection);
      await provider.idle();
      expect(source.listAll).not.toHaveBeenCalled();

      await provider.refresh();
      expect(mutations.map(m => m.type)).toEqual(['full']);
    });
  });

  describe('scheduling', () => {
    function fakeRunner() {
      const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
      return {
        tasks,
        runner: {
          run: jest.fn(
            async (task: SchedulerServiceTaskInvocationDefinition) => {
              tasks.push(task);
            },
          ),
        },
      };
    }

    it('schedules a full sync once connected, and the task never throws', async () => {
      const source = new FakeSource(awsInfraProfile());
      const { tasks, runner } = fakeRunner();
      const { connection, mutations } = fakeConnection();
      const provider = PaletteProfileEntityProvider.create({
        source,
        logger,
        schedule: runner,
      });
      expect(runner.run).not.toHaveBeenCalled();

      await provider.connect(connection);
      expect(tasks).toHaveLength(1);
      expect(tasks[0].id).toBe('palette-profiles:refresh');

      source.put(draftOnlyProfile());
      await tasks[0].fn(new AbortController().signal);
      expect(mutations).toHaveLength(2);
      const mutation = mutations[1];
      if (mutation.type !== 'full') throw new Error('expected a full mutation');
      expect(namesOf(mutation.entities)).toEqual(['aws-infra', 'edge-addons']);

      source.listAll.mockRejectedValueOnce(new Error('palette is down'));
      await expect(
        tasks[0].fn(new AbortController().signal),
      ).resolves.toBeUndefined();
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('palette is down'),
      );
    });

    it('creates a runner with the default schedule from a scheduler', async () => {
      const { tasks, runner } = fakeRunner();
      const scheduler = mockServices.scheduler.mock({
        createScheduledTaskRunner: jest.fn(() => runner),
      });
      const provider = PaletteProfileEntityProvider.create({
        source: new FakeSource(),
        logger,
        scheduler,
      });
      expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
        DEFAULT_PROFILE_SYNC_SCHEDULE,
      );
      expect(DEFAULT_PROFILE_SYNC_SCHEDULE).toMatchObject({
        frequency: { minutes: 30 },
        initialDelay: { seconds: 30 },
      });

      await provider.connect(fakeConnection().connection);
      expect(tasks.map(t => t.id)).toEqual(['palette-profiles:refresh']);
    });

    it('still connects when scheduling fails', async () => {
      const runner = {
        run: jest.fn(async () => {
          throw new Error('duplicate task id');
        }),
      };
      const { connection, mutations } = fakeConnection();
      const provider = PaletteProfileEntityProvider.create({
        source: new FakeSource(awsInfraProfile()),
        logger,
        schedule: runner,
      });

      await expect(provider.connect(connection)).resolves.toBeUndefined();
      expect(mutations.map(m => m.type)).toEqual(['full']);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('duplicate task id'),
      );
    });
  });
});
