import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { ClusterCatalogRecord } from './ClusterCatalogSource';
import { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
import { subscribeToClusterEvents } from './subscribeToClusterEvents';
import { eksCluster } from './testFixtures';
import { FakeSource } from './__testUtils__/testUtils';

describe('subscribeToClusterEvents', () => {
  const logger = mockServices.logger.mock();

  async function setUp() {
    const source = new FakeSource<ClusterCatalogRecord>(eksCluster());
    const provider = new PaletteClusterEntityProvider({ source, logger });
    const mutations: EntityProviderMutation[] = [];
    await provider.connect({
      applyMutation: async mutation => {
        mutations.push(mutation);
      },
      refresh: async () => {},
    });
    // The real in-process events service, as the catalog plugin gets it.
    const root = DefaultEventsService.create({ logger });
    await subscribeToClusterEvents({
      events: root.forPlugin('catalog'),
      provider,
      logger,
    });
    const palette = root.forPlugin('palette');
    return { source, provider, mutations, palette };
  }

  beforeEach(() => jest.clearAllMocks());

  it('turns a palette.clusters event into a delta carrying the new phase', async () => {
    const { source, provider, mutations, palette } = await setUp();

    source.put(eksCluster({ phase: 'Degraded' }));
    await palette.publish({
      topic: 'palette.clusters',
      eventPayload: { name: 'payments-prod' },
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
              name: 'payments-prod',
              annotations: { 'palette.io/phase': 'Degraded' },
            },
          },
        },
      ],
    });
  });

  it('removes the entity when the event is about a deleted cluster', async () => {
    const { source, provider, mutations, palette } = await setUp();

    source.put(eksCluster({ phase: 'Deleted' }));
    await palette.publish({
      topic: 'palette.clusters',
      eventPayload: { name: 'payments-prod' },
    });
    await provider.idle();

    expect(mutations[1]).toMatchObject({
      type: 'delta',
      added: [],
      removed: [{ entityRef: 'resource:default/payments-prod' }],
    });
  });

  it('does not hold up the publisher while the delta reads the cluster', async () => {
    const { source, provider, mutations, palette } = await setUp();
    let release!: () => void;
    source.get.mockImplementationOnce(
      () =>
        new Promise(resolve => {
          release = () => resolve(eksCluster());
        }),
    );

    await palette.publish({
      topic: 'palette.clusters',
      eventPayload: { name: 'payments-prod' },
    });
    expect(source.get).toHaveBeenCalledTimes(1);
    expect(mutations).toHaveLength(1);

    release();
    await provider.idle();
    expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
  });

  it('ignores events without a cluster name and profile events', async () => {
    const { source, provider, mutations, palette } = await setUp();

    await palette.publish({ topic: 'palette.clusters', eventPayload: {} });
    await palette.publish({
      topic: 'palette.clusters',
      eventPayload: { name: ['payments-prod'] },
    });
    await palette.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 'payments-prod' },
    });
    await provider.idle();

    expect(source.get).not.toHaveBeenCalled();
    expect(mutations).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored a palette.clusters event without a cluster name',
    );
  });
});
