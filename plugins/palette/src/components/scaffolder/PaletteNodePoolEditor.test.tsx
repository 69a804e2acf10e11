import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PaletteNodePoolEditor } from './PaletteNodePoolEditor';

function fieldProps(overrides: Record<string, unknown> = {}) {
  return {
    name: 'workerPools',
    schema: { title: 'Worker pools' },
    uiSchema: {},
    idSchema: { $id: 'root_workerPools' },
    onChange: jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    disabled: false,
    readonly: false,
    required: true,
    rawErrors: [],
    registry: {},
    ...overrides,
  } as any;
}

describe('PaletteNodePoolEditor', () => {
  it('starts an empty form with one pool of the default instance type', async () => {
    const props = fieldProps({
      uiSchema: { 'ui:options': { defaultInstanceType: 'm5.large' } },
    });
    await renderInTestApp(<PaletteNodePoolEditor {...props} />);
    expect(props.onChange).toHaveBeenCalledWith([
      { name: 'workers', instanceType: 'm5.large', count: 3 },
    ]);
    expect(screen.getByRole('group', { name: 'Worker pool 1' })).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Remove Worker pool 1' }),
    ).toBeDisabled();
  });

  it('adds pools, sets autoscaling bounds and removes pools', async () => {
    const user = userEvent.setup({ delay: null });
    const props = fieldProps({
      formData: [{ name: 'workers', instanceType: 'm5.large', count: 3 }],
    });
    await renderInTestApp(<PaletteNodePoolEditor {...props} />);
    expect(props.onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Add pool' }));
    expect(props.onChange).toHaveBeenLastCalledWith([
      { name: 'workers', instanceType: 'm5.large', count: 3 },
      { name: 'pool-2', instanceType: 'm5.large', count: 3 },
    ]);
    const second = within(screen.getByRole('group', { name: /Worker pool 2/ }));
    await user.click(second.getByLabelText('Autoscaling'));
    const max = second.getByLabelText('Maximum');
    await user.clear(max);
    await user.type(max, '8');
    expect(props.onChange).toHaveBeenLastCalledWith([
      { name: 'workers', instanceType: 'm5.large', count: 3 },
      {
        name: 'pool-2',
        instanceType: 'm5.large',
        count: 3,
        autoscaling: { min: 1, max: 8 },
      },
    ]);
    await user.click(
      screen.getByRole('button', { name: 'Remove Worker pool 1' }),
    );
    expect(props.onChange).toHaveBeenLastCalledWith([
      {
        name: 'pool-2',
        instanceType: 'm5.large',
        count: 3,
        autoscaling: { min: 1, max: 8 },
      },
    ]);
  });

  it('keeps labels and taints the template gave', async () => {
    const user = userEvent.setup({ delay: null });
    const pool = {
      name: 'gpu',
      instanceType: 'p3.2xlarge',
      count: 1,
      labels: { accelerator: 'nvidia' },
      taints: [{ key: 'gpu', effect: 'NoSchedule' as const }],
    };
    const props = fieldProps({ formData: [pool] });
    await renderInTestApp(<PaletteNodePoolEditor {...props} />);
    const count = screen.getByLabelText(/^Nodes/);
    await user.clear(count);
    await user.type(count, '2');
    expect(props.onChange).toHaveBeenLastCalledWith([{ ...pool, count: 2 }]);
  });

  it('marks problems next to their inputs once the form was checked', async () => {
    const user = userEvent.setup({ delay: null });
    const pools = [
      { name: 'workers', instanceType: 'm5.large', count: 3 },
      { name: 'workers', instanceType: '', count: 3 },
    ];
    const { rerender } = await renderInTestApp(
      <PaletteNodePoolEditor {...fieldProps({ formData: pools })} />,
    );
    // Not before the form is checked.
    expect(screen.queryByText(/is named twice/)).toBeNull();
    const checked = fieldProps({
      formData: pools,
      rawErrors: [
        'Worker pool 2 (workers): pool "workers" is named twice; pool names must be unique',
      ],
    });
    rerender(<PaletteNodePoolEditor {...checked} />);
    const second = within(screen.getByRole('group', { name: /Worker pool 2/ }));
    await waitFor(() =>
      expect(
        second.getByText(
          'pool "workers" is named twice; pool names must be unique',
        ),
      ).toBeInTheDocument(),
    );
    expect(second.getByText('is required')).toBeInTheDocument();
    await user.clear(second.getByLabelText(/^Pool name/));
    await user.type(second.getByLabelText(/^Pool name/), 'batch');
    expect(second.queryByText(/is named twice/)).toBeNull();
  });
});
