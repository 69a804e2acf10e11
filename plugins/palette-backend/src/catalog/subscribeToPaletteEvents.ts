import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';

function changedNameOf(payload: unknown): string | undefined {
  if (typeof payload === 'object' && payload !== null && 'name' in payload) {
    const { name } = payload as { name: unknown };
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/**
 * Calls `onChange` with the name carried by every event of one Palette
 * topic (`{ name }`). `onChange` is not awaited: the publisher may be waiting
 * for its subscribers while the change is read back from palette-backend.
 */
export async function subscribeToPaletteEvents(options: {
  events: EventsService;
  logger: LoggerService;
  /** Instances of the backend sharing it share the events. */
  subscriberId: string;
  topic: string;
  /** For logs, e.g. `profile`. */
  noun: string;
  onChange(name: string): Promise<void>;
}): Promise<void> {
  const { events, logger, subscriberId, topic, noun, onChange } = options;
  await events.subscribe({
    id: subscriberId,
    topics: [topic],
    onEvent: async params => {
      const name = changedNameOf(params.eventPayload);
      if (name === undefined) {
        logger.warn(`Ignored a ${topic} event without a ${noun} name`);
        return;
      }
      onChange(name).catch(error => {
        logger.error(`Could not apply the change of ${noun} ${name}: ${error}`);
      });
    },
  });
}
