import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  clusterSummary,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../__testUtils__/fixtures';
import { FleetPage } from './FleetPage';

type Api = ReturnType<typeof fakeClusterApi>;

const page = () =>
  fakeClusterApi({
    listClusters: async () => ({
      items: [
        clusterSummary({ name: 'dev-eks-01', updateAvailable: '1.1.0' }),
        clusterSummary({ name: 'dev-eks-02' }),
        clusterSummary({ name: 'dev-eks-03', paused: true }),
      ],
      totalCount: 3,
      phaseCounts: { Running: 3 },
    }),
  });

const render = (api: Api) =>
  renderInTestApp(
    <Apis api={api}>
      <FleetPage />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES },
  );

const select = async (user: ReturnType<typeof userEvent.setup>, name: string) =>
  user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }));

describe('FleetPage bulk actions', () => {
  it('pauses the selection and shows each cluster’s outcome, then reloads the page', async () => {
    const user = userEvent.setup({ delay: null });
    const api = page();
    api.bulkClusterAction = jest.fn(async () => ({
      results: [
        { cluster: 'dev-eks-01', ok: true, status: 200 },
        {
          cluster: 'dev-eks-02',
          ok: false,
          status: 409,
          message: 'dev-eks-02 is Updating',
        },
      ],
    }));
    await render(api);
    await select(user, 'dev-eks-01');
    await select(user, 'dev-eks-02');
    const bar = within(screen.getByRole('toolbar', { name: 'Bulk actions' }));
    expect(bar.getByText('2 clusters selected')).toBeInTheDocument();
    await waitFor(() =>
      expect(bar.getByRole('button', { name: 'Pause' })).toBeEnabled(),
    );
    // Neither selected cluster is paused.
    expect(bar.getByRole('button', { name: 'Resume' })).toBeDisabled();

    await user.click(bar.getByRole('button', { name: 'Pause' }));
    const confirm = within(screen.getByRole('dialog'));
    expect(confirm.getByText('Pause 2 clusters?')).toBeInTheDocument();
    const loads = api.listClusters.mock.calls.length;
    await user.click(confirm.getByRole('button', { name: 'Pause 2 clusters' }));

    const results = within(
      await screen.findByRole('dialog', {
        name: 'Pause: 1 succeeded, 1 failed',
      }),
    );
    expect(api.bulkClusterAction).toHaveBeenCalledWith({
      action: 'pause',
      clusters: ['dev-eks-01', 'dev-eks-02'],
    });
    const failed = within(results.getByText('dev-eks-02').closest('tr')!);
    expect(failed.getByText('Failed')).toBeInTheDocument();
    expect(failed.getByText('dev-eks-02 is Updating')).toBeInTheDocument();
    expect(
      within(results.getByText('dev-eks-01').closest('tr')!).getByText('OK'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listClusters.mock.calls.length).toBeGreaterThan(loads),
    );
    expect(
      screen.queryByRole('toolbar', { name: 'Bulk actions' }),
    ).not.toBeInTheDocument();
  });

  it('deletes the whole page after a confirmation naming the count', async () => {
    const user = userEvent.setup({ delay: null });
    const api = page();
    api.bulkClusterAction = jest.fn(async ({ clusters }) => ({
      results: clusters.map((cluster: string) => ({
        cluster,
        ok: true,
        status: 202,
      })),
    }));
    await render(api);
    await user.click(
      await screen.findByRole('checkbox', {
        name: 'Select all clusters on this page',
      }),
    );
    const bar = within(screen.getByRole('toolbar', { name: 'Bulk actions' }));
    await waitFor(() =>
      expect(bar.getByRole('button', { name: 'Delete' })).toBeEnabled(),
    );
    await user.click(bar.getByRole('button', { name: 'Delete' }));
    const confirm = within(screen.getByRole('dialog'));
    expect(confirm.getByText('Delete 3 clusters?')).toBeInTheDocument();
    expect(
      confirm.getByText(/dev-eks-01, dev-eks-02, dev-eks-03/),
    ).toBeInTheDocument();
    await user.click(
      confirm.getByRole('button', { name: 'Delete 3 clusters' }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Delete: 3 succeeded, 0 failed',
      }),
    ).toBeInTheDocument();
    expect(api.bulkClusterAction).toHaveBeenCalledWith({
      action: 'delete',
      clusters: ['dev-eks-01', 'dev-eks-02', 'dev-eks-03'],
    });
  });

  it('upgrades a selection of one profile to a version of it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = page();
    api.bulkClusterAction = jest.fn(async () => ({
      results: [{ cluster: 'dev-eks-02', ok: true, status: 200 }],
    }));
    await render(api);
    await select(user, 'dev-eks-02');
    const bar = within(screen.getByRole('toolbar', { name: 'Bulk actions' }));
    await waitFor(() =>
      expect(
        bar.getByRole('button', { name: 'Upgrade to version…' }),
      ).toBeEnabled(),
    );
    await user.click(bar.getByRole('button', { name: 'Upgrade to version…' }));
    const form = within(
      await screen.findByRole('form', { name: 'Upgrade clusters' }),
    );
    await waitFor(() =>
      expect(form.getByLabelText('Version')).toHaveValue('1.1.0'),
    );
    await user.click(form.getByRole('button', { name: 'Upgrade to 1.1.0' }));
    await screen.findByRole('dialog', {
      name: 'Upgrade: 1 succeeded, 0 failed',
    });
    expect(api.bulkClusterAction).toHaveBeenCalledWith({
      action: 'upgrade',
      clusters: ['dev-eks-02'],
      profileVersion: '1.1.0',
    });
  });

  it('opens the upgrade preview of the update available from its chip', async () => {
    const user = userEvent.setup({ delay: null });
    const api = page();
    api.getCluster = jest.fn(async (name: string) =>
      clusterDetails({ name, updateAvailable: '1.1.0' }),
    );
    api.previewClusterUpgrade = jest.fn(async () => ({
      from: {
        profile: { name: 'aws-infra', version: '1.0.0' },
        addOnProfiles: [],
      },
      to: {
        profile: { name: 'aws-infra', version: '1.1.0' },
        addOnProfiles: [],
      },
      changes: [
        {
          layer: 'k8s',
          change: 'changed',
          summary: 'Kubernetes 1.34.4 → 1.34.10',
        },
      ],
      rolls: ['control plane machines (3)'],
      objectChanges: [],
      messages: [],
    }));
    await render(api);
    const chip = await screen.findByRole('button', {
      name: 'Preview the upgrade to 1.1.0',
    });
    await user.click(chip);
    const preview = within(
      await screen.findByRole('region', { name: 'Upgrade preview' }),
    );
    expect(api.getCluster).toHaveBeenCalledWith('dev-eks-01');
    expect(api.previewClusterUpgrade).toHaveBeenCalledWith(
      'dev-eks-01',
      expect.objectContaining({ profileVersion: '1.1.0' }),
    );
    expect(
      preview.getByText('Kubernetes 1.34.4 → 1.34.10'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upgrade' })).toBeInTheDocument();
  });

  it('enables only what the user may do, saying why the rest is disabled', async () => {
    const user = userEvent.setup({ delay: null });
    const api = page();
    await renderInTestApp(
      <Apis api={api} allowed={['palette.cluster.delete']}>
        <FleetPage />
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    await select(user, 'dev-eks-02');
    const bar = within(screen.getByRole('toolbar', { name: 'Bulk actions' }));
    await waitFor(() =>
      expect(bar.getByRole('button', { name: 'Delete' })).toBeEnabled(),
    );
    const pause = bar.getByRole('button', { name: 'Pause' });
    expect(pause).toBeDisabled();
    expect(
      bar.getByRole('button', { name: 'Upgrade to version…' }),
    ).toBeDisabled();
    await user.hover(pause.parentElement!);
    expect(
      await screen.findByText(
        'You may not pause any of the selected clusters (palette.cluster.update)',
      ),
    ).toBeInTheDocument();
    // Without palette.cluster.update the update-available chip only informs.
    expect(
      screen.queryByRole('button', { name: 'Preview the upgrade to 1.1.0' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('1.1.0 available')).toBeInTheDocument();
  });
});
