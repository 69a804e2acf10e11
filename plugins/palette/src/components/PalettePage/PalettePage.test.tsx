import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { HealthReport } from '@palette-backstage/plugin-palette-common';
import {
  Apis,
  awsInfra,
  fakePaletteApi,
} from '../profiles/__testUtils__/fixtures';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../clusters/__testUtils__/fixtures';
import { PalettePage } from './PalettePage';

type ApiMock = ReturnType<typeof fakePaletteApi>;

/** The page mounted at /palette, opened at `path`. */
const renderPaletteAt = (api: ApiMock, path: string) =>
  renderInTestApp(
    <Apis api={api}>
      <Routes>
        <Route path="/palette/*" element={<PalettePage />} />
      </Routes>
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES, routeEntries: [path] },
  );

function apiReturning(report: HealthReport | Error) {
  return fakePaletteApi({
    getHealth: async () => {
      if (report instanceof Error) throw report;
      return report;
    },
  });
}

const healthy: HealthReport = {
  status: 'ok',
  checks: {
    database: { status: 'ok', client: 'pg', latencyMs: 2 },
    managementClusters: [
      {
        name: 'embedded',
        type: 'embedded',
        status: 'ok',
        latencyMs: 3,
        kubernetesVersion: 'v1.34.2',
        clusterApiServed: true,
      },
    ],
  },
};

describe('PalettePage', () => {
  it('shows the database engine and each management cluster with its status', async () => {
    await renderInTestApp(
      <Apis api={apiReturning(healthy)}>
        <PalettePage />
      </Apis>,
    );
    expect(await screen.findByText('PostgreSQL')).toBeInTheDocument();
    expect(screen.getByText('embedded')).toBeInTheDocument();
    expect(screen.getByText('Embedded simulator')).toBeInTheDocument();
    expect(screen.getByText('v1.34.2')).toBeInTheDocument();
    expect(screen.getAllByText('Healthy').length).toBeGreaterThanOrEqual(3);
  });

  it('names the failing management cluster and why', async () => {
    const degraded: HealthReport = {
      status: 'error',
      checks: {
        database: { status: 'ok', client: 'better-sqlite3', latencyMs: 1 },
        managementClusters: [
          {
            name: 'prod-mgmt',
            type: 'kubeconfig',
            status: 'error',
            latencyMs: 3000,
            message: 'the API server did not answer within 3000 ms',
          },
        ],
      },
    };
    await renderInTestApp(
      <Apis api={apiReturning(degraded)}>
        <PalettePage />
      </Apis>,
    );
    expect(await screen.findByText('prod-mgmt')).toBeInTheDocument();
    expect(
      screen.getByText('the API server did not answer within 3000 ms'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Unavailable').length).toBe(2);
    expect(screen.getByText('SQLite')).toBeInTheDocument();
  });

  it('has an Approvals tab with the requests waiting for a decision', async () => {
    const api = fakeClusterApi();
    await renderPaletteAt(api, '/palette/approvals');
    expect(
      within(screen.getByRole('tablist')).getByRole('tab', {
        name: 'Approvals',
      }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText(/Nothing is waiting for your decision/),
    ).toBeInTheDocument();
    expect(api.listApprovals).toHaveBeenCalledWith({
      state: 'Pending',
      mine: true,
      limit: 100,
    });
  });

  it('has a Governance tab with the policies and quotas', async () => {
    const api = fakeClusterApi();
    await renderPaletteAt(api, '/palette/governance');
    expect(
      await screen.findByText('No governance policy yet'),
    ).toBeInTheDocument();
    expect(api.listPolicies).toHaveBeenCalled();
    expect(api.listUsage).toHaveBeenCalled();
  });

  it('shows the error when palette-backend cannot be reached', async () => {
    await renderInTestApp(
      <Apis api={apiReturning(new Error('palette-backend is down'))}>
        <PalettePage />
      </Apis>,
    );
    expect(
      (await screen.findAllByText(/palette-backend is down/)).length,
    ).toBeGreaterThan(0);
  });

  it('has a Profiles tab that lists the cluster profiles and opens one', async () => {
    const user = userEvent.setup({ delay: null });
    const { draft: _draft, ...summary } = awsInfra();
    const api = fakePaletteApi({
      getHealth: async () => healthy,
      listProfiles: async () => ({ items: [summary], totalCount: 1 }),
    });
    await renderPaletteAt(api, '/palette/profiles');
    const tabs = screen.getByRole('tablist');
    expect(within(tabs).getByRole('tab', { name: 'Profiles' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(within(tabs).getByRole('tab', { name: 'Status' })).toHaveAttribute(
      'href',
      '/palette',
    );
    await user.click(await screen.findByRole('link', { name: 'aws-infra' }));
    expect(
      await screen.findByRole('heading', { name: 'AWS infrastructure' }),
    ).toBeInTheDocument();
    expect(api.getProfile).toHaveBeenCalledWith('aws-infra');
    expect(api.getHealth).not.toHaveBeenCalled();
  });

  it('has a Clusters tab with the fleet, then Profiles, Rollouts, Approvals, Governance and Audit', async () => {
    const api = fakeClusterApi();
    await renderPaletteAt(api, '/palette/clusters');
    const tabs = within(screen.getByRole('tablist'));
    await waitFor(() =>
      expect(tabs.getAllByRole('tab').map(t => t.textContent)).toEqual([
        'Status',
        'Clusters',
        'Profiles',
        'Rollouts',
        'Cost',
        'Compliance',
        'Approvals',
        'Governance',
        'Audit',
      ]),
    );
    expect(tabs.getByRole('tab', { name: 'Clusters' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('link', { name: 'dev-eks-01' }),
    ).toHaveAttribute('href', '/catalog/default/resource/dev-eks-01');
    expect(api.listClusters).toHaveBeenCalled();
    expect(api.getHealth).not.toHaveBeenCalled();
  });
});
