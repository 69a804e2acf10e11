import { renderInTestApp } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paletteClusterCreatePermission } from '@palette-backstage/plugin-palette-common';
import { Route, Routes } from 'react-router-dom';
import { Apis, LocationDisplay } from '../../profiles/__testUtils__/fixtures';
import {
  clusterSummary,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../__testUtils__/fixtures';
import { ClustersRouter } from '../ClustersRouter';
import { FLEET_POLL_MS } from './FleetPage';

type Api = ReturnType<typeof fakeClusterApi>;

async function render(api: Api, allowed: 'all' | string[] = 'all') {
  return renderInTestApp(
    <Apis api={api} allowed={allowed}>
      <Routes>
        <Route path="/palette/clusters/*" element={<ClustersRouter />} />
      </Routes>
      <LocationDisplay />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/clusters'] },
  );
}

const lastQuery = (api: Api) =>
  api.listClusters.mock.calls[api.listClusters.mock.calls.length - 1][0];

describe('FleetPage', () => {
  it('shows a page of clusters with phase, nodes, versions and markers, linking to the catalog', async () => {
    const api = fakeClusterApi({
      listClusters: async () => ({
        items: [
          clusterSummary({
            updateAvailable: '1.1.0',
            drifted: true,
            nodes: { ready: 4, desired: 6 },
            message: 'rolling out workers',
            phase: 'Updating',
          }),
          clusterSummary({
            name: 'prod-aks-02',
            provider: 'aks',
            paused: true,
          }),
        ],
        totalCount: 10_000,
        phaseCounts: { Running: 9_990, Updating: 10 },
      }),
    });
    await render(api);
    const row = within(await screen.findByRole('row', { name: 'dev-eks-01' }));
    expect(row.getByRole('link', { name: 'dev-eks-01' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/dev-eks-01',
    );
    expect(row.getByText('Updating')).toBeInTheDocument();
    expect(row.getByText('rolling out workers')).toBeInTheDocument();
    expect(row.getByLabelText('4 of 6 nodes ready')).toBeInTheDocument();
    expect(row.getByText('aws-infra@1.0.0')).toBeInTheDocument();
    expect(row.getByText('1.1.0 available')).toBeInTheDocument();
    expect(row.getByText('Drift')).toBeInTheDocument();
    expect(row.getByText('1.34.4')).toBeInTheDocument();
    const other = within(screen.getByRole('row', { name: 'prod-aks-02' }));
    expect(other.getByText('Azure AKS')).toBeInTheDocument();
    expect(other.getByText('Paused')).toBeInTheDocument();
    // The chart and chips count the whole fleet; the table holds one page.
    expect(
      screen.getByRole('img', {
        name: 'Clusters by phase: Running 9,990, Updating 10',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Running 9,990' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^1-25 of 10000/)).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      sort: 'name',
      order: 'asc',
      limit: 25,
      offset: 0,
    });
  });

  it('asks the server for the next page, a sort order and filters', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      listClusters: async () => ({
        items: [clusterSummary()],
        totalCount: 120,
        phaseCounts: { Running: 100, Degraded: 20 },
      }),
    });
    await render(api);
    await screen.findByRole('row', { name: 'dev-eks-01' });

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 25, limit: 25 }),
    );

    await user.click(screen.getByRole('button', { name: 'Created' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        sort: 'createdAt',
        order: 'asc',
        offset: 0,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Created' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        sort: 'createdAt',
        order: 'desc',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Degraded 20' }));
    await waitFor(() => expect(lastQuery(api).phase).toEqual(['Degraded']));
    expect(screen.getByRole('button', { name: 'Degraded 20' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.selectOptions(screen.getByLabelText('Provider'), 'aws');
    await user.type(screen.getByLabelText('Owner'), 'team-apollo');
    await user.type(screen.getByLabelText('Profile'), 'aws-infra@1.1.0');
    await user.type(screen.getByLabelText('Search'), 'dev');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        phase: ['Degraded'],
        provider: ['aws'],
        owner: ['group:default/team-apollo'],
        profile: 'aws-infra',
        profileVersion: '1.1.0',
        search: 'dev',
        sort: 'createdAt',
        order: 'desc',
        limit: 25,
        offset: 0,
      }),
    );
    // Typing is debounced: not one request per key.
    expect(api.listClusters.mock.calls.length).toBeLessThan(15);
  });

  it('offers to clear filters that match nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      listClusters: async (query = {}) => ({
        items: query.search ? [] : [clusterSummary()],
        totalCount: query.search ? 0 : 1,
        phaseCounts: query.search ? {} : { Running: 1 },
      }),
    });
    await render(api);
    await user.type(await screen.findByLabelText('Search'), 'nope');
    expect(
      await screen.findByText('No clusters match these filters.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(
      await screen.findByRole('row', { name: 'dev-eks-01' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('says how to get a first cluster, with a button to request one', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      listClusters: async () => ({ items: [], totalCount: 0, phaseCounts: {} }),
    });
    await render(api, [paletteClusterCreatePermission.name]);
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    expect(
      screen.getByText(/Request a cluster from a published/),
    ).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'Request cluster' });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]);
    expect(
      await screen.findByRole('form', { name: 'Request cluster' }),
    ).toBeInTheDocument();
  });

  it('polls the page while a cluster on it is in progress, and stops when all settle', async () => {
    jest.useFakeTimers();
    try {
      let phase: 'Provisioning' | 'Running' = 'Provisioning';
      const api = fakeClusterApi({
        listClusters: async () => ({
          items: [clusterSummary({ phase })],
          totalCount: 1,
          phaseCounts: { [phase]: 1 },
        }),
      });
      await render(api);
      expect(await screen.findByText('Provisioning')).toBeInTheDocument();
      const calls = api.listClusters.mock.calls.length;
      phase = 'Running';
      await act(async () => {
        jest.advanceTimersByTime(FLEET_POLL_MS);
      });
      const row = await screen.findByRole('row', { name: 'dev-eks-01' });
      await waitFor(() =>
        expect(within(row).getByText('Running')).toBeInTheDocument(),
      );
      expect(api.listClusters.mock.calls.length).toBe(calls + 1);
      await act(async () => {
        jest.advanceTimersByTime(FLEET_POLL_MS * 3);
      });
      expect(api.listClusters.mock.calls.length).toBe(calls + 1);
    } finally {
      jest.useRealTimers();
    }
  });
});
