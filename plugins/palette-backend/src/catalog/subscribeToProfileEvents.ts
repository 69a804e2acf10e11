import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { PALETTE_PROFILES_EVENT_TOPIC } from './constants';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import { subscribeToPaletteEvents } from './subscribeToPaletteEvents';

/** The subscriber ID; instances sharing it share the events. @public */
export const PALETTE_PROFILES_SUBSCRIBER_ID =
  'palette-profiles-entity-provider';

/**
 * Turns every `palette.profiles` event (`{ name }`) into a delta of the
 * provider, without holding up the publisher.
 *
 * @public
 */
export async function subscribeToProfileEvents(options: {
  events: EventsService;
  provider: Pick<PaletteProfileEntityProvider, 'profileChanged'>;
  logger: LoggerService;
}): Promise<void> {
  const { events, provider, logger } = options;
  await subscribeToPaletteEvents({
    events,
    logger,
    subscriberId: PALETTE_PROFILES_SUBSCRIBER_ID,
    topic: PALETTE_PROFILES_EVENT_TOPIC,
    noun: 'profile',
    onChange: name => provider.profileChanged(name),
  });
}
