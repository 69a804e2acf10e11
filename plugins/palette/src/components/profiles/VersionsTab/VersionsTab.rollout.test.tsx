import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rootRouteRef } from '../../../routes';
import { Apis, awsInfra, fakePaletteApi } from '../__testUtils__/fixtures';
import { VersionsTab } from './VersionsTab';
import { versionUsageOf } from './versionUsage';

const render = (api: ReturnType<typeof fakePaletteApi>) =>
  renderInTestApp(
    <Apis api={api}>
      <VersionsTab
        profile={awsInfra()}
        permissions={{ canPublish: false, canDelete: false }}
        onProfileChange={jest.fn()}
        onVersionDeleted={jest.fn()}
      />
    </Apis>,
    { mountedRoutes: { '/palette': rootRouteRef } },
  );

const row = (version: string) =>
  within(screen.getByRole('row', { name: `Version ${version}` }));

describe('VersionsTab usage and rollouts', () => {
  it('shows how many clusters run each version, and rolls the newest out to those behind', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      getProfileUsage: async () => ({
        profile: 'aws-infra',
        latestVersion: '1.1.0',
        versions: [
          { version: '1.0.0', clusters: 4 },
          { version: '1.1.0', clusters: 2 },
        ],
      }),
    });
    await render(api);
    await waitFor(() =>
      expect(row('1.0.0').getByText('4')).toBeInTheDocument(),
    );
    expect(row('1.1.0').getByText('2')).toBeInTheDocument();
    expect(api.getProfileUsage).toHaveBeenCalledWith('aws-infra');
    // Nothing runs a version older than 1.0.0, which is deprecated anyway.
    expect(
      row('1.0.0').queryByRole('button', { name: 'Roll out' }),
    ).not.toBeInTheDocument();

    await user.click(row('1.1.0').getByRole('button', { name: 'Roll out' }));
    const form = within(
      await screen.findByRole('form', { name: 'New rollout' }),
    );
    expect(form.getByLabelText(/^Profile/)).toHaveValue('aws-infra');
    expect(form.getByLabelText(/^Target version/)).toHaveValue('1.1.0');
  });

  it('offers no rollout when every cluster runs the newest version', async () => {
    const api = fakePaletteApi({
      getProfileUsage: async () => ({
        profile: 'aws-infra',
        versions: [{ version: '1.1.0', clusters: 3 }],
      }),
    });
    await render(api);
    await waitFor(() =>
      expect(row('1.1.0').getByText('3')).toBeInTheDocument(),
    );
    expect(row('1.0.0').getByText('0')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Roll out' }),
    ).not.toBeInTheDocument();
  });
});

describe('versionUsageOf', () => {
  it('counts clusters on and behind a version by semver, not by text', () => {
    const usage = versionUsageOf({
      profile: 'p',
      versions: [
        { version: '1.9.0', clusters: 1 },
        { version: '1.10.0', clusters: 2 },
        { version: '2.0.0', clusters: 5 },
      ],
    });
    expect(usage.clustersOn('1.10.0')).toBe(2);
    expect(usage.clustersOn('3.0.0')).toBe(0);
    expect(usage.clustersBehind('1.10.0')).toBe(1);
    expect(usage.clustersBehind('2.0.0')).toBe(3);
    expect(versionUsageOf(undefined).clustersOn('1.0.0')).toBeUndefined();
  });
});
