import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  DefaultEventsService,
  EventsService,
} from '@backstage/plugin-events-node';
import { FakeSource, fakeConnection } from './testUtils';

/**
 * Test set-up of the `subscribeTo*Events` wrappers, whose tests cover what is
 * particular to their kind (subscribeToPaletteEvents.test.ts covers the
 * rest): a `providerClass` of a source holding `items`, connected to a catalog
 * connection that records its mutations, subscribed with `subscribe` to the
 * real in-process events service, as the catalog plugin gets it.
 *
 * `publish` sends an event as palette-backend does and resolves once the
 * provider has applied whatever the event started.
 */
export async function subscribedProvider<
  T extends { name: string },
  P extends {
    connect(connection: EntityProviderConnection): Promise<void>;
    idle(): Promise<void>;
  },
>(options: {
  items: T[];
  providerClass: new (options: {
    source: FakeSource<T>;
    logger: LoggerService;
  }) => P;
  /** `P` comes from `providerClass`: `subscribe` takes less of it. */
  subscribe(options: {
    events: EventsService;
    provider: NoInfer<P>;
    logger: LoggerService;
  }): Promise<void>;
}) {
  const { items, providerClass: Provider, subscribe } = options;
  const source = new FakeSource(...items);
  const logger = mockServices.logger.mock();
  const provider = new Provider({ source, logger });
  const { connection, mutations } = fakeConnection();
  await provider.connect(connection);
  const root = DefaultEventsService.create({ logger });
  await subscribe({ events: root.forPlugin('catalog'), provider, logger });
  const palette = root.forPlugin('palette');

  async function publish(topic: string, eventPayload: unknown) {
    await palette.publish({ topic, eventPayload });
    await provider.idle();
  }

  return { source, logger, mutations, publish };
}

/** Matches the delta that adds or updates the entity `name`. */
export function upsertOf(name: string, annotations: Record<string, string>) {
  return {
    type: 'delta',
    removed: [],
    added: [{ entity: { metadata: { name, annotations } } }],
  };
}

/** Matches the delta that removes the entity `name`. */
export function removalOf(name: string) {
  return {
    type: 'delta',
    added: [],
    removed: [{ entityRef: `resource:default/${name}` }],
  };
}
