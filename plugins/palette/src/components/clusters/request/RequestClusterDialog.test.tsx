import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis, fakeAlertApi } from '../../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../__testUtils__/fixtures';
import { RequestClusterDialog } from './RequestClusterDialog';

type Api = ReturnType<typeof fakeClusterApi>;

async function render(api: Api, onCreated = jest.fn()) {
  const alerts = fakeAlertApi();
  await renderInTestApp(
    <Apis
      api={api}
      alerts={alerts}
      identity={['user:default/jane', 'group:default/team-apollo']}
    >
      <RequestClusterDialog open onClose={jest.fn()} onCreated={onCreated} />
    </Apis>,
    { mountedRoutes: MOUNTED_ROUTES },
  );
  return { onCreated, alerts };
}

async function errorResponse(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ) as any,
  );
}

/** Fills a valid request: aws-infra 1.1.0 in aws-dev/eu-west-1 with one pool. */
async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  const form = within(
    await screen.findByRole('form', { name: 'Request cluster' }),
  );
  await user.type(form.getByLabelText(/^Cluster name/), 'dev-eks-01');
  await waitFor(() =>
    expect(
      within(form.getByLabelText(/^Profile/)).getAllByRole('option').length,
    ).toBeGreaterThan(1),
  );
  await user.selectOptions(form.getByLabelText(/^Profile/), 'aws-infra');
  // The only AWS account is chosen for the user.
  await waitFor(() =>
    expect(form.getByLabelText(/^Cloud account/)).toHaveValue('aws-dev'),
  );
  await user.selectOptions(form.getByLabelText(/^Region/), 'eu-west-1');
  await user.selectOptions(form.getByLabelText(/^Control plane nodes/), '1');
  const pool = within(form.getByRole('group', { name: 'Worker pool 1' }));
  await user.type(pool.getByLabelText(/^Instance type/), 'm5.large');
  await user.clear(pool.getByLabelText(/^Nodes/));
  await user.type(pool.getByLabelText(/^Nodes/), '2');
  await user.type(form.getByLabelText(/^Project/), 'payments');
  // The profile's variables, with their defaults.
  await waitFor(() =>
    expect(form.getByLabelText(/^Pod CIDR/)).toHaveValue('192.168.0.0/16'),
  );
  return form;
}

