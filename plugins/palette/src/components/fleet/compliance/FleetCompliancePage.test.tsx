import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { MOUNTED_ROUTES } from '../../clusters/__testUtils__/fixtures';
import { complianceSummary, fakeFleetApi } from '../__testUtils__/fixtures';
import { FleetCompliancePage } from './FleetCompliancePage';

const render = (api: ReturnType<typeof fakeFleetApi>) =>
  renderInTestApp(
    <Apis api={api}>
      <FleetCompliancePage />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES },
  );

describe('FleetCompliancePage', () => {
  it('shows the score, its trend, failures by severity and scores by team and profile', async () => {
    const api = fakeFleetApi();
    await render(api);
    expect(await screen.findByText('82 / 100')).toBeInTheDocument();
    expect(
      screen.getByText(/2 of 4 clusters pass every rule/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'Fleet score over 90 days' }),
    ).toBeInTheDocument();
    const severities = screen.getByRole('list', {
      name: 'Failing by severity',
    });
    expect(within(severities).getAllByRole('listitem')).toHaveLength(4);
    expect(await screen.findByText('team-apollo')).toBeInTheDocument();
    expect(screen.getByText('aws-full')).toBeInTheDocument();
    expect(api.listComplianceScores).toHaveBeenCalledWith('team');
    expect(api.listComplianceScores).toHaveBeenCalledWith('profile');
  });

  it('lists rules worst first and expands one to the clusters failing it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeFleetApi();
    await render(api);
    const table = await screen.findByRole('table', {
      name: 'Compliance rules',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('kubernetes.supported');
    expect(rows[2]).toHaveTextContent('profile.current');
    await user.click(
      screen.getByRole('button', {
        name: 'Show clusters failing kubernetes.supported',
      }),
    );
    expect(
      await screen.findByText('Kubernetes 1.27 is past end of life'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('upgrade to profile version 1.1.0'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'dev-eks-01' })).toHaveAttribute(
      'href',
      '/palette/clusters/dev-eks-01',
    );
    expect(api.listRuleClusters).toHaveBeenCalledWith('kubernetes.supported', {
      limit: 10,
      offset: 0,
    });
  });

  it('says where to request a cluster when the fleet has none', async () => {
    await render(
      fakeFleetApi({
        getComplianceSummary: async () => complianceSummary({ clusters: 0 }),
      }),
    );
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
  });
});
