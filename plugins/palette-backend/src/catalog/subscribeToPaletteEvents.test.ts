import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { subscribeToPaletteEvents } from './subscribeToPaletteEvents';
import { deferred, flush } from './__testUtils__/testUtils';

/*
 * What every Palette event subscription does; subscribeToClusterEvents and
 * subscribeToProfileEvents are tested for what is particular to their kind.
 */
describe('subscribeToPaletteEvents', () => {
  const logger = mockServices.logger.mock();

  async function setUp(onChange: (name: string) => Promise<void>) {
    // The real in-process events service, as the catalog plugin gets it.
    const root = DefaultEventsService.create({ logger });
    const changed = jest.fn(onChange);
    await subscribeToPaletteEvents({
      events: root.forPlugin('catalog'),
      logger,
      subscriberId: 'palette-things-entity-provider',
      topic: 'palette.things',
      noun: 'thing',
      onChange: changed,
    });
    return { changed, palette: root.forPlugin('palette') };
  }

  beforeEach(() => jest.clearAllMocks());

  it('does not hold up the publisher while the change reads the record', async () => {
    const read = deferred<void>();
    const { changed, palette } = await setUp(() => read.promise);

    // Resolves although the change it started has not finished.
    await palette.publish({
      topic: 'palette.things',
      eventPayload: { name: 'payments-prod' },
    });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledWith('payments-prod');

    read.resolve();
    await flush();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('logs a change that fails', async () => {
    const { palette } = await setUp(async () => {
      throw new Error('palette-backend is down');
    });

    await palette.publish({
      topic: 'palette.things',
      eventPayload: { name: 'payments-prod' },
    });
    await flush();

    expect(logger.error).toHaveBeenCalledWith(
      'Could not apply the change of thing payments-prod: Error: palette-backend is down',
    );
  });

  it('ignores, with a warning, events without a name, and other topics', async () => {
    const { changed, palette } = await setUp(async () => {});

    const malformed = [{}, { name: ['payments-prod'] }, { name: 42 }, null];
    for (const eventPayload of malformed) {
      await palette.publish({ topic: 'palette.things', eventPayload });
    }
    await palette.publish({
      topic: 'palette.others',
      eventPayload: { name: 'payments-prod' },
    });
    await flush();

    expect(changed).not.toHaveBeenCalled();
    expect(logger.warn.mock.calls).toEqual(
      malformed.map(() => [
        'Ignored a palette.things event without a thing name',
      ]),
    );
  });
});
