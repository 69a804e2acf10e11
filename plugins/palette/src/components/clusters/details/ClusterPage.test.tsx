import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../__testUtils__/fixtures';
import { ClustersRouter } from '../ClustersRouter';

describe('ClusterPage', () => {
  it('shows a cluster under the Palette page, with the way back and to the catalog', async () => {
    const api = fakeClusterApi({
      getCluster: async name =>
        clusterDetails({
          name,
          phase: 'Requested',
          message: 'waiting to be applied',
        }),
    });
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <Routes>
          <Route path="/palette/clusters/*" element={<ClustersRouter />} />
        </Routes>
      </Apis>,
      {
        mountedRoutes: MOUNTED_ROUTES,
        routeEntries: ['/palette/clusters/new-01'],
      },
    );
    expect(
      await screen.findByText('waiting to be applied'),
    ).toBeInTheDocument();
    expect(api.getCluster).toHaveBeenCalledWith('new-01');
    expect(screen.getByRole('heading', { name: 'new-01' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in the catalog' }),
    ).toHaveAttribute('href', '/catalog/default/resource/new-01');
    expect(
      screen.getByRole('button', { name: 'All clusters' }),
    ).toHaveAttribute('href', '/palette/clusters');
  });
});
