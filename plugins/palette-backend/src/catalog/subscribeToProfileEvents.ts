import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { PALETTE_PROFILES_EVENT_TOPIC } from './constants';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';

/** The subscriber ID; instances sharing it share the events. @public */
export const PALETTE_PROFILES_SUBSCRIBER_ID =
  'palette-profiles-entity-provider';

function profileNameOf(payload: unknown): string | undefined {
  if (typeof payload === 'object' && payload !== null && 'name' in payload) {
    const { name } = payload as { name: unknown };
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/**
 * Turns every `palette.profiles` event (`{ name }`) into a delta of the
 * provider. The delta is not awaited: the publisher may be waiting for its
 * subscribers while the delta calls palette-backend back.
 *
 * @public
 */
export async function subscribeToProfileEvents(options: {
  events: EventsService;
  provider: Pick<PaletteProfileEntityProvider, 'profileChanged'>;
  logger: LoggerService;
}): Promise<void> {
  const { events, provider, logger } = options;
  await events.subscribe({
    id: PALETTE_PROFILES_SUBSCRIBER_ID,
    topics: [PALETTE_PROFILES_EVENT_TOPIC],
    onEvent: async params => {
      const name = profileNameOf(params.eventPayload);
      if (name === undefined) {
        logger.warn(
          `Ignored a ${PALETTE_PROFILES_EVENT_TOPIC} event without a profile name`,
        );
        return;
      }
      provider.profileChanged(name).catch(error => {
        logger.error(`Could not apply the change of profile ${name}: ${error}`);
      });
    },
  });
}
