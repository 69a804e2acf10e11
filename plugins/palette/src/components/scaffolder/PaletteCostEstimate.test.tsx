import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis, fakePaletteApi } from '../profiles/__testUtils__/fixtures';
import { PaletteCostEstimate } from './PaletteCostEstimate';
import { estimateWithFlatPrices } from './__testUtils__/estimates';

/** What the production template's form holds by its last step. */
const FORM = {
  name: 'payments-prod',
  profile: { name: 'aws-infra', version: '1.1.0' },
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

function fieldProps(overrides: Record<string, unknown> = {}) {
  return {
    name: 'costEstimate',
    schema: { title: 'Estimated cost' },
    uiSchema: { 'ui:options': { controlPlane: { replicas: 3 } } },
    idSchema: { $id: 'root_costEstimate' },
    onChange: jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    disabled: false,
    readonly: false,
    required: false,
    rawErrors: [],
    registry: {},
    formContext: { formData: FORM },
    ...overrides,
  } as any;
}

const estimatingApi = () =>
  fakePaletteApi({ estimateCost: estimateWithFlatPrices });

describe('PaletteCostEstimate', () => {
  it('estimates the whole request, lists it for the review and shows the breakdown', async () => {
    const user = userEvent.setup({ delay: null });
    const api = estimatingApi();
    const props = fieldProps();
    await renderInTestApp(
      <Apis api={api}>
        <PaletteCostEstimate {...props} />
      </Apis>,
    );
    // 3 control plane nodes and 2–5 workers at $0.11 an hour.
    await waitFor(() =>
      expect(props.onChange).toHaveBeenLastCalledWith(
        '$402–$642 per month ($0.55–$0.88 per hour)',
      ),
    );
    expect(api.estimateCost).toHaveBeenCalledTimes(1);
    expect(api.estimateCost).toHaveBeenCalledWith(
      expect.objectContaining({
        profile: FORM.profile,
        cloudAccount: 'aws-dev',
        region: 'eu-west-1',
        controlPlane: { replicas: 3 },
        workerPools: FORM.workerPools,
      }),
    );
    expect(screen.getByText('$402–$642 per month')).toBeInTheDocument();
    expect(
      screen.getByText(
        /autoscaled pools run between their minimum and maximum/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(
      screen.getByRole('button', { name: 'Show the breakdown' }),
    );
    const table = screen.getByRole('table', { name: 'Cost breakdown' });
    const rows = within(table)
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows).toEqual([
      'ItemPer hourPer month',
      'control plane (3 × m5.large)$0.30$219',
      'pool workers (2–5 × m5.large)$0.20–$0.50$146–$365',
      'storage$0.05–$0.08$37–$58',
    ]);
  });

  it('says what the form still lacks, and asks for nothing', async () => {
    const api = estimatingApi();
    const props = fieldProps({
      formContext: {
        formData: { ...FORM, cloudAccount: undefined, region: '' },
      },
    });
    await renderInTestApp(
      <Apis api={api}>
        <PaletteCostEstimate {...props} />
      </Apis>,
    );
    expect(
      screen.getByText(
        'The cost is estimated once the form has a cloud account and a region.',
      ),
    ).toBeInTheDocument();
    expect(props.onChange).toHaveBeenCalledWith(
      'Not estimated: needs a cloud account and a region',
    );
    expect(api.estimateCost).not.toHaveBeenCalled();
  });

  it('warns when the estimate fails, and says so in its value', async () => {
    const api = fakePaletteApi({
      estimateCost: async () => {
        throw new Error('price model unavailable');
      },
    });
    const props = fieldProps();
    await renderInTestApp(
      <Apis api={api}>
        <PaletteCostEstimate {...props} />
      </Apis>,
    );
    expect(
      await screen.findByText(
        'Could not estimate the cost: price model unavailable. This does not stop the request.',
      ),
    ).toBeInTheDocument();
    expect(props.onChange).toHaveBeenLastCalledWith(
      'Not estimated: price model unavailable',
    );
  });

  it('asks again once the form rests, and clears a stale value meanwhile', async () => {
    const api = estimatingApi();
    const props = fieldProps();
    const { rerender } = await renderInTestApp(
      <Apis api={api}>
        <PaletteCostEstimate {...props} />
      </Apis>,
    );
    await waitFor(() => expect(props.onChange).toHaveBeenCalledTimes(1));
    const grow = (count: number) =>
      rerender(
        <Apis api={api}>
          <PaletteCostEstimate
            {...props}
            formData="$402–$642 per month ($0.55–$0.88 per hour)"
            formContext={{
              formData: {
                ...FORM,
                workerPools: [
                  { name: 'workers', instanceType: 'm5.large', count },
                ],
              },
            }}
          />
        </Apis>,
      );
    grow(4);
    grow(5);
    expect(props.onChange).toHaveBeenLastCalledWith(undefined);
    // 3 control plane nodes and 5 workers.
    await waitFor(() =>
      expect(props.onChange).toHaveBeenLastCalledWith(
        '$642 per month ($0.88 per hour)',
      ),
    );
    expect(api.estimateCost).toHaveBeenCalledTimes(2);
    expect(api.estimateCost).toHaveBeenLastCalledWith(
      expect.objectContaining({
        workerPools: [{ name: 'workers', instanceType: 'm5.large', count: 5 }],
      }),
    );
  });
});
