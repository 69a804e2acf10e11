import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { fakeClusterApi, MOUNTED_ROUTES } from '../__testUtils__/fixtures';
import { FleetPage } from './FleetPage';

// A file of its own: permission answers are cached per permission for the
// whole file, and here palette.cluster.create is never granted.
describe('FleetPage without palette.cluster.create', () => {
  it('says whom to ask instead of offering to request a cluster', async () => {
    const api = fakeClusterApi({
      listClusters: async () => ({ items: [], totalCount: 0, phaseCounts: {} }),
    });
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <FleetPage />
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    expect(
      await screen.findByText(/Ask your platform team/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request cluster' }),
    ).not.toBeInTheDocument();
    expect(api.listProfiles).not.toHaveBeenCalled();
  });
});
