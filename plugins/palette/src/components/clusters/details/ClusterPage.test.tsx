import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { approval } from '../../governance/__testUtils__/fixtures';
import { Route, Routes } from 'react-router-dom';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../__testUtils__/fixtures';
import { ClustersRouter } from '../ClustersRouter';

describe('ClusterPage', () => {
  it('shows a cluster under the Palette page, with the way back and to the catalog', async () => {
    const api = fakeClusterApi({
      getCluster: async name =>
        clusterDetails({
          name,
          phase: 'Requested',
          message: 'waiting to be applied',
        }),
    });
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <Routes>
          <Route path="/palette/clusters/*" element={<ClustersRouter />} />
        </Routes>
      </Apis>,
      {
        mountedRoutes: MOUNTED_ROUTES,
        routeEntries: ['/palette/clusters/new-01'],
      },
    );
    expect(
      await screen.findByText('waiting to be applied'),
    ).toBeInTheDocument();
    expect(api.getCluster).toHaveBeenCalledWith('new-01');
    expect(screen.getByRole('heading', { name: 'new-01' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in the catalog' }),
    ).toHaveAttribute('href', '/catalog/default/resource/new-01');
    expect(
      screen.getByRole('button', { name: 'All clusters' }),
    ).toHaveAttribute('href', '/palette/clusters');
  });

  describe('waiting for an approval', () => {
    const pending = (name: string): ClusterDetails =>
      clusterDetails({
        name,
        phase: 'PendingApproval',
        message: 'waiting for approval by group:default/platform-team',
        nodes: { ready: 0, desired: 6 },
        approval: approval({ cluster: name }),
      });

    const renderCluster = async (
      api: ReturnType<typeof fakeClusterApi>,
      name: string,
      identity: { user: string; refs: string[] },
      allowed: 'all' | string[] = 'all',
    ) =>
      renderInTestApp(
        <Apis
          api={api}
          allowed={allowed}
          identity={identity.refs}
          user={identity.user}
        >
          <Routes>
            <Route path="/palette/clusters/*" element={<ClustersRouter />} />
          </Routes>
        </Apis>,
        {
          mountedRoutes: MOUNTED_ROUTES,
          routeEntries: [`/palette/clusters/${name}`],
        },
      );

    const bob = {
      user: 'user:default/bob',
      refs: ['user:default/bob', 'group:default/platform-team'],
    };

    it('names the approver group and the expiry, and lets an approver decide', async () => {
      const user = userEvent.setup({ delay: null });
      const api = fakeClusterApi({
        getCluster: async name => pending(name),
        decideApproval: async name =>
          clusterDetails({
            name,
            phase: 'Requested',
            approval: approval({
              cluster: name,
              state: 'Approved',
              decidedBy: 'user:default/bob',
              decidedAt: '2026-10-07T10:00:00Z',
            }),
          }),
      });
      await renderCluster(api, 'pending-01', bob);
      expect(
        await screen.findByText('Waiting for approval by platform-team'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/must approve it by 13 Oct 2026/),
      ).toBeInTheDocument();
      expect(screen.getByText(/about \$841 \/ month/)).toBeInTheDocument();
      // Nothing exists yet: no upgrade, pause or kubeconfig; the request may be withdrawn.
      expect(screen.queryByRole('button', { name: 'Upgrade' })).toBeNull();
      expect(
        screen.queryByRole('button', { name: 'Download kubeconfig' }),
      ).toBeNull();
      expect(
        screen.getByRole('button', { name: 'Withdraw request' }),
      ).toBeInTheDocument();

      await user.click(
        await screen.findByRole('button', { name: 'Approve pending-01' }),
      );
      const dialog = within(
        await screen.findByRole('dialog', { name: 'Approve pending-01?' }),
      );
      await user.click(dialog.getByRole('button', { name: 'Approve' }));
      expect(api.decideApproval).toHaveBeenCalledWith('pending-01', {
        decision: 'approve',
      });
      expect(
        await screen.findByText(/^Approved by bob on 7 Oct 2026/),
      ).toBeInTheDocument();
    });

    it('tells the requester another approver must decide', async () => {
      const api = fakeClusterApi({ getCluster: async name => pending(name) });
      await renderCluster(api, 'pending-02', {
        user: 'user:default/jane',
        refs: ['user:default/jane', 'group:default/platform-team'],
      });
      expect(
        await screen.findByText(
          'You requested this cluster; another approver must decide',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
    });

    it('offers no decision to users without the permission', async () => {
      const api = fakeClusterApi({ getCluster: async name => pending(name) });
      await renderCluster(api, 'pending-03', bob, []);
      expect(
        await screen.findByText('Waiting for approval by platform-team'),
      ).toBeInTheDocument();
      expect(
        await screen.findByText(
          'Waiting for a member of platform-team to decide',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
      expect(screen.queryByRole('button', { name: /^Reject/ })).toBeNull();
    });

    it('shows who rejected the request and why', async () => {
      const api = fakeClusterApi({
        getCluster: async name =>
          clusterDetails({
            name,
            phase: 'Rejected',
            approval: approval({
              cluster: name,
              state: 'Rejected',
              decidedBy: 'user:default/alice',
              decidedAt: '2026-10-07T10:00:00Z',
              comment: 'Use staging first',
            }),
          }),
      });
      await renderCluster(api, 'rejected-01', bob);
      expect(
        await screen.findByText(/^Rejected by alice on 7 Oct 2026/),
      ).toBeInTheDocument();
      expect(screen.getByText('“Use staging first”')).toBeInTheDocument();
      expect(
        screen.getByText(/the name is free for a new request/),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    });
  });
});
