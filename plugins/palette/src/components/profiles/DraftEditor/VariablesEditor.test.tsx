import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  EditableVariable,
  toEditableVariable,
  toProfileVariable,
} from './draftModel';
import { VariablesEditor } from './VariablesEditor';

/** The editor with its state, reporting every change. */
function Harness({
  initial,
  onVariables,
  readOnly = false,
}: {
  initial: EditableVariable[];
  onVariables: (variables: EditableVariable[]) => void;
  readOnly?: boolean;
}) {
  const [variables, setVariables] = useState(initial);
  return (
    <VariablesEditor
      variables={variables}
      onChange={v => {
        setVariables(v);
        onVariables(v);
      }}
      readOnly={readOnly}
      messages={{}}
    />
  );
}

describe('VariablesEditor', () => {
  it('adds a variable with every setting and checks it as it is typed', async () => {
    const user = userEvent.setup({ delay: null });
    const onVariables = jest.fn();
    await renderInTestApp(<Harness initial={[]} onVariables={onVariables} />);
    expect(screen.getByText(/No variables/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    let card = within(
      screen.getByRole('group', { name: 'Variable variable 1' }),
    );
    expect(card.getByText('A name is required')).toBeInTheDocument();
    expect(card.getByText('A display name is required')).toBeInTheDocument();

    await user.type(card.getByLabelText(/^Name/), '1replicas');
    card = within(screen.getByRole('group', { name: 'Variable 1replicas' }));
    expect(
      card.getByText(/Must start with a letter and hold only letters/),
    ).toBeInTheDocument();
    await user.clear(card.getByLabelText(/^Name/));
    await user.type(card.getByLabelText(/^Name/), 'replicas');
    card = within(screen.getByRole('group', { name: 'Variable replicas' }));
    expect(card.getByText('{{ .palette.vars.replicas }}')).toBeInTheDocument();

    await user.type(card.getByLabelText(/^Display name/), 'Replicas');
    await user.type(card.getByLabelText('Description'), 'Controller replicas');
    await user.selectOptions(card.getByLabelText('Format'), 'number');
    await user.type(card.getByLabelText('Default'), 'three');
    expect(
      card.getByText(
        'The default: "three" is not a number such as 3 or 0.5 (format number)',
      ),
    ).toBeInTheDocument();
    await user.clear(card.getByLabelText('Default'));
    await user.type(card.getByLabelText('Default'), '3');
    expect(card.queryByText(/The default:/)).not.toBeInTheDocument();

    await user.type(card.getByLabelText('Regex'), '[[1-9');
    expect(
      card.getByText('Not a valid regular expression'),
    ).toBeInTheDocument();
    await user.type(card.getByLabelText('Regex'), ']');

    await user.selectOptions(card.getByLabelText('Input type'), 'dropdown');
    expect(
      card.getByText('A dropdown needs at least one option'),
    ).toBeInTheDocument();
    await user.click(card.getByRole('button', { name: 'Add option' }));
    await user.type(card.getByLabelText('Option 1 value'), '3');
    await user.type(card.getByLabelText('Option 1 label'), 'Three (HA)');
    expect(
      card.queryByText('A dropdown needs at least one option'),
    ).not.toBeInTheDocument();

    await user.click(card.getByLabelText('Required'));
    await user.click(card.getByLabelText('Read-only'));

    const last = onVariables.mock.calls[onVariables.mock.calls.length - 1][0];
    expect(last.map(toProfileVariable)).toEqual([
      {
        name: 'replicas',
        displayName: 'Replicas',
        description: 'Controller replicas',
        format: 'number',
        inputType: 'dropdown',
        options: [{ value: '3', label: 'Three (HA)' }],
        regex: '[1-9]',
        required: true,
        default: '3',
        readOnly: true,
      },
    ]);
  });

  it('masks the default of sensitive variables and tells duplicate names', async () => {
    const user = userEvent.setup({ delay: null });
    const initial = [
      toEditableVariable({
        name: 'token',
        displayName: 'Token',
        format: 'base64',
        sensitive: true,
        default: 'c2VjcmV0',
      }),
      toEditableVariable({
        name: 'token',
        displayName: 'Again',
        format: 'string',
      }),
    ];
    const onVariables = jest.fn();
    await renderInTestApp(
      <Harness initial={initial} onVariables={onVariables} />,
    );
    const [first, second] = screen.getAllByRole('group', {
      name: 'Variable token',
    });
    expect(within(first).getByLabelText('Default')).toHaveAttribute(
      'type',
      'password',
    );
    expect(within(first).getByLabelText('Sensitive')).toBeChecked();
    expect(
      within(second).getAllByText('Another variable is named token'),
    ).toHaveLength(1);

    await user.click(
      within(second).getByRole('button', { name: 'Remove variable token' }),
    );
    expect(screen.getAllByRole('group', { name: /^Variable/ })).toHaveLength(1);
    expect(onVariables).toHaveBeenLastCalledWith([initial[0]]);
  });

  it('shows variables without controls to change them when read-only', async () => {
    await renderInTestApp(
      <Harness
        readOnly
        onVariables={jest.fn()}
        initial={[
          toEditableVariable({
            name: 'podCidr',
            displayName: 'Pod CIDR',
            format: 'cidr',
          }),
        ]}
      />,
    );
    const card = within(
      screen.getByRole('group', { name: 'Variable podCidr' }),
    );
    expect(card.getByLabelText(/^Name/)).toBeDisabled();
    expect(card.getByLabelText('Format')).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Add variable' }),
    ).not.toBeInTheDocument();
    expect(
      card.queryByRole('button', { name: /Remove/ }),
    ).not.toBeInTheDocument();
  });
});
