import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { rollout } from '../__testUtils__/fixtures';
import { RolloutsRouter } from '../RolloutsRouter';

// A file of its own: permission answers are cached per permission for the
// whole file, and here palette.rollout.manage is never granted.
describe('RolloutPage without palette.rollout.manage', () => {
  it('keeps the actions of the status, disabled, saying why', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({ getRollout: async () => rollout() });
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <Routes>
          <Route path="/palette/rollouts/*" element={<RolloutsRouter />} />
        </Routes>
      </Apis>,
      {
        mountedRoutes: MOUNTED_ROUTES,
        routeEntries: ['/palette/rollouts/r-1'],
      },
    );
    const resume = await screen.findByRole('button', { name: 'Resume' });
    expect(resume).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Roll back all' }),
    ).toBeDisabled();
    await user.hover(resume.parentElement!);
    expect(
      await screen.findByText(/You need the palette.rollout.manage permission/),
    ).toBeInTheDocument();
    expect(api.resumeRollout).toBeUndefined();
  });

  it('explains rollouts without offering to start one', async () => {
    const api = fakeClusterApi();
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <Routes>
          <Route path="/palette/rollouts/*" element={<RolloutsRouter />} />
        </Routes>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/rollouts'] },
    );
    expect(
      await screen.findByText(
        /Ask your platform team for the palette.rollout.manage/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New rollout' }),
    ).not.toBeInTheDocument();
  });
});
