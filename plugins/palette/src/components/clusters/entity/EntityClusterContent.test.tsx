import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ClusterDetails,
  paletteClusterDeletePermission,
  paletteClusterKubeconfigPermission,
  paletteClusterUpdatePermission,
} from '@palette-backstage/plugin-palette-common';
import { PaletteApi } from '../../../api/PaletteApi';
import { alertApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { TestApiProvider } from '@backstage/test-utils';
import { paletteApiRef } from '../../../api/PaletteApi';
import {
  fakeAlertApi,
  permissions,
} from '../../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  clusterEvent,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../__testUtils__/fixtures';
import { FAST_POLL_MS } from '../details';
import { EntityClusterCard } from './EntityClusterCard';
import { clusterNameOf, isPaletteClusterEntity } from './clusterEntity';
import { EntityClusterContent } from './EntityClusterContent';

const entity = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, annotations },
  spec: { type: 'kubernetes-cluster', owner: 'team-apollo' },
});

type Api = ReturnType<typeof fakeClusterApi>;

/**
 * Renders the Cluster tab for the named cluster. Each case uses its own
 * cluster name: permission answers are cached per permission and resource.
 */
async function render(
  name: string,
  overrides: Partial<PaletteApi> = {},
  allowed: 'all' | string[] = 'all',
  element = <EntityClusterContent />,
) {
  const api: Api = fakeClusterApi(overrides);
  const alerts = fakeAlertApi();
  const asked: Array<{ permission: string; resourceRef?: string }> = [];
  const recorder = permissions(allowed);
  const permissionApi = {
    authorize: (request: Parameters<typeof recorder.authorize>[0]) => {
      asked.push({
        permission: request.permission.name,
        resourceRef: (request as { resourceRef?: string }).resourceRef,
      });
      return recorder.authorize(request);
    },
  };
  const { unmount } = await renderInTestApp(
    <TestApiProvider
      apis={[
        [paletteApiRef, api],
        [permissionApiRef, permissionApi],
        [alertApiRef, alerts],
      ]}
    >
      <EntityProvider entity={entity(name)}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: MOUNTED_ROUTES },
  );
  return { api, alerts, unmount, asked };
}

const returning = (details: ClusterDetails) => async () => details;

