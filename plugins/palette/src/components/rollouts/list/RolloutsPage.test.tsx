import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { rolloutItem } from '../__testUtils__/fixtures';
import { RolloutsRouter } from '../RolloutsRouter';

type Api = ReturnType<typeof fakeClusterApi>;

const render = (api: Api) =>
  renderInTestApp(
    <Apis api={api}>
      <Routes>
        <Route path="/palette/rollouts/*" element={<RolloutsRouter />} />
      </Routes>
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/rollouts'] },
  );

describe('RolloutsPage', () => {
  it('explains rollouts when there is none, with a button to start one', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi();
    await render(api);
    expect(await screen.findByText('No rollouts yet')).toBeInTheDocument();
    expect(screen.getByText(/canary first, then batches/)).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'New rollout' });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]);
    expect(
      await screen.findByRole('form', { name: 'New rollout' }),
    ).toBeInTheDocument();
  });

  it('lists rollouts with status, progress and who started them, and filters on the server', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      listRollouts: async () => ({
        items: [
          rolloutItem(),
          rolloutItem({
            id: 'r-2',
            profile: 'gke-infra',
            targetVersion: '2.0.0',
            status: 'Completed',
            message: undefined,
            counts: { Succeeded: 4, Skipped: 1 },
            createdBy: 'user:default/sam',
          }),
        ],
        totalCount: 2,
      }),
    });
    await render(api);
    const table = within(
      await screen.findByRole('table', { name: 'Rollouts' }),
    );
    const rows = table.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);

    const halted = within(rows[0]);
    expect(
      halted.getByRole('link', { name: 'aws-infra@1.1.0' }),
    ).toHaveAttribute('href', '/palette/rollouts/r-1');
    expect(halted.getByRole('link', { name: 'aws-infra' })).toHaveAttribute(
      'href',
      '/palette/profiles/aws-infra',
    );
    expect(halted.getByText('PartiallyApplied')).toBeInTheDocument();
    expect(
      halted.getByText('dev-eks-03 failed: not healthy after 60 min'),
    ).toBeInTheDocument();
    // Two succeeded of four moved; the skipped cluster is not counted.
    expect(
      halted.getByLabelText('2 of 4 clusters on the target version'),
    ).toBeInTheDocument();
    expect(halted.getByText('user:jane')).toBeInTheDocument();

    const done = within(rows[1]);
    expect(done.getByText('Completed')).toBeInTheDocument();
    expect(
      done.getByLabelText('4 of 4 clusters on the target version'),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'Completed');
    await waitFor(() =>
      expect(api.listRollouts).toHaveBeenLastCalledWith({
        status: 'Completed',
        profile: undefined,
        limit: 25,
        offset: 0,
      }),
    );
  });
});
