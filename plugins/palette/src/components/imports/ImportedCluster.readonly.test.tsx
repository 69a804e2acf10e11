import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { ClustersRouter } from '../clusters/ClustersRouter';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../clusters/__testUtils__/fixtures';
import { Apis } from '../profiles/__testUtils__/fixtures';
import { importedCluster, inventory } from './__testUtils__/fixtures';
import { renderClusterPage } from './__testUtils__/renderCluster';

// A file of its own: permission answers are cached per permission for the
// whole file, and here only reading and requesting clusters are granted.
const ALLOWED = ['palette.cluster.read', 'palette.cluster.create'];

describe('importing and imported clusters without the permissions', () => {
  it('keeps Import cluster visible but disabled, saying why', async () => {
    const user = userEvent.setup({ delay: null });
    await renderInTestApp(
      <Apis api={fakeClusterApi()} allowed={ALLOWED}>
        <Routes>
          <Route path="/palette/clusters/*" element={<ClustersRouter />} />
        </Routes>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/clusters'] },
    );
    const button = await screen.findByRole('button', {
      name: 'Import cluster',
    });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    expect(
      await screen.findByText(/needs the palette.cluster.import permission/),
    ).toBeInTheDocument();
    // Requesting clusters is a permission of its own, still offered.
    expect(
      screen.getByRole('button', { name: 'Request cluster' }),
    ).toBeEnabled();
  });

  it('offers no detach, add-ons, rediscovery or generated profile', async () => {
    await renderClusterPage(
      'denied-01',
      {
        getCluster: async name => importedCluster('managed', { name }),
        getClusterInventory: async () => inventory(),
      },
      ALLOWED,
    );
    await screen.findByText('3 nodes, 2 ready');
    const title = screen.getByText('Lifecycle', {
      selector: '.MuiCardHeader-title',
    });
    const header = within(title.closest('.MuiCard-root') as HTMLElement);
    expect(header.getByText('Imported (managed)')).toBeInTheDocument();
    for (const name of [
      'Detach',
      'Change add-ons',
      'Rediscover',
      'Create profile from this cluster',
    ])
      expect(screen.queryByRole('button', { name })).toBeNull();
  });
});
