import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { MOUNTED_ROUTES } from '../../clusters/__testUtils__/fixtures';
import { costSummary, fakeFleetApi } from '../__testUtils__/fixtures';
import { rangeOf } from '../format';
import { FleetCostPage } from './FleetCostPage';

const render = (api: ReturnType<typeof fakeFleetApi>) =>
  renderInTestApp(
    <Apis api={api}>
      <FleetCostPage />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES },
  );

describe('FleetCostPage', () => {
  it('shows spend with its trend, run-rate, forecast, breakdown, budgets and movers', async () => {
    const api = fakeFleetApi();
    await render(api);
    expect(await screen.findByText('$1,200')).toBeInTheDocument();
    expect(screen.getByText(/\+20% vs previous period/)).toBeInTheDocument();
    expect(screen.getByText('$1,825/mo')).toBeInTheDocument();
    expect(
      screen.getByText(/Forecast \$1,800 by month end/),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Spend by team table',
    });
    expect(within(table).getByText('team-apollo')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'Spend over time' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Over budget')).toBeInTheDocument();
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Top movers' })).getByText(
        '+$300.00',
      ),
    ).toBeInTheDocument();
    const month = rangeOf('month');
    expect(api.getFleetCostSummary).toHaveBeenCalledWith({
      from: month.from,
      to: month.to,
    });
    expect(api.getFleetCostBreakdown).toHaveBeenCalledWith({
      by: 'team',
      from: month.from,
      to: month.to,
    });
  });

  it('asks again for the range picked, monthly for a year', async () => {
    const api = fakeFleetApi();
    await render(api);
    await screen.findByText('$1,200');
    fireEvent.change(screen.getByLabelText('Range'), {
      target: { value: '12m' },
    });
    const year = rangeOf('12m');
    await waitFor(() =>
      expect(api.getFleetCostSummary).toHaveBeenLastCalledWith({
        from: year.from,
        to: year.to,
      }),
    );
    await waitFor(() =>
      expect(api.getFleetCostTrend).toHaveBeenLastCalledWith({
        ...year,
        granularity: 'month',
        groupBy: undefined,
      }),
    );
  });

  it('breaks down by cluster with links to each, and exports that breakdown', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeFleetApi();
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await render(api);
    await user.click(await screen.findByRole('tab', { name: 'Cluster' }));
    expect(
      await screen.findByRole('link', { name: 'dev-eks-01' }),
    ).toHaveAttribute('href', '/palette/clusters/dev-eks-01');
    await user.click(screen.getByRole('button', { name: /Export CSV/ }));
    const month = rangeOf('month');
    expect(api.exportFleetCost).toHaveBeenCalledWith({
      by: 'cluster',
      from: month.from,
      to: month.to,
    });
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('says where to request a cluster when the fleet has none', async () => {
    await render(
      fakeFleetApi({
        getFleetCostSummary: async () =>
          costSummary({ clusters: { live: 0, deleted: 0 } }),
      }),
    );
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Go to clusters' }),
    ).toHaveAttribute('href', '/palette/clusters');
  });

  it('says cost history is recorded hourly when there is none yet', async () => {
    await render(
      fakeFleetApi({
        getFleetCostTrend: async () => ({
          granularity: 'day',
          currency: 'USD',
          points: [],
        }),
      }),
    );
    expect(await screen.findByText('No cost history yet')).toBeInTheDocument();
  });
});
