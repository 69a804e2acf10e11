import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterApproval } from '@palette-backstage/plugin-palette-common';
import { ListApprovalsFilter } from '../../../api/PaletteApi';
import {
  Apis,
  fakeAlertApi,
  fakePaletteApi,
} from '../../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { approval } from '../__testUtils__/fixtures';
import { ApprovalsPage } from './ApprovalsPage';

const PLATFORM = ['user:default/bob', 'group:default/platform-team'];

/** Answers `mine=true` with `mine`, the rest with `all`. */
function approvalsApi(
  mine: ClusterApproval[],
  all: ClusterApproval[] = mine,
  overrides: Parameters<typeof fakePaletteApi>[0] = {},
) {
  return fakePaletteApi({
    listApprovals: async (filter: ListApprovalsFilter = {}) => ({
      items: filter.mine ? mine : all,
    }),
    ...overrides,
  });
}

async function renderPage(
  api: ReturnType<typeof fakePaletteApi>,
  options: {
    allowed?: 'all' | string[];
    identity?: string[];
    user?: string;
    alerts?: ReturnType<typeof fakeAlertApi>;
  } = {},
) {
  await renderInTestApp(
    <Apis
      api={api}
      allowed={options.allowed ?? 'all'}
      identity={options.identity ?? PLATFORM}
      user={options.user ?? 'user:default/bob'}
      alerts={options.alerts}
    >
      <ApprovalsPage />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES },
  );
}

const mineTable = () =>
  screen.findByRole('table', { name: 'Waiting for your decision' });

