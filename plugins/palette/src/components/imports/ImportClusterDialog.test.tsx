import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { Apis, LocationDisplay } from '../profiles/__testUtils__/fixtures';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../clusters/__testUtils__/fixtures';
import { ClustersRouter } from '../clusters/ClustersRouter';
import {
  errorResponse,
  importedCluster,
  inventory,
} from './__testUtils__/fixtures';

type Api = ReturnType<typeof fakeClusterApi>;
type User = ReturnType<typeof userEvent.setup>;

const KUBECONFIG = [
  'apiVersion: v1',
  'kind: Config',
  'clusters:',
  '- name: legacy',
  '  cluster: { server: "https://ABC.gr7.eu-west-1.eks.amazonaws.com" }',
  'users:',
  '- name: admin',
  '  user: { token: s3cr3t }',
].join('\n');

async function renderFleet(api: Api, allowed: 'all' | string[] = 'all') {
  await renderInTestApp(
    <Apis
      api={api}
      allowed={allowed}
      identity={['user:default/jane', 'group:default/team-apollo']}
    >
      <Routes>
        <Route path="/palette/clusters/*" element={<ClustersRouter />} />
      </Routes>
      <LocationDisplay />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/clusters'] },
  );
}

async function openDialog(user: User) {
  await user.click(
    await screen.findByRole('button', { name: 'Import cluster' }),
  );
  return within(await screen.findByRole('form', { name: 'Import cluster' }));
}

/** A valid read-only import of legacy-eks with a pasted kubeconfig. */
async function fillForm(user: User, form: ReturnType<typeof within>) {
  await user.type(form.getByLabelText(/^Cluster name/), 'legacy-eks');
  // Pasted, as people do: typing would read braces as key descriptors.
  await user.click(form.getByLabelText(/^Kubeconfig/));
  await user.paste(KUBECONFIG);
  await user.type(form.getByLabelText(/^Project/), 'payments');
  await waitFor(() =>
    expect(form.getByLabelText(/^Owner group/)).toHaveValue(
      'group:default/team-apollo',
    ),
  );
}

