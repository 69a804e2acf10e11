import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  paletteProfileCreatePermission,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import { rootRouteRef } from '../../../routes';
import {
  Apis,
  awsInfra,
  fakeAlertApi,
  fakePaletteApi,
  LocationDisplay,
} from '../__testUtils__/fixtures';
import { ProfilesPage } from './ProfilesPage';

const summary = (overrides: Partial<ProfileSummary> = {}): ProfileSummary => {
  const { draft: _draft, ...rest } = awsInfra();
  return { ...rest, ...overrides };
};

async function render(
  api: ReturnType<typeof fakePaletteApi>,
  allowed: 'all' | string[] = 'all',
  alerts = fakeAlertApi(),
  identity?: string[],
) {
  return renderInTestApp(
    <Apis api={api} allowed={allowed} alerts={alerts} identity={identity}>
      <ProfilesPage />
      <LocationDisplay />
    </Apis>,
    {
      mountedRoutes: { '/palette': rootRouteRef },
      routeEntries: ['/palette/profiles'],
    },
  );
}

const lastQuery = (api: ReturnType<typeof fakePaletteApi>) =>
  api.listProfiles.mock.calls[api.listProfiles.mock.calls.length - 1][0];

describe('ProfilesPage', () => {
  it('lists profiles with their type, cloud, owner, versions, layers, tags and draft', async () => {
    const api = fakePaletteApi({
      listProfiles: async () => ({
        items: [
          summary(),
          summary({
            name: 'observability',
            displayName: undefined,
            type: 'add-on',
            cloudType: 'all',
            owner: 'group:ops/sre',
            latestVersion: undefined,
            versions: [],
            hasDraft: false,
            layerSummary: [],
            tags: ['monitoring', 'logs', 'traces', 'alerts'],
          }),
        ],
        totalCount: 2,
      }),
    });
    await render(api);

    const rows = await screen.findAllByRole('row');
    const aws = within(rows[1]);
    expect(aws.getByRole('link', { name: 'aws-infra' })).toHaveAttribute(
      'href',
      '/palette/profiles/aws-infra',
    );
    expect(aws.getByText('AWS infrastructure')).toBeInTheDocument();
    expect(aws.getByText('Full')).toBeInTheDocument();
    expect(aws.getByText('AWS')).toBeInTheDocument();
    expect(aws.getByText('platform-team')).toBeInTheDocument();
    expect(aws.getByText('1.1.0')).toBeInTheDocument();
    expect(aws.getByText('2')).toBeInTheDocument();
    expect(aws.getByText('ubuntu 24.4.4')).toBeInTheDocument();
    expect(aws.getByText('calico 3.32.2')).toBeInTheDocument();
    expect(aws.getByText('production')).toBeInTheDocument();
    expect(aws.getByText('Draft')).toBeInTheDocument();

    const addOn = within(rows[2]);
    expect(addOn.getByText('Add-on')).toBeInTheDocument();
    expect(addOn.getByText('Any cloud')).toBeInTheDocument();
    expect(addOn.getByText('ops/sre')).toBeInTheDocument();
    expect(addOn.getByText('Unpublished')).toBeInTheDocument();
    expect(addOn.getByText('+1')).toBeInTheDocument();
    expect(addOn.queryByText('Draft')).not.toBeInTheDocument();
  });

  it('asks the server for each filter and for further pages', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      listProfiles: async () => ({ items: [summary()], totalCount: 60 }),
    });
    await render(api);
    await screen.findByRole('link', { name: 'aws-infra' });
    expect(api.listProfiles).toHaveBeenCalledWith({ limit: 25, offset: 0 });

    await user.selectOptions(screen.getByLabelText('Type'), 'infra');
    await user.selectOptions(screen.getByLabelText('Cloud type'), 'eks');
    await user.type(screen.getByLabelText('Owner'), 'platform-team');
    await user.type(screen.getByLabelText('Tag'), 'PCI');
    await user.type(screen.getByLabelText('Search'), 'gpu');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        type: 'infra',
        cloudType: 'eks',
        owner: 'group:default/platform-team',
        tag: 'pci',
        search: 'gpu',
        limit: 25,
        offset: 0,
      }),
    );

    await user.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ offset: 25 }));
  });

  it('offers to create the first profile to those allowed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi();
    await render(api, [paletteProfileCreatePermission.name]);
    expect(
      await screen.findByText('No cluster profiles yet'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create a profile' }));
    expect(
      screen.getByRole('dialog', { name: 'Create a cluster profile' }),
    ).toBeInTheDocument();
  });

  it('says when no profile matches the filters and clears them', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      listProfiles: async query =>
        query.search
          ? { items: [], totalCount: 0 }
          : { items: [summary()], totalCount: 1 },
    });
    await render(api);
    await screen.findByRole('link', { name: 'aws-infra' });
    await user.type(screen.getByLabelText('Search'), 'nothing');
    expect(
      await screen.findByText('No profiles match these filters.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(
      await screen.findByRole('link', { name: 'aws-infra' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('checks the create form before sending it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi();
    await render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Create profile' }),
    );
    const dialog = within(screen.getByRole('dialog'));

    await user.click(dialog.getByRole('button', { name: 'Create' }));
    expect(dialog.getByText('A name is required')).toBeInTheDocument();
    expect(dialog.getByText('An owning group is required')).toBeInTheDocument();

    await user.type(dialog.getByLabelText(/^Name/), 'AWS_Infra');
    await user.type(dialog.getByLabelText(/^Tags/), 'ok, Not Valid!');
    expect(
      dialog.getByText(/lower-case letters, digits and dashes, starting/),
    ).toBeInTheDocument();
    expect(
      dialog.getByText(
        /"Not" must be a catalog tag|"Valid!" must be a catalog tag/,
      ),
    ).toBeInTheDocument();
    expect(api.createProfile).not.toHaveBeenCalled();
  });

  it('creates a profile and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    const alerts = fakeAlertApi();
    const api = fakePaletteApi({
      createProfile: async request => ({
        ...awsInfra(),
        name: request.name,
        versions: [],
      }),
    });
    await render(api, 'all', alerts);
    await user.click(
      await screen.findByRole('button', { name: 'Create profile' }),
    );
    const dialog = within(screen.getByRole('dialog'));
    await user.type(dialog.getByLabelText(/^Name/), 'eks-gpu');
    await user.type(dialog.getByLabelText('Display name'), 'EKS with GPUs');
    await user.type(dialog.getByLabelText('Description'), 'GPU node pools');
    await user.selectOptions(dialog.getByLabelText('Type'), 'full');
    await user.selectOptions(dialog.getByLabelText('Cloud type'), 'eks');
    await user.type(dialog.getByLabelText(/^Owner group/), 'ml-platform');
    await user.type(dialog.getByLabelText(/^Tags/), 'gpu, ml');
    await user.click(dialog.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/palette/profiles/eks-gpu',
      ),
    );
    expect(api.createProfile).toHaveBeenCalledWith({
      name: 'eks-gpu',
      displayName: 'EKS with GPUs',
      description: 'GPU node pools',
      type: 'full',
      cloudType: 'eks',
      owner: 'group:default/ml-platform',
      tags: ['gpu', 'ml'],
      layers: [],
      variables: [],
    });
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Created profile eks-gpu',
        severity: 'success',
      }),
    );
  });

  it('shows why the server refused to create a profile', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      createProfile: async () => {
        throw new Error('A profile named aws-infra exists');
      },
    });
    await render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Create profile' }),
    );
    const dialog = within(screen.getByRole('dialog'));
    await user.type(dialog.getByLabelText(/^Name/), 'aws-infra');
    await user.type(dialog.getByLabelText(/^Owner group/), 'platform-team');
    await user.click(dialog.getByRole('button', { name: 'Create' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'A profile named aws-infra exists',
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/palette/profiles',
    );
  });

  it('imports a profile from YAML and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      importProfile: async () => awsInfra({ name: 'imported' }),
    });
    await render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Import YAML' }),
    );
    const dialog = within(screen.getByRole('dialog'));
    const yaml = 'kind: ClusterProfile';
    await user.type(dialog.getByLabelText('ClusterProfile YAML'), yaml);
    await user.click(dialog.getByRole('button', { name: 'Import' }));
    expect(dialog.getByText('An owning group is required')).toBeInTheDocument();
    expect(api.importProfile).not.toHaveBeenCalled();
    await user.type(dialog.getByLabelText(/^Owner group/), 'platform-team');
    await user.click(dialog.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/palette/profiles/imported',
      ),
    );
    expect(api.importProfile).toHaveBeenCalledWith(yaml, {
      owner: 'group:default/platform-team',
    });
  });

  it("suggests the user's first group as the owner", async () => {
    const user = userEvent.setup({ delay: null });
    await render(fakePaletteApi(), 'all', fakeAlertApi(), [
      'user:default/jane',
      'group:default/ml-platform',
    ]);
    await user.click(
      await screen.findByRole('button', { name: 'Create profile' }),
    );
    const dialog = within(screen.getByRole('dialog'));
    await waitFor(() =>
      expect(dialog.getByLabelText(/^Owner group/)).toHaveValue(
        'group:default/ml-platform',
      ),
    );
  });
});
