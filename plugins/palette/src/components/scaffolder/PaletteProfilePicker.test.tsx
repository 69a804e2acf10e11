import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Apis } from '../profiles/__testUtils__/fixtures';
import {
  fakeClusterApi,
  profileSummary,
} from '../clusters/__testUtils__/fixtures';
import { policy } from '../governance/__testUtils__/fixtures';
import { PaletteProfilePicker } from './PaletteProfilePicker';
import { ProfilePickerValue } from './profilePicker';
import { estimateWithFlatPrices } from './__testUtils__/estimates';

const azure = profileSummary({
  name: 'azure-infra',
  displayName: 'Azure infrastructure',
  cloudType: 'azure',
  latestVersion: '2.0.0',
  versions: [
    {
      version: '2.0.0',
      changeNote: 'First',
      publishedAt: '2026-10-01T09:00:00Z',
      publishedBy: 'user:default/platform-admin',
      deprecated: false,
    },
  ],
});

function pickerApi(overrides: Parameters<typeof fakeClusterApi>[0] = {}) {
  return fakeClusterApi({
    listProfiles: async query => {
      if (query.type === 'full')
        return { items: [profileSummary()], totalCount: 1 };
      if (query.type === 'infra') return { items: [azure], totalCount: 1 };
      return { items: [], totalCount: 0 };
    },
    ...overrides,
  });
}

/** The props the scaffler's form gives a field. */
function fieldProps(overrides: Record<string, unknown> = {}) {
  return {
    name: 'profile',
    schema: { title: 'Cluster profile', description: 'What the cluster runs' },
    uiSchema: {},
    idSchema: { $id: 'root_profile' },
    onChange: jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    disabled: false,
    readonly: false,
    required: true,
    rawErrors: [],
    registry: {},
    formContext: { formData: {} },
    ...overrides,
  } as any;
}

async function renderPicker(
  api: ReturnType<typeof pickerApi>,
  props: ReturnType<typeof fieldProps>,
) {
  await renderInTestApp(
    <Apis api={api}>
      <PaletteProfilePicker {...props} />
    </Apis>,
  );
}

/** The picker as the form holds it: its value fed back on change. */
const Controlled = (props: ReturnType<typeof fieldProps>) => {
  const [value, setValue] = useState<ProfilePickerValue | undefined>(
    props.formData,
  );
  return (
    <PaletteProfilePicker
      {...props}
      formData={value}
      onChange={(next: ProfilePickerValue | undefined) => {
        setValue(next);
        props.onChange(next);
      }}
    />
  );
};

/** The rest of the request, as the production template's form holds it. */
const PLACEMENT = {
  cloudAccount: 'aws-dev',
  region: 'eu-west-1',
  workerPools: [
    {
      name: 'workers',
      instanceType: 'm5.large',
      count: 3,
      autoscaling: { min: 2, max: 5 },
    },
  ],
};

const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map(o => o.textContent);

