import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import { subscribeToProfileEvents } from './subscribeToProfileEvents';
import { awsInfraProfile } from './testFixtures';

describe('subscribeToProfileEvents', () => {
  const logger = mockServices.logger.mock();

  async function setUp() {
    const profiles = new Map<string, ProfileSummary>([
      ['aws-infra', awsInfraProfile()],
    ]);
    const source = {
      listAll: jest.fn(async () => [...profiles.values()]),
      get: jest.fn(async (name: string) => profiles.get(name)),
    };
    const provider = new PaletteProfileEntityProvider({ source, logger });
    const mutations: EntityProviderMutation[] = [];
    await provider.connect({
      applyMutation: async mutation => {
        mutations.push(mutation);
      },
      refresh: async () => {},
    });
    // The real in-process events service, as the catalog plugin gets it.
    const root = DefaultEventsService.create({ logger });
    await subscribeToProfileEvents({
      events: root.forPlugin('catalog'),
      provider,
      logger,
    });
    const palette = root.forPlugin('palette');
    return { profiles, source, provider, mutations, palette };
  }

  beforeEach(() => jest.clearAllMocks());

  it('turns a palette.profiles event into a delta for that profile', async () => {
    const { profiles, provider, mutations, palette } = await setUp();

    profiles.set('aws-infra', awsInfraProfile({ latestVersion: '3.0.0' }));
    await palette.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 'aws-infra' },
    });
    await provider.idle();

    expect(mutations).toHaveLength(2);
    expect(mutations[1]).toMatchObject({
      type: 'delta',
      removed: [],
      added: [
        {
          entity: {
            metadata: {
              name: 'aws-infra',
              annotations: { 'palette.io/latest-version': '3.0.0' },
            },
          },
        },
      ],
    });
  });

  it('removes the entity when the event is about a deleted profile', async () => {
    const { profiles, provider, mutations, palette } = await setUp();

    profiles.delete('aws-infra');
    await palette.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 'aws-infra' },
    });
    await provider.idle();

    expect(mutations[1]).toMatchObject({
      type: 'delta',
      added: [],
      removed: [{ entityRef: 'resource:default/aws-infra' }],
    });
  });

  it('does not hold up the publisher while the delta reads the profile', async () => {
    const { source, provider, mutations, palette } = await setUp();
    let release!: () => void;
    source.get.mockImplementationOnce(
      () =>
        new Promise(resolve => {
          release = () => resolve(awsInfraProfile());
        }),
    );

    await palette.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 'aws-infra' },
    });
    expect(source.get).toHaveBeenCalledTimes(1);
    expect(mutations).toHaveLength(1);

    release();
    await provider.idle();
    expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
  });

  it('ignores events without a profile name and other topics', async () => {
    const { source, provider, mutations, palette } = await setUp();

    await palette.publish({ topic: 'palette.profiles', eventPayload: {} });
    await palette.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 42 },
    });
    await palette.publish({ topic: 'palette.profiles', eventPayload: null });
    await palette.publish({
      topic: 'palette.clusters',
      eventPayload: { name: 'aws-infra' },
    });
    await provider.idle();

    expect(source.get).not.toHaveBeenCalled();
    expect(mutations).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });
});
