import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { policy, quota, usage } from '../__testUtils__/fixtures';
import { GovernancePage } from './GovernancePage';

function governanceApi(overrides: Parameters<typeof fakeClusterApi>[0] = {}) {
  return fakeClusterApi({
    listPolicies: async () => ({
      items: [
        policy({
          project: '*',
          environment: '*',
          requireApproval: false,
          approverGroup: undefined,
          allowedProfiles: undefined,
        }),
        policy(),
      ],
    }),
    listQuotas: async () => ({ items: [quota()] }),
    listUsage: async () => ({
      items: [
        usage(),
        usage({
          team: 'group:default/team-zeus',
          clusters: 1,
          nodes: 3,
          vcpus: 6,
          monthlyCost: 120,
          quota: undefined,
        }),
      ],
    }),
    savePolicy: async input => ({
      ...policy(),
      ...input,
      requireApproval: input.requireApproval ?? false,
    }),
    deletePolicy: async () => {},
    saveQuota: async input => ({ ...quota(), ...input }),
    deleteQuota: async () => {},
    ...overrides,
  });
}

async function renderPage(api: ReturnType<typeof governanceApi>) {
  await renderInTestApp(
    <Apis api={api}>
      <GovernancePage />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES },
  );
}

const policiesTable = async () =>
  within(await screen.findByRole('table', { name: 'Governance policies' }));