describe('ApprovalsPage', () => {
  it('lists what waits for my decision with what was asked', async () => {
    await renderPage(approvalsApi([approval()]));
    const table = within(await mineTable());
    expect(table.getByRole('link', { name: 'prod-eks-01' })).toHaveAttribute(
      'href',
      '/palette/clusters/prod-eks-01',
    );
    for (const text of [
      'jane',
      'team-apollo',
      'payments',
      'production',
      'aws-infra@1.1.0',
      '+ observability@2.0.0',
      'eu-west-1',
      'aws-prod',
      '6',
      '$841 / month',
      'platform-team',
    ])
      expect(table.getByText(text)).toBeInTheDocument();
    expect(table.getByText(/^Expires 13 Oct 2026/)).toBeInTheDocument();
    expect(
      await table.findByRole('button', { name: 'Approve prod-eks-01' }),
    ).toBeInTheDocument();
    expect(
      table.getByRole('button', { name: 'Reject prod-eks-01' }),
    ).toBeInTheDocument();
  });

  it('approves, refreshes both lists and says what happened', async () => {
    const user = userEvent.setup({ delay: null });
    const alerts = fakeAlertApi();
    let pending = [approval()];
    const api = approvalsApi([], [], {
      listApprovals: async (filter: ListApprovalsFilter = {}) => ({
        items: filter.mine || filter.state === 'Pending' ? pending : [],
      }),
      decideApproval: async name => {
        pending = [];
        return clusterDetails({ name, phase: 'Requested' });
      },
    });
    await renderPage(api, { alerts });
    const table = within(await mineTable());
    await user.click(
      await table.findByRole('button', { name: 'Approve prod-eks-01' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Approve prod-eks-01?' }),
    );
    expect(
      dialog.getByText(/jane asks for aws-infra@1.1.0 with 6 nodes/),
    ).toBeInTheDocument();
    await user.type(dialog.getByLabelText('Comment'), 'Looks right');
    await user.click(dialog.getByRole('button', { name: 'Approve' }));
    expect(api.decideApproval).toHaveBeenCalledWith('prod-eks-01', {
      decision: 'approve',
      comment: 'Looks right',
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'You approved prod-eks-01; it is now Requested and Palette provisions it.',
    );
    expect(
      screen.getByRole('link', { name: 'Open prod-eks-01' }),
    ).toHaveAttribute('href', '/palette/clusters/prod-eks-01');
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
    await waitFor(() =>
      expect(
        screen.getByText(/Nothing is waiting for your decision/),
      ).toBeInTheDocument(),
    );
    // Both lists were asked again after the decision.
    expect(api.listApprovals.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks why before rejecting, and sends the comment', async () => {
    const user = userEvent.setup({ delay: null });
    const api = approvalsApi([approval()], [], {
      decideApproval: async name => clusterDetails({ name, phase: 'Rejected' }),
    });
    await renderPage(api);
    const table = within(await mineTable());
    await user.click(
      await table.findByRole('button', { name: 'Reject prod-eks-01' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Reject prod-eks-01?' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Reject' }));
    expect(
      dialog.getByText('Say why, so the requester knows what to change'),
    ).toBeInTheDocument();
    expect(api.decideApproval).not.toHaveBeenCalled();
    await user.type(
      dialog.getByRole('textbox', { name: /Comment/ }),
      'Use staging first',
    );
    await user.click(dialog.getByRole('button', { name: 'Reject' }));
    expect(api.decideApproval).toHaveBeenCalledWith('prod-eks-01', {
      decision: 'reject',
      comment: 'Use staging first',
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'You rejected prod-eks-01; it is now Rejected and nothing was created.',
    );
  });

  it('keeps the dialog open with the reason when palette-backend refuses', async () => {
    const user = userEvent.setup({ delay: null });
    const api = approvalsApi([approval()], [], {
      decideApproval: async () => {
        throw new Error('The request for "prod-eks-01" was already decided');
      },
    });
    await renderPage(api);
    const table = within(await mineTable());
    await user.click(
      await table.findByRole('button', { name: 'Approve prod-eks-01' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Approve' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'was already decided',
    );
    expect(dialog.getByRole('button', { name: 'Approve' })).toBeEnabled();
  });

  it('tells the requester that another approver must decide, without buttons', async () => {
    await renderPage(approvalsApi([], [approval()]), {
      identity: ['user:default/jane', 'group:default/platform-team'],
      user: 'user:default/jane',
    });
    const table = within(
      await screen.findByRole('table', { name: 'All requests' }),
    );
    expect(
      await table.findByText(
        'You requested this cluster; another approver must decide',
      ),
    ).toBeInTheDocument();
    expect(table.queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(table.queryByRole('button', { name: /Reject/ })).toBeNull();
  });

  it('hides the decision from users without palette.cluster.approve', async () => {
    // Another cluster: permission decisions are cached by resource.
    const api = approvalsApi([], [approval({ cluster: 'prod-gke-03' })]);
    await renderPage(api, { allowed: [] });
    const table = within(
      await screen.findByRole('table', { name: 'All requests' }),
    );
    expect(
      await table.findByText('Waiting for a member of platform-team to decide'),
    ).toBeInTheDocument();
    expect(table.queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('hides the decision from permitted users outside the approver group', async () => {
    await renderPage(approvalsApi([], [approval()]), {
      identity: ['user:default/bob', 'group:default/team-apollo'],
    });
    const table = within(
      await screen.findByRole('table', { name: 'All requests' }),
    );
    expect(
      await table.findByText('Only members of platform-team can decide'),
    ).toBeInTheDocument();
    expect(table.queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('shows decided requests with who decided and why, filtered by state', async () => {
    const user = userEvent.setup({ delay: null });
    const rejected = approval({
      cluster: 'prod-aks-02',
      state: 'Rejected',
      decidedBy: 'user:default/alice',
      decidedAt: '2026-10-07T10:00:00Z',
      comment: 'Too large for production',
    });
    const api = approvalsApi([], [], {
      listApprovals: async (filter: ListApprovalsFilter = {}) => ({
        items: filter.state === 'Rejected' ? [rejected] : [],
      }),
    });
    await renderPage(api);
    expect(
      await screen.findByText('No request is pending.'),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('State'), 'Rejected');
    const table = within(
      await screen.findByRole('table', { name: 'All requests' }),
    );
    expect(table.getByText('Rejected')).toBeInTheDocument();
    expect(
      table.getByText(/^Rejected by alice, 7 Oct 2026/),
    ).toBeInTheDocument();
    expect(table.getByText('“Too large for production”')).toBeInTheDocument();
    expect(api.listApprovals).toHaveBeenCalledWith({
      state: 'Rejected',
      limit: 100,
    });
    expect(api.listApprovals).toHaveBeenCalledWith({
      state: 'Pending',
      mine: true,
      limit: 100,
    });
  });

  it('says what to do when no request ever needed an approval', async () => {
    const user = userEvent.setup({ delay: null });
    await renderPage(approvalsApi([], []));
    expect(
      await screen.findByText(/Nothing is waiting for your decision/),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('State'), '');
    expect(
      await screen.findByText('No request has needed an approval yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Governance policies' }),
    ).toHaveAttribute('href', '/palette/governance');
  });
});