describe('PaletteProfilePicker', () => {
  it('offers published infra and full profiles, and picks a version with its layers', async () => {
    const user = userEvent.setup({ delay: null });
    const props = fieldProps();
    await renderPicker(pickerApi(), props);
    const profile = screen.getByLabelText(/^Profile/);
    await waitFor(() =>
      expect(optionsOf(profile)).toEqual([
        'Choose a profile',
        'AWS infrastructure (aws-infra)',
        'Azure infrastructure (azure-infra)',
      ]),
    );
    expect(
      screen.getByText(
        'Choose the project and environment first to see only the profiles their governance policy allows.',
      ),
    ).toBeInTheDocument();
    await user.selectOptions(profile, 'aws-infra');
    expect(props.onChange).toHaveBeenLastCalledWith({
      name: 'aws-infra',
      version: '1.1.0',
    });
  });

  it('shows the chosen version and its layers; deprecated versions are not offered', async () => {
    await renderPicker(
      pickerApi(),
      fieldProps({ formData: { name: 'aws-infra', version: '1.1.0' } }),
    );
    const version = screen.getByLabelText(/^Version/);
    await waitFor(() => expect(version).toHaveValue('1.1.0'));
    expect(optionsOf(version)).toEqual(['Choose a version', '1.1.0 (latest)']);
    expect(screen.getByText('ubuntu 24.4.4')).toBeInTheDocument();
    expect(screen.getByText('calico 3.32.2')).toBeInTheDocument();
    expect(screen.getByText(/Full profile for AWS/)).toBeInTheDocument();
  });

  it("offers only what the policy of the form's project and environment allows", async () => {
    const api = pickerApi({
      getEffectivePolicy: async () => ({ policy: policy() }),
    });
    await renderPicker(
      api,
      fieldProps({
        formContext: {
          formData: { project: 'payments', environment: 'production' },
        },
      }),
    );
    await waitFor(() =>
      expect(api.getEffectivePolicy).toHaveBeenCalledWith(
        'system:default/payments',
        'production',
      ),
    );
    await waitFor(() =>
      expect(optionsOf(screen.getByLabelText(/^Profile/))).toEqual([
        'Choose a profile',
        'AWS infrastructure (aws-infra)',
      ]),
    );
    expect(
      screen.getByText(
        'Only the profiles the policy for payments / production allows are offered.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Clusters in payments / production need approval by platform-team before anything is created.',
      ),
    ).toBeInTheDocument();
  });

  it('reads the project and environment from the fields ui:options names', async () => {
    const api = pickerApi();
    await renderPicker(
      api,
      fieldProps({
        uiSchema: {
          'ui:options': { projectField: 'system', environmentField: 'stage' },
        },
        formContext: {
          formData: { system: 'system:default/payments', stage: 'dev' },
        },
      }),
    );
    await waitFor(() =>
      expect(api.getEffectivePolicy).toHaveBeenCalledWith(
        'system:default/payments',
        'dev',
      ),
    );
    expect(
      await screen.findByText(
        'Every published profile may be used in payments / dev.',
      ),
    ).toBeInTheDocument();
  });

  it('says when the policy allows none of the published profiles', async () => {
    const api = pickerApi({
      getEffectivePolicy: async () => ({
        policy: policy({ allowedProfiles: [{ name: 'gcp-infra' }] }),
      }),
    });
    await renderPicker(
      api,
      fieldProps({
        formContext: {
          formData: { project: 'payments', environment: 'production' },
        },
      }),
    );
    expect(
      await screen.findByText(
        /The policy for payments \/ production allows none of the published profiles/,
      ),
    ).toBeInTheDocument();
  });

  it('flags a value the list no longer offers, and shows the form errors', async () => {
    await renderPicker(
      pickerApi(),
      fieldProps({
        formData: { name: 'aws-infra', version: '1.0.0' },
        rawErrors: ['Version 1.0.0 of aws-infra is deprecated; choose another'],
      }),
    );
    expect(
      await screen.findByText(
        'aws-infra@1.0.0 is not offered: it is deprecated, unpublished. Choose again.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Version 1.0.0 of aws-infra is deprecated; choose another',
      ),
    ).toBeInTheDocument();
  });

  it('says when no profile is published yet', async () => {
    await renderPicker(
      pickerApi({ listProfiles: async () => ({ items: [], totalCount: 0 }) }),
      fieldProps(),
    );
    expect(
      await screen.findByText(
        /No infrastructure or full profile is published yet/,
      ),
    ).toBeInTheDocument();
  });

  describe('cost estimate', () => {
    const costProps = (overrides: Record<string, unknown> = {}) =>
      fieldProps({
        uiSchema: { 'ui:options': { controlPlane: { replicas: 3 } } },
        formContext: { formData: PLACEMENT },
        ...overrides,
      });

    it('shows the cost of the request once a profile is chosen, a range when autoscaling', async () => {
      const user = userEvent.setup({ delay: null });
      const api = pickerApi({ estimateCost: estimateWithFlatPrices });
      await renderInTestApp(
        <Apis api={api}>
          <Controlled {...costProps()} />
        </Apis>,
      );
      const profile = screen.getByLabelText(/^Profile/);
      await waitFor(() => expect(optionsOf(profile)).toHaveLength(3));
      expect(
        screen.queryByRole('region', { name: 'Estimated cost' }),
      ).toBeNull();
      expect(api.estimateCost).not.toHaveBeenCalled();

      await user.selectOptions(profile, 'aws-infra');
      const cost = await screen.findByRole('region', {
        name: 'Estimated cost',
      });
      // 3 control plane nodes and 2–5 workers at $0.11 an hour.
      expect(
        await within(cost).findByText('$402–$642 per month'),
      ).toBeInTheDocument();
      expect(
        within(cost).getByText(/\(\$0\.55–\$0\.88 per hour\)/),
      ).toBeVisible();
      expect(api.estimateCost).toHaveBeenCalledWith(
        expect.objectContaining({
          profile: { name: 'aws-infra', version: '1.1.0' },
          cloudAccount: 'aws-dev',
          region: 'eu-west-1',
          controlPlane: { replicas: 3 },
          workerPools: PLACEMENT.workerPools,
        }),
      );
      await user.click(
        within(cost).getByRole('button', { name: 'Show the breakdown' }),
      );
      expect(
        within(cost).getByRole('cell', {
          name: 'pool workers (2–5 × m5.large)',
        }),
      ).toBeInTheDocument();
    });

    it("estimates the template's default pools until the form has its own", async () => {
      const api = pickerApi({ estimateCost: estimateWithFlatPrices });
      await renderPicker(
        api,
        costProps({
          formData: { name: 'aws-infra', version: '1.1.0' },
          formContext: { formData: { ...PLACEMENT, workerPools: undefined } },
          registry: {
            rootSchema: {
              properties: {
                workerPools: {
                  default: [
                    { name: 'workers', instanceType: 'm5.large', count: 2 },
                  ],
                },
              },
            },
          },
        }),
      );
      // 3 control plane nodes and 2 workers.
      expect(await screen.findByText('$402 per month')).toBeInTheDocument();
      expect(screen.queryByText(/autoscaled pools/)).toBeNull();
    });

    it('says what the estimate needs when the form lacks it', async () => {
      const api = pickerApi({ estimateCost: estimateWithFlatPrices });
      await renderPicker(
        api,
        costProps({
          formData: { name: 'aws-infra', version: '1.1.0' },
          formContext: { formData: {} },
        }),
      );
      expect(
        await screen.findByText(
          'The cost is estimated once the form has a cloud account, a region and valid worker pools.',
        ),
      ).toBeInTheDocument();
      expect(api.estimateCost).not.toHaveBeenCalled();
    });

    it('still picks when the estimate fails', async () => {
      const user = userEvent.setup({ delay: null });
      const api = pickerApi({
        estimateCost: async () => {
          throw new Error('price model unavailable');
        },
      });
      const props = costProps();
      await renderInTestApp(
        <Apis api={api}>
          <Controlled {...props} />
        </Apis>,
      );
      const profile = screen.getByLabelText(/^Profile/);
      await waitFor(() => expect(optionsOf(profile)).toHaveLength(3));
      await user.selectOptions(profile, 'aws-infra');
      expect(
        await screen.findByText(
          'Could not estimate the cost: price model unavailable. This does not stop the request.',
        ),
      ).toBeInTheDocument();
      await user.selectOptions(profile, 'azure-infra');
      expect(props.onChange).toHaveBeenLastCalledWith({
        name: 'azure-infra',
        version: '2.0.0',
      });
      expect(screen.getByLabelText(/^Version/)).toHaveValue('2.0.0');
      expect(screen.getByLabelText(/^Profile/)).toBeEnabled();
    });
  });
});
