import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { PALETTE_CLUSTERS_EVENT_TOPIC } from './constants';
import { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
import { subscribeToPaletteEvents } from './subscribeToPaletteEvents';

/** The subscriber ID; instances sharing it share the events. @public */
export const PALETTE_CLUSTERS_SUBSCRIBER_ID =
  'palette-clusters-entity-provider';

/**
 * Turns every `palette.clusters` event (`{ name }`) into a delta of the
 * provider, without holding up the publisher, so that lifecycle changes
 * reach the catalog within seconds.
 *
 * @public
 */
export async function subscribeToClusterEvents(options: {
  events: EventsService;
  provider: Pick<PaletteClusterEntityProvider, 'clusterChanged'>;
  logger: LoggerService;
}): Promise<void> {
  const { events, provider, logger } = options;
  await subscribeToPaletteEvents({
    events,
    logger,
    subscriberId: PALETTE_CLUSTERS_SUBSCRIBER_ID,
    topic: PALETTE_CLUSTERS_EVENT_TOPIC,
    noun: 'cluster',
    onChange: name => provider.clusterChanged(name),
  });
}