describe('EntityClusterContent', () => {
  it('tells cluster entities apart and finds their cluster name', () => {
    expect(isPaletteClusterEntity(entity('a'))).toBe(true);
    expect(
      isPaletteClusterEntity({
        ...entity('a'),
        spec: { type: 'cluster-profile' },
      }),
    ).toBe(false);
    expect(isPaletteClusterEntity({ ...entity('a'), kind: 'Component' })).toBe(
      false,
    );
    expect(clusterNameOf(entity('catalog-name'))).toBe('catalog-name');
    expect(
      clusterNameOf(entity('catalog-name', { 'palette.io/cluster': 'real' })),
    ).toBe('real');
  });

  it('shows a provisioning cluster: progress, last error, conditions failing first, pools and events', async () => {
    const { api } = await render('prov-01', {
      getCluster: async name =>
        clusterDetails({
          name,
          phase: 'Provisioning',
          message: 'waiting for worker machines',
          progress: { done: 3, total: 7, label: 'Creating worker machines' },
          lastError: {
            reason: 'InstanceLimitExceeded',
            message: 'the account has no capacity for m5.xlarge',
            at: '2026-10-06T09:05:00Z',
          },
          pools: [
            {
              name: 'workers',
              instanceType: 'm5.xlarge',
              count: 3,
              kind: 'MachineDeployment',
              autoscaling: { min: 2, max: 6 },
              replicas: {
                desired: 3,
                current: 2,
                ready: 1,
                upToDate: 1,
                available: 1,
              },
            },
          ],
          drift: [
            {
              object: 'HelmChartProxy/prov-01-calico',
              path: 'spec.version',
              desired: '3.32.2',
              live: '3.31.7',
            },
          ],
        }),
      listClusterEvents: async () => ({
        items: [
          clusterEvent({
            id: '2',
            phase: 'Provisioning',
            reason: 'Applied',
            message: 'applied 9 objects',
          }),
          clusterEvent({
            id: '1',
            phase: 'Requested',
            reason: 'Stored',
            message: 'request stored',
            actor: 'user:default/jane',
            type: 'phase',
          }),
        ],
      }),
    });
    expect(
      await screen.findByText('waiting for worker machines'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Creating worker machines (3 of 7)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'Creating worker machines (3 of 7)',
      }),
    ).toHaveAttribute('aria-valuenow', '43');
    expect(screen.getByText('InstanceLimitExceeded')).toBeInTheDocument();
    expect(
      screen.getByText('the account has no capacity for m5.xlarge'),
    ).toBeInTheDocument();

    const conditions = within(
      screen.getByRole('table', { name: 'Conditions' }),
    );
    const rows = conditions.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('False');
    expect(rows[0]).toHaveTextContent('NotEnoughReplicas');
    expect(rows[1]).toHaveTextContent('True');

    const pool = within(screen.getByRole('row', { name: 'Pool workers' }));
    expect(
      pool.getByRole('progressbar', { name: '1 of 3 workers nodes ready' }),
    ).toBeInTheDocument();
    expect(pool.getByText('2–6 nodes')).toBeInTheDocument();
    const controlPlane = within(
      screen.getByRole('row', { name: 'Control plane' }),
    );
    expect(controlPlane.getByText('3 / 3')).toBeInTheDocument();

    const drift = within(screen.getByRole('table', { name: 'Drifted fields' }));
    expect(drift.getByText('spec.version')).toBeInTheDocument();
    expect(drift.getByText('"3.31.7"')).toBeInTheDocument();

    const events = await screen.findByRole('list', { name: 'Events' });
    const items = within(events).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('applied 9 objects');
    expect(items[1]).toHaveTextContent('request stored');
    expect(items[1]).toHaveTextContent('by user:jane');
    expect(api.listClusterEvents).toHaveBeenCalledWith('prov-01', {
      limit: 200,
    });
  });

  it('hides every action from readers', async () => {
    const { asked } = await render('reader-01', {}, []);
    expect(await screen.findByText('Lifecycle')).toBeInTheDocument();
    await screen.findByRole('row', { name: 'Pool workers' });
    await waitFor(() =>
      expect(asked).toEqual(
        expect.arrayContaining(
          [
            paletteClusterUpdatePermission,
            paletteClusterDeletePermission,
            paletteClusterKubeconfigPermission,
          ].map(p => ({ permission: p.name, resourceRef: 'reader-01' })),
        ),
      ),
    );
    for (const name of [
      'Upgrade',
      'Pause',
      'Delete',
      'Download kubeconfig',
      'Add pool',
      'Change version',
    ])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Scale pool workers' }),
    ).not.toBeInTheDocument();
  });

  it('shows only the actions each permission allows', async () => {
    await render('kubeconfig-01', {}, [
      paletteClusterKubeconfigPermission.name,
    ]);
    expect(
      await screen.findByRole('button', { name: 'Download kubeconfig' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Upgrade' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('downloads the kubeconfig as a file', async () => {
    const user = userEvent.setup({ delay: null });
    const createObjectURL = jest.fn(() => 'blob:kubeconfig');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    try {
      const { api } = await render('download-01', {
        getClusterKubeconfig: async () => ({
          filename: 'download-01.kubeconfig',
          content: 'apiVersion: v1\nkind: Config\n',
        }),
      });
      await user.click(
        await screen.findByRole('button', { name: 'Download kubeconfig' }),
      );
      await waitFor(() => expect(click).toHaveBeenCalled());
      expect(api.getClusterKubeconfig).toHaveBeenCalledWith('download-01');
      expect(createObjectURL).toHaveBeenCalled();
      expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
        'download-01.kubeconfig',
      );
    } finally {
      click.mockRestore();
    }
  });

  it('previews an upgrade, then upgrades', async () => {
    const user = userEvent.setup({ delay: null });
    let upgraded = false;
    const { api, alerts } = await render('upgrade-01', {
      getCluster: async name =>
        upgraded
          ? clusterDetails({ name, phase: 'Updating' })
          : clusterDetails({ name, updateAvailable: '1.1.0' }),
      previewClusterUpgrade: async () => ({
        from: {
          profile: { name: 'aws-infra', version: '1.0.0' },
          addOnProfiles: [],
        },
        to: {
          profile: { name: 'aws-infra', version: '1.1.0' },
          addOnProfiles: [],
        },
        changes: [
          {
            layer: 'k8s',
            change: 'changed',
            summary: 'Kubernetes 1.34.4 → 1.34.10',
          },
        ],
        rolls: ['control plane machines (3)', 'workers machines (3)'],
        objectChanges: [
          {
            kind: 'Cluster',
            name: 'upgrade-01',
            change: 'update',
            fields: ['spec.topology.version'],
          },
        ],
        messages: [
          {
            severity: 'warning',
            code: 'roll',
            field: 'profile',
            message: 'nodes are replaced one at a time',
          },
        ],
      }),
      upgradeCluster: async () => {
        upgraded = true;
        return clusterDetails({ name: 'upgrade-01', phase: 'Updating' });
      },
    });
    await user.click(
      await screen.findByRole('button', { name: 'Upgrade to 1.1.0' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await waitFor(() => expect(dialog.getByLabelText('Version')).toBeEnabled());
    expect(dialog.getByLabelText('Version')).toHaveValue('1.1.0');
    expect(
      within(dialog.getByLabelText('Version'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['1.0.0 (current)', '1.1.0 (latest)']);
    await user.click(dialog.getByRole('button', { name: 'Preview' }));

    const preview = within(
      await dialog.findByRole('region', { name: 'Upgrade preview' }),
    );
    expect(api.previewClusterUpgrade).toHaveBeenCalledWith('upgrade-01', {
      profileVersion: '1.1.0',
    });
    expect(
      preview.getByText('Kubernetes 1.34.4 → 1.34.10'),
    ).toBeInTheDocument();
    expect(preview.getByText('control plane machines (3)')).toBeInTheDocument();
    expect(preview.getByText('spec.topology.version')).toBeInTheDocument();
    expect(
      preview.getByText('nodes are replaced one at a time'),
    ).toBeInTheDocument();
    expect(api.upgradeCluster).not.toHaveBeenCalled();

    await user.click(dialog.getByRole('button', { name: 'Upgrade' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.upgradeCluster).toHaveBeenCalledWith('upgrade-01', {
      profileVersion: '1.1.0',
    });
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Upgrading upgrade-01' }),
    );
    expect(await screen.findAllByText('Updating')).not.toHaveLength(0);
  });

  it('deletes only once the name is typed', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = await render(
      'delete-01',
      {
        deleteCluster: returning(
          clusterDetails({ name: 'delete-01', phase: 'Deleting' }),
        ),
      },
      [paletteClusterDeletePermission.name],
    );
    expect(
      screen.queryByRole('button', { name: 'Upgrade' }),
    ).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Delete delete-01?')).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Delete' }));
    expect(
      await dialog.findByText('Type delete-01 to confirm.'),
    ).toBeInTheDocument();
    expect(api.deleteCluster).not.toHaveBeenCalled();

    await user.type(
      dialog.getByLabelText('Type the cluster name to confirm'),
      'delete-01',
    );
    await user.click(dialog.getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(api.deleteCluster).toHaveBeenCalledWith('delete-01', {
        force: false,
      }),
    );
    expect(await screen.findAllByText('Deleting')).not.toHaveLength(0);
  });

  it('offers force delete once deletion is stuck, and shows why the server refuses it', async () => {
    const user = userEvent.setup({ delay: null });
    const refusal = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'ConflictError',
            message:
              'deletion has been stuck for 6 minutes; force is allowed after 15',
          },
          response: { statusCode: 409 },
        }),
        { status: 409, headers: { 'content-type': 'application/json' } },
      ) as any,
    );
    const { api } = await render(
      'stuck-01',
      {
        getCluster: async name =>
          clusterDetails({
            name,
            phase: 'Deleting',
            deletionRequestedAt: new Date(
              Date.now() - 6 * 60_000,
            ).toISOString(),
          }),
        deleteCluster: async () => {
          throw refusal;
        },
      },
      [paletteClusterDeletePermission.name],
    );
    expect(
      await screen.findByRole('button', { name: 'Force delete' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Force delete' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/may be left behind/)).toBeInTheDocument();
    await user.type(
      dialog.getByLabelText('Type the cluster name to confirm'),
      'stuck-01',
    );
    await user.click(dialog.getByRole('button', { name: 'Force delete' }));
    expect(
      await dialog.findByText(
        'deletion has been stuck for 6 minutes; force is allowed after 15',
      ),
    ).toBeInTheDocument();
    expect(api.deleteCluster).toHaveBeenCalledWith('stuck-01', { force: true });
  });

  it('scales a pool with autoscaling bounds, and adds and removes pools', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = await render(
      'scale-01',
      {
        updateClusterPool: returning(
          clusterDetails({ name: 'scale-01', phase: 'Scaling' }),
        ),
        addClusterPool: returning(
          clusterDetails({ name: 'scale-01', phase: 'Scaling' }),
        ),
        getCluster: async name =>
          clusterDetails({
            name,
            pools: [
              {
                name: 'workers',
                instanceType: 'm5.xlarge',
                count: 3,
                kind: 'MachineDeployment',
              },
              {
                name: 'gpu',
                instanceType: 'g5.xlarge',
                count: 1,
                kind: 'MachineDeployment',
              },
            ],
          }),
        removeClusterPool: returning(clusterDetails({ name: 'scale-01' })),
      },
      [paletteClusterUpdatePermission.name],
    );
    await user.click(
      await screen.findByRole('button', { name: 'Scale pool workers' }),
    );
    let dialog = within(
      await screen.findByRole('form', { name: 'Scale pool workers' }),
    );
    expect(dialog.getByLabelText(/^Pool name/)).toBeDisabled();
    await user.clear(dialog.getByLabelText(/^Nodes/));
    await user.type(dialog.getByLabelText(/^Nodes/), '5');
    await user.click(dialog.getByLabelText('Autoscaling'));
    await user.clear(dialog.getByLabelText(/^Minimum/));
    await user.type(dialog.getByLabelText(/^Minimum/), '2');
    await user.clear(dialog.getByLabelText(/^Maximum/));
    await user.type(dialog.getByLabelText(/^Maximum/), '4');
    await user.click(dialog.getByRole('button', { name: 'Scale' }));
    expect(dialog.getByLabelText(/^Nodes/)).toHaveAccessibleDescription(
      'count must lie within the autoscaling bounds',
    );
    expect(api.updateClusterPool).not.toHaveBeenCalled();
    await user.clear(dialog.getByLabelText(/^Maximum/));
    await user.type(dialog.getByLabelText(/^Maximum/), '6');
    await user.click(dialog.getByRole('button', { name: 'Scale' }));
    await waitFor(() =>
      expect(api.updateClusterPool).toHaveBeenCalledWith(
        'scale-01',
        'workers',
        {
          count: 5,
          autoscaling: { min: 2, max: 6 },
        },
      ),
    );

    await user.click(await screen.findByRole('button', { name: 'Add pool' }));
    dialog = within(
      await screen.findByRole('form', { name: 'Add a worker pool' }),
    );
    await user.clear(dialog.getByLabelText(/^Pool name/));
    await user.type(dialog.getByLabelText(/^Pool name/), 'gpu');
    await user.click(dialog.getByRole('button', { name: 'Add pool' }));
    expect(dialog.getByLabelText(/^Pool name/)).toHaveAccessibleDescription(
      'the cluster already has a pool named gpu',
    );
    await user.clear(dialog.getByLabelText(/^Pool name/));
    await user.type(dialog.getByLabelText(/^Pool name/), 'batch');
    await user.click(dialog.getByRole('button', { name: 'Add pool' }));
    await waitFor(() =>
      expect(api.addClusterPool).toHaveBeenCalledWith('scale-01', {
        name: 'batch',
        instanceType: 'm5.xlarge',
        count: 3,
      }),
    );

    await user.click(
      await screen.findByRole('button', { name: 'Remove pool gpu' }),
    );
    const confirm = within(await screen.findByRole('dialog'));
    await user.click(confirm.getByRole('button', { name: 'Remove pool' }));
    await waitFor(() =>
      expect(api.removeClusterPool).toHaveBeenCalledWith('scale-01', 'gpu'),
    );
  });

  it('pauses after confirming, and resumes at once', async () => {
    const user = userEvent.setup({ delay: null });
    let paused = false;
    const { api } = await render(
      'pause-01',
      {
        getCluster: async name => clusterDetails({ name, paused }),
        pauseCluster: async () => {
          paused = true;
          return clusterDetails({ name: 'pause-01', paused });
        },
        resumeCluster: async () => {
          paused = false;
          return clusterDetails({ name: 'pause-01', paused });
        },
      },
      [paletteClusterUpdatePermission.name],
    );
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Pause',
      }),
    );
    await waitFor(() =>
      expect(api.pauseCluster).toHaveBeenCalledWith('pause-01'),
    );
    expect(
      await screen.findByText(/^Paused: Cluster API makes no changes/),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    await waitFor(() =>
      expect(api.resumeCluster).toHaveBeenCalledWith('pause-01'),
    );
    expect(
      await screen.findByRole('button', { name: 'Pause' }),
    ).toBeInTheDocument();
  });

  it('says so when Palette has no such cluster', async () => {
    const notFound = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'no cluster named gone-01' },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      ) as any,
    );
    await render('gone-01', {
      getCluster: async () => {
        throw notFound;
      },
    });
    expect(
      await screen.findByText('Palette has no cluster named gone-01'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'All clusters' }),
    ).toHaveAttribute('href', '/palette/clusters');
  });
});