describe('RequestClusterDialog', () => {
  it('offers published, non-deprecated versions and the accounts of the profile cloud', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi();
    await render(api);
    const form = await fillValidForm(user);
    expect(api.listProfiles).toHaveBeenCalledWith(
      expect.objectContaining({ publishedOnly: true, type: 'full' }),
    );
    const versions = within(form.getByLabelText(/^Version/))
      .getAllByRole('option')
      .map(o => o.textContent);
    expect(versions).toEqual(['1.1.0 (latest)']);
    const accounts = within(form.getByLabelText(/^Cloud account/))
      .getAllByRole('option')
      .map(o => o.getAttribute('value'));
    expect(accounts).toEqual(['', 'aws-dev']);
    // The owner comes from the signed-in user's groups.
    expect(form.getByLabelText(/^Owner group/)).toHaveValue(
      'group:default/team-apollo',
    );
    // Sensitive defaults are never shown.
    expect(form.getByLabelText(/^API token/)).toHaveValue('');
    expect(form.getByLabelText(/^API token/)).toHaveAttribute(
      'type',
      'password',
    );
    expect(api.getProfileVersion).toHaveBeenCalledWith('aws-infra', '1.1.0');
  });

  it('shows what is missing next to each field before asking the server', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({ dryRunCluster: jest.fn() });
    await render(api);
    const form = within(
      await screen.findByRole('form', { name: 'Request cluster' }),
    );
    await user.clear(form.getByLabelText(/^Environment/));
    await user.click(form.getByRole('button', { name: 'Validate' }));
    expect(form.getByLabelText(/^Cluster name/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByLabelText(/^Profile/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByLabelText(/^Project/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByLabelText(/^Environment/)).toHaveAccessibleDescription(
      'is required',
    );
    const pool = within(form.getByRole('group', { name: 'Worker pool 1' }));
    expect(pool.getByLabelText(/^Instance type/)).toHaveAccessibleDescription(
      'is required',
    );
    expect(form.getByRole('alert')).toHaveTextContent(
      /^Fix \d+ problems before validating/,
    );
    expect(api.dryRunCluster).not.toHaveBeenCalled();

    // Autoscaling bounds are checked as workerPoolSchema does.
    await user.click(pool.getByLabelText('Autoscaling'));
    await user.clear(pool.getByLabelText(/^Minimum/));
    await user.type(pool.getByLabelText(/^Minimum/), '4');
    await user.clear(pool.getByLabelText(/^Maximum/));
    await user.type(pool.getByLabelText(/^Maximum/), '2');
    expect(pool.getByLabelText(/^Minimum/)).toHaveAccessibleDescription(
      'min must not be greater than max',
    );
    expect(pool.getByLabelText(/^Nodes/)).toHaveAccessibleDescription(
      'count must lie within the autoscaling bounds',
    );
  });

  it('validates on the server and shows its messages by field, and the rendered manifests', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      dryRunCluster: async () => ({
        valid: false,
        messages: [
          {
            severity: 'error',
            code: 'variables.cidr',
            field: 'variables.podCidr',
            message: 'overlaps the VPC CIDR 192.168.0.0/16',
          },
          {
            severity: 'warning',
            code: 'quota',
            field: 'workerPools[0].count',
            message: 'leaves 1 node of the team quota',
          },
          {
            severity: 'info',
            code: 'budget',
            field: 'budget',
            message: 'costs about $310 a month',
          },
        ],
        manifests: [
          {
            apiVersion: 'cluster.x-k8s.io/v1beta2',
            kind: 'Cluster',
            metadata: { name: 'dev-eks-01' },
            spec: { topology: { version: 'v1.34.10' } },
          },
          {
            apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
            kind: 'HelmChartProxy',
            metadata: { name: 'dev-eks-01-calico' },
          },
          {
            apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
            kind: 'HelmChartProxy',
            metadata: { name: 'dev-eks-01-ebs' },
          },
        ],
      }),
    });
    await render(api);
    const form = await fillValidForm(user);
    await user.click(form.getByRole('button', { name: 'Validate' }));

    expect(await form.findByRole('status')).toHaveTextContent(
      'Not valid: 1 error, 1 warning, 1 note.',
    );
    expect(form.getByLabelText(/^Pod CIDR/)).toHaveAccessibleDescription(
      'overlaps the VPC CIDR 192.168.0.0/16',
    );
    const pool = within(form.getByRole('group', { name: 'Worker pool 1' }));
    expect(pool.getByLabelText(/^Nodes/)).toHaveAccessibleDescription(
      'leaves 1 node of the team quota',
    );
    expect(
      within(form.getByRole('list', { name: 'Other messages' })).getByText(
        'costs about $310 a month',
      ),
    ).toBeInTheDocument();
    expect(form.getByText('Rendered manifests: 3 objects')).toBeInTheDocument();
    expect(form.getByText('HelmChartProxy 2')).toBeInTheDocument();
    expect(form.getByText('Cluster 1')).toBeInTheDocument();
    await user.click(form.getByText('Rendered manifests: 3 objects'));
    expect(await form.findByText(/version: v1\.34\.10/)).toBeInTheDocument();

    expect(api.dryRunCluster).toHaveBeenCalledWith({
      name: 'dev-eks-01',
      profile: { name: 'aws-infra', version: '1.1.0' },
      addOnProfiles: [],
      variables: { podCidr: '192.168.0.0/16' },
      cloudAccount: 'aws-dev',
      region: 'eu-west-1',
      controlPlane: { replicas: 1 },
      workerPools: [{ name: 'workers', instanceType: 'm5.large', count: 2 }],
      owner: 'group:default/team-apollo',
      project: 'system:default/payments',
      environment: 'dev',
    });

    // Changing the field drops the server's message about it.
    await user.clear(form.getByLabelText(/^Pod CIDR/));
    await user.type(form.getByLabelText(/^Pod CIDR/), '10.1.0.0/16');
    expect(form.getByLabelText(/^Pod CIDR/)).not.toHaveAccessibleDescription(
      /overlaps/,
    );
    expect(form.getByRole('status')).toHaveTextContent(
      'The form changed since',
    );
  });

  it('requests the cluster with an add-on and hands it over', async () => {
    const user = userEvent.setup({ delay: null });
    const created = clusterDetails({ name: 'dev-eks-01', phase: 'Requested' });
    const api = fakeClusterApi({ createCluster: async () => created });
    const { onCreated, alerts } = await render(api);
    const form = await fillValidForm(user);
    await user.selectOptions(
      form.getByLabelText(/^Add an add-on/),
      'observability',
    );
    expect(form.getByLabelText(/^Add-on observability/)).toHaveValue('2.0.0');
    await user.type(form.getByLabelText(/^API token/), 's3cret');
    await user.click(form.getByRole('button', { name: 'Request' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(api.createCluster).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'dev-eks-01',
        addOnProfiles: [{ name: 'observability', version: '2.0.0' }],
        variables: { podCidr: '192.168.0.0/16', apiToken: 's3cret' },
      }),
    );
    expect(api.getProfileVersion).toHaveBeenCalledWith(
      'observability',
      '2.0.0',
    );
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Requested cluster dev-eks-01' }),
    );
  });

  it('places what the server refuses next to the fields, and a duplicate name on the name', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      createCluster: jest
        .fn()
        .mockRejectedValueOnce(
          await errorResponse(
            400,
            'InputError',
            'region: is not offered by aws-dev; workerPools.0.instanceType: is not an EC2 instance type',
          ),
        )
        .mockRejectedValueOnce(
          await errorResponse(
            409,
            'ConflictError',
            'a cluster named dev-eks-01 exists',
          ),
        ),
    });
    const { onCreated } = await render(api);
    const form = await fillValidForm(user);
    await user.click(form.getByRole('button', { name: 'Request' }));
    await waitFor(() =>
      expect(form.getByLabelText(/^Region/)).toHaveAccessibleDescription(
        'is not offered by aws-dev',
      ),
    );
    const pool = within(form.getByRole('group', { name: 'Worker pool 1' }));
    expect(pool.getByLabelText(/^Instance type/)).toHaveAccessibleDescription(
      'is not an EC2 instance type',
    );

    await user.click(form.getByRole('button', { name: 'Request' }));
    await waitFor(() =>
      expect(form.getByLabelText(/^Cluster name/)).toHaveAccessibleDescription(
        'a cluster named dev-eks-01 exists',
      ),
    );
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('shows the cost estimate and who must approve after a dry run', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      dryRunCluster: async () => ({
        valid: true,
        messages: [],
        manifests: [],
        governance: {
          violations: [],
          policy: { project: 'system:default/payments', environment: 'dev' },
          approval: { approverGroup: 'group:default/platform-team' },
          estimatedMonthlyCost: 420.48,
          usageAfter: { clusters: 3, nodes: 11, vcpus: 30, monthlyCost: 1620 },
        },
        costEstimate: {
          currency: 'USD',
          total: {
            hourly: { min: 0.58, max: 1.15 },
            monthly: { min: 420.48, max: 840.96 },
          },
          lines: [
            {
              item: 'pool workers (2–4 × m5.large)',
              cost: {
                hourly: { min: 0.58, max: 1.15 },
                monthly: { min: 420.48, max: 840.96 },
              },
            },
          ],
          warnings: [],
        },
      }),
    });
    await render(api);
    const form = await fillValidForm(user);
    await user.click(form.getByRole('button', { name: 'Validate' }));
    const governance = await form.findByLabelText('Governance');
    // The cost model's estimate: a range, because the pool autoscales.
    expect(await form.findByText(/\$420–\$841/)).toBeInTheDocument();
    expect(governance).toHaveTextContent(
      'the team runs 3 clusters with 11 nodes and 30 vCPUs for about $1,620 a month.',
    );
    expect(governance).toHaveTextContent(
      'Needs approval by platform-team: the cluster waits in PendingApproval until a member approves it.',
    );
  });

  it('places governance refusals next to their fields', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      createCluster: jest
        .fn()
        .mockRejectedValue(
          await errorResponse(
            403,
            'NotAllowedError',
            'Governance does not allow this request: region: is not allowed in payments / dev; workerPools.0.count: is more than the largest pool (1)',
          ),
        ),
    });
    await render(api);
    const form = await fillValidForm(user);
    await user.click(form.getByRole('button', { name: 'Request' }));
    await waitFor(() =>
      expect(form.getByLabelText(/^Region/)).toHaveAccessibleDescription(
        'is not allowed in payments / dev',
      ),
    );
    const pool = within(form.getByRole('group', { name: 'Worker pool 1' }));
    expect(pool.getByLabelText(/^Nodes/)).toHaveAccessibleDescription(
      'is more than the largest pool (1)',
    );
    expect(form.getByRole('alert')).toHaveTextContent(
      /^Governance does not allow this request/,
    );
  });
});
