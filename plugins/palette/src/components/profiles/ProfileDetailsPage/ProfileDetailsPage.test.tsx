import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { rootRouteRef } from '../../../routes';
import {
  Apis,
  fakeAlertApi,
  fakePaletteApi,
  LocationDisplay,
} from '../__testUtils__/fixtures';
import { ProfileDetailsPage } from './ProfileDetailsPage';

async function render(
  api: ReturnType<typeof fakePaletteApi>,
  path = '/palette/profiles/aws-infra',
  alerts = fakeAlertApi(),
) {
  return renderInTestApp(
    <Apis api={api} alerts={alerts}>
      <Routes>
        <Route
          path="/palette/profiles/:name"
          element={<ProfileDetailsPage />}
        />
      </Routes>
      <LocationDisplay />
    </Apis>,
    { mountedRoutes: { '/palette': rootRouteRef }, routeEntries: [path] },
  );
}

const notFound = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No profile named nope' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    ),
  );

describe('ProfileDetailsPage', () => {
  it('shows the profile with its type, cloud, owner and latest version, and its draft first', async () => {
    const api = fakePaletteApi();
    await render(api);
    expect(
      await screen.findByRole('heading', { name: 'AWS infrastructure' }),
    ).toBeInTheDocument();
    expect(api.getProfile).toHaveBeenCalledWith('aws-infra');
    expect(
      screen.getByText('Self-managed Kubernetes on EC2'),
    ).toBeInTheDocument();
    expect(screen.getByText('Full')).toBeInTheDocument();
    expect(screen.getByText('AWS')).toBeInTheDocument();
    expect(screen.getByText('platform-team')).toBeInTheDocument();
    expect(screen.getByText('1.1.0')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All profiles/ })).toHaveAttribute(
      'href',
      '/palette/profiles',
    );
    expect(screen.getByRole('tab', { name: 'Draft' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('group', { name: 'Network (CNI) layer calico' }),
    ).toBeInTheDocument();
  });

  it('switches to the versions and the comparison', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      diffProfile: async () => ({
        from: { name: 'aws-infra', version: '1.1.0' },
        to: { name: 'aws-infra' },
        layersAdded: [{ packName: 'cert-manager', packVersion: '1.19.1' }],
        layersRemoved: [],
        layersChanged: [],
        layersUnchanged: [],
        orderChanged: false,
        variablesAdded: [],
        variablesRemoved: [],
        variablesChanged: [],
        hasChanges: true,
      }),
    });
    await render(api);
    await user.click(await screen.findByRole('tab', { name: 'Versions (2)' }));
    expect(screen.getByRole('table', { name: 'Versions' })).toBeInTheDocument();
    expect(screen.getByText('First version.')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    expect(
      await screen.findByText('+ cert-manager 1.19.1'),
    ).toBeInTheDocument();
  });

  it('says when the profile does not exist', async () => {
    const api = fakePaletteApi({
      getProfile: async () => {
        throw await notFound();
      },
    });
    await render(api, '/palette/profiles/nope');
    expect(
      await screen.findByText('No profile named nope'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'All profiles' }),
    ).toHaveAttribute('href', '/palette/profiles');
  });

  it('deletes the profile after confirmation and returns to the list', async () => {
    const user = userEvent.setup({ delay: null });
    const alerts = fakeAlertApi();
    const api = fakePaletteApi({ deleteProfile: async () => {} });
    await render(api, undefined, alerts);
    await user.click(
      await screen.findByRole('button', { name: 'Delete profile' }),
    );
    const dialog = within(
      screen.getByRole('dialog', { name: 'Delete the profile aws-infra?' }),
    );
    expect(dialog.getByText(/all 2 published versions/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Delete profile' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        /^\/palette\/profiles$/,
      ),
    );
    expect(api.deleteProfile).toHaveBeenCalledWith('aws-infra');
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Deleted profile aws-infra' }),
    );
  });

  it('reloads the profile after a version is deleted', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({ deleteVersion: async () => {} });
    await render(api, '/palette/profiles/aws-infra?tab=versions');
    const row = within(
      await screen.findByRole('row', { name: 'Version 1.0.0' }),
    );
    await user.click(row.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete version' }));
    await waitFor(() => expect(api.getProfile).toHaveBeenCalledTimes(2));
    expect(api.deleteVersion).toHaveBeenCalledWith('aws-infra', '1.0.0');
  });
});
