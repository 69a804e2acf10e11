import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Rollout } from '@palette-backstage/plugin-palette-common';
import { Route, Routes } from 'react-router-dom';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { rollout, rolloutCluster, wave } from '../__testUtils__/fixtures';
import { RolloutsRouter } from '../RolloutsRouter';
import { ROLLOUT_POLL_MS } from './RolloutPage';

type Api = ReturnType<typeof fakeClusterApi>;

const render = (api: Api) =>
  renderInTestApp(
    <Apis api={api}>
      <Routes>
        <Route path="/palette/rollouts/*" element={<RolloutsRouter />} />
      </Routes>
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/rollouts/r-1'] },
  );

const actions = () =>
  screen
    .queryAllByRole('button')
    .map(b => b.textContent)
    .filter(t => t !== 'All rollouts');

describe('RolloutPage', () => {
  it('shows why a rollout halted, its counts and its waves with each cluster', async () => {
    const api = fakeClusterApi({ getRollout: async () => rollout() });
    await render(api);
    expect(
      await screen.findByText('dev-eks-03 failed: not healthy after 60 min'),
    ).toBeInTheDocument();
    expect(api.getRollout).toHaveBeenCalledWith('r-1');
    expect(screen.getByText('aws-infra → 1.1.0')).toBeInTheDocument();
    expect(screen.getByText('PartiallyApplied')).toBeInTheDocument();
    expect(screen.getByText('2 Succeeded')).toBeInTheDocument();
    expect(screen.getByText('1 Failed')).toBeInTheDocument();
    expect(screen.getByText('1 Skipped')).toBeInTheDocument();
    expect(screen.getByText('environments dev')).toBeInTheDocument();

    const batch = within(
      screen.getByRole('table', { name: 'Clusters of Wave 2' }),
    );
    const failed = within(
      batch.getByRole('link', { name: 'dev-eks-03' }).closest('tr')!,
    );
    expect(failed.getByText('Failed')).toBeInTheDocument();
    expect(failed.getByText('1.0.0 → 1.1.0')).toBeInTheDocument();
    expect(
      failed.getByText('not healthy after 60 min: 1 of 3 machines not ready'),
    ).toBeInTheDocument();
    expect(batch.getByRole('link', { name: 'dev-eks-03' })).toHaveAttribute(
      'href',
      '/palette/clusters/dev-eks-03',
    );
    expect(
      within(screen.getByRole('table', { name: 'Skipped clusters' })).getByText(
        'paused',
      ),
    ).toBeInTheDocument();
    expect(actions()).toEqual([
      'Resume',
      'Roll back failed',
      'Roll back all',
      'Cancel rollout',
    ]);
  });

  it('rolls the failed clusters back once confirmed, and shows what the server answered', async () => {
    const user = userEvent.setup({ delay: null });
    const rolledBack = rollout({
      status: 'RolledBack',
      message: 'the failed clusters went back',
    });
    const api = fakeClusterApi({
      getRollout: async () => rollout(),
      rollbackRollout: async () => rolledBack,
    });
    await render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Roll back failed' }),
    );
    const dialog = within(screen.getByRole('dialog'));
    expect(dialog.getByText('Roll back 1 failed cluster?')).toBeInTheDocument();
    api.getRollout.mockImplementation(async () => rolledBack);
    await user.click(dialog.getByRole('button', { name: 'Roll back failed' }));
    expect(api.rollbackRollout).toHaveBeenCalledWith('r-1', 'failed');
    expect(
      await screen.findByText('the failed clusters went back'),
    ).toBeInTheDocument();
    expect(actions()).toEqual([]);
  });

  it.each<[Rollout['status'], string[]]>([
    ['Running', ['Pause', 'Cancel rollout']],
    ['Paused', ['Resume', 'Cancel rollout']],
    ['Pending', ['Cancel rollout']],
    ['Completed', []],
    ['Cancelled', []],
  ])('offers what a %s rollout allows', async (status, expected) => {
    const api = fakeClusterApi({
      getRollout: async () => rollout({ status, message: `now ${status}` }),
    });
    await render(api);
    await screen.findByText(`now ${status}`);
    expect(actions()).toEqual(expected);
  });

  it('pauses a running rollout', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      getRollout: async () => rollout({ status: 'Running', message: 'wave 2' }),
      pauseRollout: async () =>
        rollout({ status: 'Paused', message: 'paused by jane' }),
    });
    await render(api);
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(api.pauseRollout).toHaveBeenCalledWith('r-1');
    expect(await screen.findByText('paused by jane')).toBeInTheDocument();
  });

  it('follows an active rollout live, and stops once it finished', async () => {
    jest.useFakeTimers();
    try {
      let current = rollout({
        status: 'Running',
        message: 'canary under way',
        waves: [
          wave(0, [rolloutCluster({ status: 'Updating' })], {
            status: 'Running',
          }),
        ],
        counts: { Updating: 1 },
      });
      const api = fakeClusterApi({ getRollout: async () => current });
      await render(api);
      expect(await screen.findByText('canary under way')).toBeInTheDocument();
      current = rollout({
        status: 'Completed',
        message: 'all done',
        waves: [
          wave(0, [rolloutCluster({ status: 'Succeeded' })], {
            status: 'Succeeded',
          }),
        ],
        counts: { Succeeded: 1 },
      });
      await act(async () => {
        jest.advanceTimersByTime(ROLLOUT_POLL_MS);
      });
      await waitFor(() =>
        expect(screen.getByText('all done')).toBeInTheDocument(),
      );
      const calls = api.getRollout.mock.calls.length;
      await act(async () => {
        jest.advanceTimersByTime(ROLLOUT_POLL_MS * 5);
      });
      expect(api.getRollout.mock.calls.length).toBe(calls);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when there is no such rollout', async () => {
    const api = fakeClusterApi({
      getRollout: async () => {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: { name: 'NotFoundError', message: 'no rollout r-1' },
              response: { statusCode: 404 },
            }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          ),
        );
      },
    });
    await render(api);
    expect(await screen.findByText('No rollout r-1')).toBeInTheDocument();
    for (const back of screen.getAllByRole('button', { name: 'All rollouts' }))
      expect(back).toHaveAttribute('href', '/palette/rollouts');
  });
});