describe('GovernancePage', () => {
  it('lists the policies, most specific first, with what each allows', async () => {
    await renderPage(governanceApi());
    const table = await policiesTable();
    const rows = table.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByText('payments')).toBeInTheDocument();
    expect(first.getByText('production')).toBeInTheDocument();
    expect(first.getByText('aws-infra (1.1.0)')).toBeInTheDocument();
    expect(first.getByText('eu-west-1')).toBeInTheDocument();
    expect(first.getByText('aws-prod')).toBeInTheDocument();
    expect(first.getByText('m5.large, m5.xlarge')).toBeInTheDocument();
    expect(first.getByText('10')).toBeInTheDocument();
    expect(first.getByText('by platform-team')).toBeInTheDocument();
    const second = within(rows[1]);
    expect(second.getAllByText('any').length).toBeGreaterThanOrEqual(2);
    expect(second.getByText('not needed')).toBeInTheDocument();
  });

  it('edits a policy and sends what the schema accepts', async () => {
    const user = userEvent.setup({ delay: null });
    const api = governanceApi();
    await renderPage(api);
    const table = await policiesTable();
    await user.click(
      await table.findByRole('button', {
        name: 'Edit the policy for payments / production',
      }),
    );
    const dialog = within(
      await screen.findByRole('dialog', {
        name: 'Policy for payments / production',
      }),
    );
    expect(dialog.getByLabelText(/^Project/)).toBeDisabled();
    const size = dialog.getByLabelText('Largest pool');
    await user.clear(size);
    await user.type(size, '20');
    await user.click(dialog.getByRole('button', { name: 'Save policy' }));
    await waitFor(() =>
      expect(api.savePolicy).toHaveBeenCalledWith({
        project: 'system:default/payments',
        environment: 'production',
        description: 'Production needs a second pair of eyes',
        allowedProfiles: [{ name: 'aws-infra', versions: ['1.1.0'] }],
        allowedRegions: ['eu-west-1'],
        allowedCloudAccounts: ['aws-prod'],
        allowedInstanceTypes: ['m5.large', 'm5.xlarge'],
        maxPoolSize: 20,
        requireApproval: true,
        approverGroup: 'group:default/platform-team',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.listPolicies).toHaveBeenCalledTimes(2);
  });

  it('requires an approver group before sending a policy that requires approval', async () => {
    const user = userEvent.setup({ delay: null });
    const api = governanceApi();
    await renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'New governance policy' }),
    );
    await user.type(dialog.getByLabelText(/^Project/), 'payments');
    await user.type(dialog.getByLabelText(/^Environment/), 'staging');
    await user.click(
      dialog.getByLabelText(
        'Requests need an approval before anything is created',
      ),
    );
    await user.click(dialog.getByRole('button', { name: 'Save policy' }));
    expect(
      dialog.getByText('is required when approval is required'),
    ).toBeInTheDocument();
    expect(dialog.getByRole('alert')).toHaveTextContent(
      'Fix 1 problem before saving.',
    );
    expect(api.savePolicy).not.toHaveBeenCalled();

    await user.type(dialog.getByLabelText(/^Approver group/), 'platform-team');
    await user.click(dialog.getByRole('button', { name: 'Save policy' }));
    await waitFor(() =>
      expect(api.savePolicy).toHaveBeenCalledWith({
        project: 'system:default/payments',
        environment: 'staging',
        requireApproval: true,
        approverGroup: 'group:default/platform-team',
      }),
    );
  });

  it('allows profiles at chosen versions', async () => {
    const user = userEvent.setup({ delay: null });
    const api = governanceApi();
    await renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText(/^Project/), '*');
    await user.type(dialog.getByLabelText(/^Environment/), 'production');
    await waitFor(() =>
      expect(
        within(dialog.getByLabelText('Allow a profile')).getByRole('option', {
          name: 'AWS infrastructure (aws-infra)',
        }),
      ).toBeInTheDocument(),
    );
    await user.selectOptions(
      dialog.getByLabelText('Allow a profile'),
      'aws-infra',
    );
    await user.selectOptions(
      dialog.getByLabelText('Allow a profile'),
      'observability',
    );
    await user.click(dialog.getByLabelText('Versions of aws-infra'));
    await user.click(await screen.findByRole('option', { name: '1.1.0' }));
    await user.click(dialog.getByRole('button', { name: 'Save policy' }));
    await waitFor(() =>
      expect(api.savePolicy).toHaveBeenCalledWith({
        project: '*',
        environment: 'production',
        requireApproval: false,
        allowedProfiles: [
          { name: 'aws-infra', versions: ['1.1.0'] },
          { name: 'observability' },
        ],
      }),
    );
  });

  it('deletes a policy after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const api = governanceApi();
    await renderPage(api);
    const table = await policiesTable();
    await user.click(
      await table.findByRole('button', {
        name: 'Delete the policy for payments / production',
      }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(
      dialog.getByText(/follow the next most specific policy/),
    ).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Delete policy' }));
    await waitFor(() =>
      expect(api.deletePolicy).toHaveBeenCalledWith(
        'system:default/payments',
        'production',
      ),
    );
  });

  it("shows each team's usage as bars against its quota", async () => {
    await renderPage(governanceApi());
    const table = within(
      await screen.findByRole('table', { name: 'Team quotas and usage' }),
    );
    expect(
      table.getByRole('progressbar', { name: '3 of 5 clusters' }),
    ).toHaveAttribute('aria-valuenow', '60');
    expect(
      table.getByRole('progressbar', { name: '36 of 40 nodes' }),
    ).toHaveAttribute('aria-valuenow', '90');
    expect(
      table.getByRole('progressbar', {
        name: '$5,200 of $5,000 a month, at or over the limit',
      }),
    ).toHaveAttribute('aria-valuenow', '100');
    // A team with clusters and no quota has no limits.
    expect(table.getByText('team-zeus')).toBeInTheDocument();
    expect(table.getAllByText('no limit')).toHaveLength(4);
    expect(
      table.getByRole('button', { name: 'Set a quota for team-zeus' }),
    ).toBeInTheDocument();
  });

  it('sets a quota with only the limits given', async () => {
    const user = userEvent.setup({ delay: null });
    const api = governanceApi();
    await renderPage(api);
    const table = within(
      await screen.findByRole('table', { name: 'Team quotas and usage' }),
    );
    await user.click(
      await table.findByRole('button', { name: 'Set a quota for team-zeus' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Quota of team-zeus' }),
    );
    expect(dialog.getByLabelText(/^Team/)).toBeDisabled();
    await user.type(dialog.getByLabelText('Clusters'), '2');
    await user.type(dialog.getByLabelText('Monthly budget (USD)'), '1000.5');
    await user.click(dialog.getByRole('button', { name: 'Save quota' }));
    await waitFor(() =>
      expect(api.saveQuota).toHaveBeenCalledWith({
        team: 'group:default/team-zeus',
        maxClusters: 2,
        monthlyBudget: 1000.5,
      }),
    );
    expect(api.listQuotas).toHaveBeenCalledTimes(2);
  });

  it('removes a quota after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const api = governanceApi();
    await renderPage(api);
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove the quota of team-apollo',
      }),
    );
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Remove quota',
      }),
    );
    await waitFor(() =>
      expect(api.deleteQuota).toHaveBeenCalledWith('group:default/team-apollo'),
    );
  });
});
