import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterInventory } from '@palette-backstage/plugin-palette-common';
import {
  errorResponse,
  importedCluster,
  inventory,
} from '../__testUtils__/fixtures';
import { renderClusterPage } from '../__testUtils__/renderCluster';

const card = async () => {
  const title = await screen.findByText('Inventory', {
    selector: '.MuiCardHeader-title',
  });
  return within(title.closest('.MuiCard-root') as HTMLElement);
};

const notDiscovered = async () => {
  throw await errorResponse(404, 'NotFoundError', 'not discovered yet');
};

describe('InventoryCard', () => {
  it('shows what discovery found: versions, placement, drivers, nodes, Helm releases and namespaces', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = await renderClusterPage('inv-01', {
      getCluster: async name => importedCluster('read-only', { name }),
      getClusterInventory: async () => inventory(),
    });
    const inv = await card();
    expect(await inv.findByText('1.32.3 (eks)')).toBeInTheDocument();
    expect(api.getClusterInventory).toHaveBeenCalledWith('inv-01');
    expect(inv.getByText('v1.32.3-eks-4096722')).toBeInTheDocument();
    expect(inv.getByText('Amazon EKS · eu-west-1')).toBeInTheDocument();
    expect(inv.getByText('3 nodes, 2 ready')).toBeInTheDocument();
    expect(
      inv.getByText('aws-vpc-cni 1.19.2 (DaemonSet kube-system/aws-node)'),
    ).toBeInTheDocument();
    expect(
      inv.getByText('ebs.csi.aws.com 1.38.1 (CSIDriver ebs.csi.aws.com)'),
    ).toBeInTheDocument();

    const nodes = inv.getByRole('table', { name: 'Discovered nodes' });
    const rows = within(nodes).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Name',
      'Pool',
      'Instance type',
      'CPU',
      'Memory',
      'OS image',
      'Kubelet',
      'Ready',
    ]);
    const sick = within(rows[3]);
    expect(
      sick.getByText('ip-10-0-2-12.eu-west-1.compute.internal'),
    ).toBeInTheDocument();
    expect(sick.getByText('c6i.2xlarge')).toBeInTheDocument();
    expect(sick.getByText('15.5 GiB')).toBeInTheDocument();
    expect(sick.getByText('Not ready')).toBeInTheDocument();
    expect(sick.getByText('MemoryPressure')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Ready')).toBeInTheDocument();

    await user.click(inv.getByRole('tab', { name: 'Helm releases (2)' }));
    const releases = inv.getByRole('table', { name: 'Helm releases' });
    const nginx = within(within(releases).getAllByRole('row')[1]);
    expect(nginx.getByText('4.12.0')).toBeInTheDocument();
    expect(nginx.getByText('1.12.0')).toBeInTheDocument();
    expect(nginx.getByText('deployed (rev. 3)')).toBeInTheDocument();
    // Values open as YAML; a release on chart defaults has none to open.
    expect(
      inv.getByRole('button', { name: 'Values of metrics-server' }),
    ).toBeDisabled();
    await user.click(
      inv.getByRole('button', { name: 'Values of ingress-nginx' }),
    );
    expect(
      inv.getByRole('button', { name: 'Values of ingress-nginx' }),
    ).toHaveAttribute('aria-expanded', 'true');
    // The row below the release, once the highlighter has loaded.
    const values = within(releases).getAllByRole('row')[2];
    await waitFor(() =>
      expect(values.textContent).toContain(
        'controller:\n  replicaCount: 2\napiKey: <redacted>',
      ),
    );

    await user.click(inv.getByRole('tab', { name: 'Namespaces (4)' }));
    expect(
      within(inv.getByRole('list', { name: 'Namespaces' }))
        .getAllByRole('listitem')
        .map(chip => chip.textContent),
    ).toEqual(['default', 'ingress-nginx', 'kube-system', 'payments']);
  });

  it('rediscovers now, showing progress, then what it found', async () => {
    const user = userEvent.setup({ delay: null });
    let finish: (found: ClusterInventory) => void = () => {};
    const { api } = await renderClusterPage('inv-02', {
      getCluster: async name => importedCluster('managed', { name }),
      getClusterInventory: async () => inventory(),
      discoverCluster: () =>
        new Promise(resolve => {
          finish = resolve;
        }),
    });
    const inv = await card();
    await inv.findByText('3 nodes, 2 ready');
    await user.click(inv.getByRole('button', { name: 'Rediscover' }));
    expect(
      inv.getByRole('progressbar', { name: 'Rediscovering the cluster' }),
    ).toBeInTheDocument();
    expect(inv.getByRole('button', { name: 'Rediscovering…' })).toBeDisabled();
    expect(api.discoverCluster).toHaveBeenCalledWith('inv-02');

    const base = inventory();
    finish(
      inventory({
        nodes: base.nodes.map(n => ({ ...n, ready: true, problems: [] })),
      }),
    );
    expect(await inv.findByText('3 nodes, 3 ready')).toBeInTheDocument();
    expect(inv.queryByRole('progressbar')).toBeNull();
    expect(inv.getByRole('button', { name: 'Rediscover' })).toBeEnabled();
  });

  it('says why a rediscovery failed', async () => {
    const user = userEvent.setup({ delay: null });
    const refusal = await errorResponse(
      503,
      'ServiceUnavailableError',
      'the API server did not answer',
    );
    await renderClusterPage('inv-03', {
      getCluster: async name => importedCluster('read-only', { name }),
      getClusterInventory: async () => inventory(),
      discoverCluster: async () => {
        throw refusal;
      },
    });
    const inv = await card();
    await inv.findByText('3 nodes, 2 ready');
    await user.click(inv.getByRole('button', { name: 'Rediscover' }));
    expect(
      await inv.findByText('Rediscovery failed: the API server did not answer'),
    ).toBeInTheDocument();
    // What was found before stays.
    expect(inv.getByText('3 nodes, 2 ready')).toBeInTheDocument();
  });

  it('says discovery is under way while the cluster is importing', async () => {
    await renderClusterPage('inv-04', {
      getCluster: async name =>
        importedCluster('read-only', {
          name,
          phase: 'Importing',
          imported: { mode: 'read-only', importedAt: '2026-10-06T08:00:00Z' },
        }),
      getClusterInventory: notDiscovered,
    });
    const inv = await card();
    expect(
      await inv.findByText(/^Discovery is under way…/),
    ).toBeInTheDocument();
    expect(
      inv.getByRole('progressbar', { name: 'Discovering the cluster' }),
    ).toBeInTheDocument();
    expect(inv.queryByRole('tab')).toBeNull();
  });

  it('makes an unreachable cluster prominent, and keeps what was found last', async () => {
    await renderClusterPage('inv-05', {
      getCluster: async name =>
        importedCluster('read-only', {
          name,
          phase: 'Unreachable',
          imported: {
            mode: 'read-only',
            importedAt: '2026-10-06T08:00:00Z',
            lastError: 'x509: certificate has expired',
          },
        }),
      getClusterInventory: async () => inventory(),
    });
    const inv = await card();
    expect(
      await inv.findByText('The cluster does not answer'),
    ).toBeInTheDocument();
    expect(
      inv.getByText(/stored kubeconfig: x509: certificate has expired\./),
    ).toBeInTheDocument();
    expect(inv.getByText('3 nodes, 2 ready')).toBeInTheDocument();
  });

  it('names the problem of a degraded cluster', async () => {
    await renderClusterPage('inv-06', {
      getCluster: async name =>
        importedCluster('read-only', {
          name,
          phase: 'Degraded',
          message: '1 of 3 nodes not ready',
        }),
      getClusterInventory: async () => inventory(),
    });
    const inv = await card();
    expect(
      await inv.findByText('The cluster reports problems'),
    ).toBeInTheDocument();
    expect(
      inv.getByText(/^1 of 3 nodes not ready; see the nodes below/),
    ).toBeInTheDocument();
  });

  it('offers no rediscovery without palette.cluster.update', async () => {
    await renderClusterPage(
      'inv-07',
      {
        getCluster: async name => importedCluster('read-only', { name }),
        getClusterInventory: async () => inventory(),
      },
      ['palette.cluster.read'],
    );
    const inv = await card();
    await inv.findByText('3 nodes, 2 ready');
    await waitFor(() =>
      expect(inv.queryByRole('button', { name: 'Rediscover' })).toBeNull(),
    );
  });
});
