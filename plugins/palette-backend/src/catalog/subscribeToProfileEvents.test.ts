import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import { subscribeToProfileEvents } from './subscribeToProfileEvents';
import { awsInfraProfile } from './testFixtures';
import {
  removalOf,
  subscribedProvider,
  upsertOf,
} from './__testUtils__/subscribedProvider';

describe('subscribeToProfileEvents', () => {
  const subscribed = () =>
    subscribedProvider({
      items: [awsInfraProfile()],
      providerClass: PaletteProfileEntityProvider,
      subscribe: subscribeToProfileEvents,
    });

  it('turns a palette.profiles event into a delta for that profile', async () => {
    const { source, mutations, publish } = await subscribed();

    source.put(awsInfraProfile({ latestVersion: '3.0.0' }));
    await publish('palette.profiles', { name: 'aws-infra' });

    expect(source.get).toHaveBeenCalledWith('aws-infra');
    expect(mutations).toMatchObject([
      { type: 'full' },
      upsertOf('aws-infra', { 'palette.io/latest-version': '3.0.0' }),
    ]);
  });

  it('removes the entity when the event is about a deleted profile', async () => {
    const { source, mutations, publish } = await subscribed();

    source.items.delete('aws-infra');
    await publish('palette.profiles', { name: 'aws-infra' });

    expect(mutations[1]).toMatchObject(removalOf('aws-infra'));
  });

  it('names profiles in the warning about an event without a name', async () => {
    const { logger, publish } = await subscribed();

    await publish('palette.profiles', {});

    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored a palette.profiles event without a profile name',
    );
  });
});
