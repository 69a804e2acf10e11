import { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
import { subscribeToClusterEvents } from './subscribeToClusterEvents';
import { eksCluster } from './testFixtures';
import {
  removalOf,
  subscribedProvider,
  upsertOf,
} from './__testUtils__/subscribedProvider';

describe('subscribeToClusterEvents', () => {
  const subscribed = () =>
    subscribedProvider({
      items: [eksCluster()],
      providerClass: PaletteClusterEntityProvider,
      subscribe: subscribeToClusterEvents,
    });

  it('turns a palette.clusters event into a delta carrying the new phase', async () => {
    const { source, mutations, publish } = await subscribed();

    source.put(eksCluster({ phase: 'Degraded' }));
    await publish('palette.clusters', { name: 'payments-prod' });

    expect(source.get).toHaveBeenCalledWith('payments-prod');
    expect(mutations).toMatchObject([
      { type: 'full' },
      upsertOf('payments-prod', { 'palette.io/phase': 'Degraded' }),
    ]);
  });

  it('removes the entity when the event is about a deleted cluster', async () => {
    const { source, mutations, publish } = await subscribed();

    source.put(eksCluster({ phase: 'Deleted' }));
    await publish('palette.clusters', { name: 'payments-prod' });

    expect(mutations[1]).toMatchObject(removalOf('payments-prod'));
  });

  it('names clusters in the warning about an event without a name', async () => {
    const { logger, publish } = await subscribed();

    await publish('palette.clusters', {});

    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored a palette.clusters event without a cluster name',
    );
  });
});
