import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  paletteProfileCreatePermission,
  paletteProfileDeletePermission,
  paletteProfilePublishPermission,
  paletteProfileUpdatePermission,
} from '@palette-backstage/plugin-palette-common';
import { Route, Routes } from 'react-router-dom';
import { alertApiRef } from '@backstage/core-plugin-api';
import { paletteApiRef } from '../../api/PaletteApi';
import { rootRouteRef } from '../../routes';
import {
  awsInfra,
  fakeAlertApi,
  fakePaletteApi,
} from './__testUtils__/fixtures';
import { ProfileDetailsPage } from './ProfileDetailsPage';
import { ProfilesPage } from './ProfilesPage';

type Decision = Exclude<
  NonNullable<
    NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
  >,
  Function
>;

/**
 * Renders a page as a user holding the named permissions, and records what
 * the permission API was asked. Each case uses its own profile name: the
 * permission hook caches answers per permission and resource.
 */
async function renderAs(granted: string[], element: JSX.Element, path: string) {
  const asked: Array<{ permission: string; resourceRef?: string }> = [];
  const permissionApi = mockApis.permission({
    authorize: request => {
      asked.push({
        permission: request.permission.name,
        resourceRef: (request as { resourceRef?: string }).resourceRef,
      });
      return (
        granted.includes(request.permission.name) ? 'ALLOW' : 'DENY'
      ) as Decision;
    },
  });
  const api = fakePaletteApi({ getProfile: async name => awsInfra({ name }) });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [paletteApiRef, api],
        [permissionApiRef, permissionApi],
        [alertApiRef, fakeAlertApi()],
      ]}
    >
      <Routes>
        <Route path="/palette/profiles" element={<ProfilesPage />} />
        <Route path="/palette/profiles/:name" element={element} />
      </Routes>
    </TestApiProvider>,
    { mountedRoutes: { '/palette': rootRouteRef }, routeEntries: [path] },
  );
  return asked;
}

const details = <ProfileDetailsPage />;

async function openVersions() {
  await userEvent
    .setup({ delay: null })
    .click(await screen.findByRole('tab', { name: 'Versions (2)' }));
  return within(screen.getByRole('row', { name: 'Version 1.1.0' }));
}

describe('permission-aware profile pages', () => {
  it('hides creating and importing from those who may not create profiles', async () => {
    await renderAs([], <div />, '/palette/profiles');
    expect(
      await screen.findByText('No cluster profiles yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Ask the platform team/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /create/i }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /import/i }),
    ).not.toBeInTheDocument();
  });

  it('lets readers look but not edit, publish, deprecate or delete', async () => {
    const asked = await renderAs(
      [],
      details,
      '/palette/profiles/viewer-profile',
    );
    await screen.findByRole('group', { name: 'OS layer ubuntu' });
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Validate' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByTitle('You do not have permission to edit this profile'),
    ).toHaveTextContent('Read-only');
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Delete profile' }),
    ).not.toBeInTheDocument();
    expect(asked).toEqual(
      expect.arrayContaining([
        {
          permission: paletteProfileUpdatePermission.name,
          resourceRef: 'viewer-profile',
        },
        {
          permission: paletteProfilePublishPermission.name,
          resourceRef: 'viewer-profile',
        },
        {
          permission: paletteProfileDeletePermission.name,
          resourceRef: 'viewer-profile',
        },
      ]),
    );

    const row = await openVersions();
    expect(
      row.getByRole('button', { name: 'Export YAML' }),
    ).toBeInTheDocument();
    expect(
      row.queryByRole('button', { name: 'Deprecate' }),
    ).not.toBeInTheDocument();
    expect(
      row.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('lets editors save and validate, with Publish disabled', async () => {
    await renderAs(
      [paletteProfileUpdatePermission.name],
      details,
      '/palette/profiles/editor-profile',
    );
    expect(
      await screen.findByRole('button', { name: 'Validate' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(screen.getByLabelText('Values for calico')).not.toHaveAttribute(
      'readonly',
    );
    expect(
      screen.queryByRole('button', { name: 'Delete profile' }),
    ).not.toBeInTheDocument();
  });

  it('lets publishers publish and deprecate, but not delete', async () => {
    await renderAs(
      [
        paletteProfileUpdatePermission.name,
        paletteProfilePublishPermission.name,
      ],
      details,
      '/palette/profiles/publisher-profile',
    );
    await screen.findByRole('button', { name: 'Validate' });
    expect(
      await screen.findByRole('button', { name: 'Publish' }),
    ).toBeEnabled();
    const row = await openVersions();
    expect(row.getByRole('button', { name: 'Deprecate' })).toBeInTheDocument();
    expect(
      row.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('lets those allowed to delete remove versions and the profile', async () => {
    await renderAs(
      [
        paletteProfileDeletePermission.name,
        paletteProfileCreatePermission.name,
      ],
      details,
      '/palette/profiles/deleter-profile',
    );
    expect(
      await screen.findByRole('button', { name: 'Delete profile' }),
    ).toBeInTheDocument();
    const row = await openVersions();
    expect(row.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(
      row.queryByRole('button', { name: 'Deprecate' }),
    ).not.toBeInTheDocument();
  });
});