describe('ImportClusterDialog', () => {
  it('says what is missing before asking the server', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({ importCluster: jest.fn() });
    await renderFleet(api);
    const form = await openDialog(user);
    await user.click(form.getByRole('button', { name: 'Import' }));
    expect(form.getByLabelText(/^Cluster name/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByLabelText(/^Kubeconfig/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByLabelText(/^Project/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByRole('alert')).toHaveTextContent(
      /^Fix 3 problems before importing/,
    );
    expect(api.importCluster).not.toHaveBeenCalled();
    // Add-ons need managed mode: they are not even offered before.
    expect(form.queryByRole('group', { name: 'Add-ons' })).toBeNull();
  });

  it('fills in a simulated existing cluster on the embedded management cluster', async () => {
    const user = userEvent.setup({ delay: null });
    const simulated = {
      managementCluster: 'embedded',
      name: 'legacy-payments',
      health: 'healthy',
    };
    const api = fakeClusterApi({
      listSimulatedExistingClusters: async () => [simulated],
      getSimulatedExistingClusterKubeconfig: jest.fn(async () => KUBECONFIG),
    });
    await renderFleet(api);
    const form = await openDialog(user);
    await user.click(
      await form.findByLabelText(/^Try a simulated existing cluster/),
    );
    await user.click(
      await screen.findByRole('option', { name: 'legacy-payments (healthy)' }),
    );
    await waitFor(() =>
      expect(form.getByLabelText(/^Kubeconfig/)).toHaveValue(KUBECONFIG),
    );
    expect(form.getByLabelText(/^Cluster name/)).toHaveValue('legacy-payments');
    expect(api.getSimulatedExistingClusterKubeconfig).toHaveBeenCalledWith(
      simulated,
    );
  });

  it('offers no simulated clusters with real management clusters', async () => {
    const user = userEvent.setup({ delay: null });
    await renderFleet(fakeClusterApi());
    const form = await openDialog(user);
    expect(form.getByLabelText(/^Kubeconfig/)).toBeInTheDocument();
    expect(
      form.queryByLabelText(/^Try a simulated existing cluster/),
    ).toBeNull();
  });

  it('tests the connection without storing anything and shows what it found', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      testClusterImport: jest.fn(async () => ({
        valid: true,
        messages: [],
        apiServer: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
        inventory: inventory(),
      })),
      importCluster: jest.fn(),
    });
    await renderFleet(api);
    const form = await openDialog(user);
    await fillForm(user, form);
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    expect(
      await form.findByText(
        'Connected to https://ABC.gr7.eu-west-1.eks.amazonaws.com: Kubernetes 1.32.3 (eks), on Amazon EKS · eu-west-1, 3 nodes, 2 ready.',
      ),
    ).toBeInTheDocument();
    expect(api.testClusterImport).toHaveBeenCalledWith({
      name: 'legacy-eks',
      kubeconfig: KUBECONFIG,
      mode: 'read-only',
      addOnProfiles: [],
      owner: 'group:default/team-apollo',
      project: 'system:default/payments',
      environment: 'dev',
    });
    expect(api.importCluster).not.toHaveBeenCalled();
    // Still on the fleet, the dialog open: nothing was imported.
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/palette/clusters',
    );
    await user.type(form.getByLabelText(/^Context/), 'admin');
    expect(form.getByRole('status')).toHaveTextContent(
      /The form changed since; test again/,
    );
  });

  it('places a failed connection test next to the fields it is about', async () => {
    const user = userEvent.setup({ delay: null });
    const refusal = await errorResponse(
      400,
      'InputError',
      'kubeconfig: the API server https://10.0.0.1:6443 did not answer within 10s; context: no context named admin',
    );
    const api = fakeClusterApi({
      testClusterImport: async () => {
        throw refusal;
      },
    });
    await renderFleet(api);
    const form = await openDialog(user);
    await fillForm(user, form);
    await user.type(form.getByLabelText(/^Context/), 'admin');
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(form.getByLabelText(/^Kubeconfig/)).toHaveAccessibleDescription(
        'the API server https://10.0.0.1:6443 did not answer within 10s',
      ),
    );
    expect(form.getByLabelText(/^Context/)).toHaveAccessibleDescription(
      'no context named admin',
    );
    expect(form.getByRole('alert')).toHaveTextContent(
      'The connection test failed; the problems are marked next to their fields.',
    );
    expect(form.queryByRole('status')).toBeNull();
    // Editing a field forgets what the server said about it.
    await user.clear(form.getByLabelText(/^Context/));
    expect(form.getByLabelText(/^Context/)).toHaveAccessibleDescription(
      "Optional: the kubeconfig's current context when empty",
    );
  });

  it('reports a taken name next to the name', async () => {
    const user = userEvent.setup({ delay: null });
    const conflict = await errorResponse(
      409,
      'ConflictError',
      'a cluster named legacy-eks exists',
    );
    const api = fakeClusterApi({
      importCluster: async () => {
        throw conflict;
      },
    });
    await renderFleet(api);
    const form = await openDialog(user);
    await fillForm(user, form);
    await user.click(form.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(form.getByLabelText(/^Cluster name/)).toHaveAccessibleDescription(
        'a cluster named legacy-eks exists',
      ),
    );
  });

  it('imports a managed cluster from a kubeconfig file with add-ons, then opens its page', async () => {
    const user = userEvent.setup({ delay: null });
    let resolve: () => void = () => {};
    const api = fakeClusterApi({
      importCluster: (request: { name: string }) =>
        new Promise(done => {
          resolve = () =>
            done(
              importedCluster('managed', {
                name: request.name,
                phase: 'Importing',
              }),
            );
        }),
      getCluster: async name =>
        importedCluster('managed', { name, phase: 'Importing' }),
      getClusterInventory: async () => {
        throw await errorResponse(404, 'NotFoundError', 'not discovered yet');
      },
    });
    await renderFleet(api);
    const form = await openDialog(user);
    await user.type(form.getByLabelText(/^Cluster name/), 'legacy-eks');
    await user.upload(
      form.getByLabelText('Choose a kubeconfig file'),
      new File([KUBECONFIG], 'legacy.kubeconfig', { type: 'text/plain' }),
    );
    await waitFor(() =>
      expect(form.getByLabelText(/^Kubeconfig/)).toHaveValue(KUBECONFIG),
    );
    await user.type(form.getByLabelText(/^Project/), 'payments');
    await user.click(form.getByRole('radio', { name: /^Managed/ }));
    const addOns = within(form.getByRole('group', { name: 'Add-ons' }));
    await waitFor(() =>
      expect(
        within(addOns.getByLabelText(/^Add an add-on/)).getAllByRole('option'),
      ).toHaveLength(2),
    );
    await user.selectOptions(
      addOns.getByLabelText(/^Add an add-on/),
      'observability',
    );
    await user.click(form.getByRole('button', { name: 'Import' }));

    // Progress while the server works; nothing can be changed meanwhile.
    expect(
      await screen.findByRole('progressbar', { name: 'Importing the cluster' }),
    ).toBeInTheDocument();
    expect(form.getByLabelText(/^Kubeconfig/)).toBeDisabled();
    expect(api.importCluster).toHaveBeenCalledWith({
      name: 'legacy-eks',
      kubeconfig: KUBECONFIG,
      mode: 'managed',
      addOnProfiles: [{ name: 'observability', version: '2.0.0' }],
      owner: 'group:default/team-apollo',
      project: 'system:default/payments',
      environment: 'dev',
    });
    resolve();

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/palette/clusters/legacy-eks',
      ),
    );
    expect(
      await screen.findByText(/^Discovery is under way/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/s3cr3t/)).toBeNull();
  });

  it('forgets the kubeconfig when the dialog closes', async () => {
    const user = userEvent.setup({ delay: null });
    await renderFleet(fakeClusterApi());
    let form = await openDialog(user);
    await user.click(form.getByLabelText(/^Kubeconfig/));
    await user.paste(KUBECONFIG);
    await user.click(form.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Import cluster' })).toBeNull(),
    );
    form = await openDialog(user);
    expect(form.getByLabelText(/^Kubeconfig/)).toHaveValue('');
  });

  it('refuses a file too large to be a kubeconfig', async () => {
    const user = userEvent.setup({ delay: null });
    await renderFleet(fakeClusterApi());
    const form = await openDialog(user);
    await user.upload(
      form.getByLabelText('Choose a kubeconfig file'),
      new File(['x'.repeat(256 * 1024 + 1)], 'huge.yaml'),
    );
    expect(form.getByLabelText(/^Kubeconfig/)).toHaveAccessibleDescription(
      'huge.yaml is larger than 256 KiB: not a kubeconfig',
    );
    expect(form.getByLabelText(/^Kubeconfig/)).toHaveValue('');
  });
});