describe('EntityClusterCard', () => {
  it('shows the lifecycle at a glance', async () => {
    await render(
      'card-01',
      {
        getCluster: async name =>
          clusterDetails({
            name,
            phase: 'Updating',
            updateAvailable: '1.2.0',
            nodes: { ready: 5, desired: 6 },
            progress: { done: 1, total: 2, label: 'Rolling workers' },
          }),
      },
      'all',
      <EntityClusterCard />,
    );
    expect(await screen.findByText('Updating')).toBeInTheDocument();
    expect(screen.getByText('Rolling workers (1 of 2)')).toBeInTheDocument();
    expect(screen.getByLabelText('5 of 6 nodes ready')).toBeInTheDocument();
    expect(screen.getByText('1.2.0 available')).toBeInTheDocument();
  });
});

// Last: fake timers must not leak into the other cases.
describe('EntityClusterContent polling', () => {
  it('polls fast while the cluster is in progress', async () => {
    jest.useFakeTimers();
    try {
      let phase: ClusterDetails['phase'] = 'Scaling';
      const { api, unmount } = await render('poll-01', {
        getCluster: async name => clusterDetails({ name, phase }),
      });
      expect(await screen.findByText('Scaling')).toBeInTheDocument();
      const calls = api.getCluster.mock.calls.length;
      phase = 'Running';
      await act(async () => {
        jest.advanceTimersByTime(FAST_POLL_MS);
      });
      await waitFor(() =>
        expect(screen.queryByText('Scaling')).not.toBeInTheDocument(),
      );
      expect(api.getCluster.mock.calls.length).toBe(calls + 1);
      // Settled: the next poll waits much longer.
      await act(async () => {
        jest.advanceTimersByTime(FAST_POLL_MS * 4);
      });
      expect(api.getCluster.mock.calls.length).toBe(calls + 1);
      unmount();
    } finally {
      jest.useRealTimers();
    }
  });
});
