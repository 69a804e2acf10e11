import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { clusterCompliance, fakeFleetApi } from '../__testUtils__/fixtures';
import { EntityClusterComplianceCard } from './EntityClusterComplianceCard';
import { EntityClusterCostCard } from './EntityClusterCostCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'dev-eks-01-entity',
    annotations: { 'palette.io/cluster': 'dev-eks-01' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'team-apollo' },
};

const render = (api: ReturnType<typeof fakeFleetApi>, card: JSX.Element) =>
  renderInTestApp(
    <Apis api={api}>
      <EntityProvider entity={entity}>{card}</EntityProvider>
    </Apis>,
  );

describe('EntityClusterCostCard', () => {
  it("shows the cluster's run-rate, month to date and 30-day sparkline", async () => {
    const api = fakeFleetApi();
    await render(api, <EntityClusterCostCard />);
    expect(await screen.findByText('$365.00/mo ($0.50/h)')).toBeInTheDocument();
    expect(screen.getByText('$120.25')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Daily cost over the last 30 days' }),
    ).toBeInTheDocument();
    expect(api.getClusterCost).toHaveBeenCalledWith('dev-eks-01');
  });
});

describe('EntityClusterComplianceCard', () => {
  it('shows the score and each failing rule with its reason and action', async () => {
    const api = fakeFleetApi();
    await render(api, <EntityClusterComplianceCard />);
    expect(await screen.findByText('64 / 100')).toBeInTheDocument();
    expect(
      screen.getByText('2 resources drifted from the profile'),
    ).toBeInTheDocument();
    expect(screen.getByText('reconcile the cluster')).toBeInTheDocument();
    expect(screen.queryByText('owner.exists')).not.toBeInTheDocument();
    expect(api.getClusterCompliance).toHaveBeenCalledWith('dev-eks-01');
  });

  it('says so when the cluster passes every rule', async () => {
    await render(
      fakeFleetApi({
        getClusterCompliance: async () => ({
          ...clusterCompliance,
          score: 100,
          findings: [],
        }),
      }),
      <EntityClusterComplianceCard />,
    );
    expect(await screen.findByText('Passes every rule.')).toBeInTheDocument();
  });
});
