import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { EntityClusterCard } from '../clusters/entity';
import { ClustersRouter } from '../clusters/ClustersRouter';
import {
  clusterSummary,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../clusters/__testUtils__/fixtures';
import { Apis } from '../profiles/__testUtils__/fixtures';
import { importedCluster, inventory } from './__testUtils__/fixtures';
import { renderClusterPage } from './__testUtils__/renderCluster';

const lifecycle = async () => {
  const title = await screen.findByText('Lifecycle', {
    selector: '.MuiCardHeader-title',
  });
  return within(title.closest('.MuiCard-root') as HTMLElement);
};

describe('imported clusters', () => {
  it('are marked in the fleet table, with "imported" where the profile is shown', async () => {
    const api = fakeClusterApi({
      listClusters: async () => ({
        items: [
          clusterSummary(),
          clusterSummary({
            name: 'legacy-eks',
            profile: undefined,
            imported: { mode: 'managed', importedAt: '2026-10-06T08:00:00Z' },
          }),
        ],
        totalCount: 2,
        phaseCounts: { Running: 2 },
      }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <Routes>
          <Route path="/palette/clusters/*" element={<ClustersRouter />} />
        </Routes>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/clusters'] },
    );
    const row = within(await screen.findByRole('row', { name: 'legacy-eks' }));
    expect(row.getByText('Imported (managed)')).toBeInTheDocument();
    expect(row.getByText('imported')).toBeInTheDocument();
    const built = within(screen.getByRole('row', { name: 'dev-eks-01' }));
    expect(built.queryByText(/^Imported/)).toBeNull();
    expect(built.getByText('aws-infra@1.0.0')).toBeInTheDocument();
  });

  it('offer only rediscovery, a generated profile and detaching when read-only', async () => {
    await renderClusterPage('ro-01', {
      getCluster: async name => importedCluster('read-only', { name }),
      getClusterInventory: async () => inventory(),
    });
    const header = await lifecycle();
    expect(
      await header.findByRole('button', { name: 'Detach' }),
    ).toBeInTheDocument();
    expect(header.getByText('Imported (read-only)')).toBeInTheDocument();
    expect(
      header.getByRole('button', { name: 'Create profile from this cluster' }),
    ).toBeEnabled();
    for (const name of [
      'Upgrade',
      'Pause',
      'Download kubeconfig',
      'Change add-ons',
      'Delete',
    ])
      expect(screen.queryByRole('button', { name })).toBeNull();
    // Inventory in place of pools: nothing to scale or add.
    expect(screen.queryByRole('table', { name: 'Node pools' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add pool' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Rediscover' })).toBeEnabled();
    // Nothing is applied to a read-only import, so nothing can drift.
    expect(screen.queryByText(/^Drift/, { selector: 'span' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change version' })).toBeNull();
    // The profile card says when it was imported rather than requested.
    expect(screen.getByText('Imported')).toBeInTheDocument();
    expect(screen.queryByText('Requested')).toBeNull();
  });

  it('detach with a confirmation that the cluster itself is not touched', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = await renderClusterPage('ro-02', {
      getCluster: async name => importedCluster('read-only', { name }),
      getClusterInventory: async () => inventory(),
      deleteCluster: async name =>
        importedCluster('read-only', { name, phase: 'Deleting' }),
    });
    const header = await lifecycle();
    await user.click(await header.findByRole('button', { name: 'Detach' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Detach ro-02?' }),
    );
    expect(
      dialog.getByText(/The cluster itself is not touched/),
    ).toBeInTheDocument();
    await user.type(
      dialog.getByLabelText('Type the cluster name to confirm'),
      'ro-02',
    );
    await user.click(dialog.getByRole('button', { name: 'Detach' }));
    await waitFor(() =>
      expect(api.deleteCluster).toHaveBeenCalledWith('ro-02', { force: false }),
    );
  });

  it('change only their add-ons when managed, through the upgrade route', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = await renderClusterPage('managed-01', {
      getCluster: async name => importedCluster('managed', { name }),
      getClusterInventory: async () => inventory(),
      upgradeCluster: async name => importedCluster('managed', { name }),
    });
    const header = await lifecycle();
    await user.click(
      await header.findByRole('button', { name: 'Change add-ons' }),
    );
    for (const name of ['Upgrade', 'Pause', 'Download kubeconfig'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    const form = within(
      await screen.findByRole('form', { name: 'Change add-ons' }),
    );
    expect(form.getByRole('button', { name: 'Save' })).toBeDisabled();
    await waitFor(() =>
      expect(
        within(form.getByLabelText(/^Add an add-on/)).getAllByRole('option'),
      ).toHaveLength(2),
    );
    await user.selectOptions(
      form.getByLabelText(/^Add an add-on/),
      'observability',
    );
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.upgradeCluster).toHaveBeenCalledWith('managed-01', {
        addOnProfiles: [{ name: 'observability', version: '2.0.0' }],
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Change add-ons' })).toBeNull(),
    );
  });

  it('wait for the first discovery before a profile is generated', async () => {
    const user = userEvent.setup({ delay: null });
    await renderClusterPage('importing-01', {
      getCluster: async name =>
        importedCluster('read-only', { name, phase: 'Importing' }),
      getClusterInventory: async () => inventory(),
    });
    const header = await lifecycle();
    const button = await header.findByRole('button', {
      name: 'Create profile from this cluster',
    });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    expect(
      await screen.findByText(/^Discovery has not finished yet/),
    ).toBeInTheDocument();
  });

  it('are marked on the entity card', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'legacy-eks' },
      spec: { type: 'kubernetes-cluster', owner: 'team-apollo' },
    };
    const api = fakeClusterApi({
      getCluster: async name => importedCluster('read-only', { name }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <EntityProvider entity={entity}>
          <EntityClusterCard />
        </EntityProvider>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    expect(await screen.findByText('Imported (read-only)')).toBeInTheDocument();
    expect(screen.getByText('imported')).toBeInTheDocument();
  });
});
