import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { Apis, LocationDisplay } from '../../profiles/__testUtils__/fixtures';
import { rollout, rolloutCluster, wave } from '../__testUtils__/fixtures';
import { CreateRolloutDialog } from './CreateRolloutDialog';

type Api = ReturnType<typeof fakeClusterApi>;

const render = (
  api: Api,
  preset?: { profile: string; targetVersion: string },
) =>
  renderInTestApp(
    <Apis api={api}>
      <Routes>
        <Route
          path="/palette/rollouts"
          element={<CreateRolloutDialog preset={preset} onClose={jest.fn()} />}
        />
      </Routes>
      <LocationDisplay />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/rollouts'] },
  );

const plan = rollout({
  id: '',
  status: 'Pending',
  message: undefined,
  waves: [
    wave(0, [rolloutCluster({ name: 'dev-eks-01' })]),
    wave(1, [
      rolloutCluster({ name: 'dev-eks-02' }),
      rolloutCluster({
        name: 'dev-eks-04',
        status: 'Skipped',
        message: 'paused: resume it to include it',
      }),
    ]),
  ],
});

describe('CreateRolloutDialog', () => {
  it('previews the waves of a plan with the skipped clusters, then starts the rollout and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      planRollout: async () => plan,
      createRollout: async () => rollout({ id: 'r-9', status: 'Running' }),
    });
    await render(api);
    const form = within(
      await screen.findByRole('form', { name: 'New rollout' }),
    );

    await waitFor(() =>
      expect(
        form.getByRole('option', { name: 'AWS infrastructure (aws-infra)' }),
      ).toBeInTheDocument(),
    );
    await user.selectOptions(form.getByLabelText(/^Profile/), 'aws-infra');
    // 1.0.0 is deprecated: only 1.1.0 may be rolled out.
    const version = form.getByLabelText(/^Target version/);
    expect(
      within(version)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Choose a version', '1.1.0 (latest)']);
    await user.selectOptions(version, '1.1.0');
    await user.type(form.getByLabelText('Environments'), 'dev{enter}');
    await user.type(form.getByLabelText('Teams'), 'team-apollo{enter}');
    await user.clear(form.getByLabelText(/^Batch size/));
    await user.type(form.getByLabelText(/^Batch size/), '10');

    await user.click(form.getByRole('button', { name: 'Preview plan' }));
    const region = within(
      await screen.findByRole('region', { name: 'Rollout plan' }),
    );
    expect(api.planRollout).toHaveBeenCalledWith({
      profile: 'aws-infra',
      targetVersion: '1.1.0',
      selector: {
        environments: ['dev'],
        owners: ['group:default/team-apollo'],
      },
      canarySize: 1,
      batchSize: 10,
      healthTimeoutMinutes: 60,
    });
    expect(
      region.getByText('Plan: 2 clusters in 2 waves, 1 skipped.'),
    ).toBeInTheDocument();
    const canary = within(
      region.getByRole('table', { name: 'Clusters of Wave 1 · canary' }),
    );
    expect(canary.getByRole('link', { name: 'dev-eks-01' })).toHaveAttribute(
      'href',
      '/palette/clusters/dev-eks-01',
    );
    expect(canary.getByText('1.0.0 → 1.1.0')).toBeInTheDocument();
    const skipped = within(
      region.getByRole('table', { name: 'Skipped clusters' }),
    );
    expect(skipped.getByText('dev-eks-04')).toBeInTheDocument();
    expect(
      skipped.getByText('paused: resume it to include it'),
    ).toBeInTheDocument();
    expect(
      region.queryByRole('table', { name: /Clusters of Wave 2/ }),
    ).toBeInTheDocument();

    await user.click(form.getByRole('button', { name: 'Start rollout' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/palette/rollouts/r-9',
      ),
    );
    expect(api.createRollout).toHaveBeenCalledWith(
      expect.objectContaining({ profile: 'aws-infra', batchSize: 10 }),
    );
  });

  it('says what to fix before it plans, and starts from a preset version', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({ planRollout: async () => plan });
    await render(api, { profile: 'aws-infra', targetVersion: '1.1.0' });
    const form = within(
      await screen.findByRole('form', { name: 'New rollout' }),
    );
    await waitFor(() =>
      expect(form.getByLabelText(/^Profile/)).toHaveValue('aws-infra'),
    );
    expect(form.getByLabelText(/^Target version/)).toHaveValue('1.1.0');

    await user.clear(form.getByLabelText(/^Canary size/));
    await user.type(form.getByLabelText(/^Canary size/), '0');
    await user.click(form.getByRole('button', { name: 'Preview plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Fix these first: Canary size: /,
    );
    expect(api.planRollout).not.toHaveBeenCalled();
  });
});
