import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfileDiff } from '@palette-backstage/plugin-palette-common';
import { Apis, awsInfra, fakePaletteApi } from '../__testUtils__/fixtures';
import { CompareTab } from './CompareTab';
import { sideBySideRows } from './ProfileDiffView';

const diff: ProfileDiff = {
  from: { name: 'aws-infra', version: '1.1.0' },
  to: { name: 'aws-infra' },
  layersAdded: [{ packName: 'cert-manager', packVersion: '1.19.1' }],
  layersRemoved: [{ packName: 'external-dns', packVersion: '1.19.0' }],
  layersChanged: [
    {
      packName: 'calico',
      layer: 'cni',
      fromVersion: '3.31.7',
      toVersion: '3.32.2',
      versionChange: 'upgrade',
      valuesChanged: false,
      valuesDiff: [],
    },
    {
      packName: 'aws-ebs-csi',
      layer: 'csi',
      fromVersion: '1.56.0',
      toVersion: '1.56.0',
      valuesChanged: true,
      valuesDiff: [
        { op: 'equal', line: 'controller:', oldLine: 1, newLine: 1 },
        { op: 'remove', line: '  replicaCount: 2', oldLine: 2 },
        { op: 'add', line: '  replicaCount: 3', newLine: 2 },
        { op: 'add', line: '  resources: {}', newLine: 3 },
      ],
    },
  ],
  layersUnchanged: ['ubuntu', 'kubernetes'],
  orderChanged: true,
  variablesAdded: ['auditLogMaxAge'],
  variablesRemoved: [],
  variablesChanged: ['podCidr'],
  hasChanges: true,
};

describe('CompareTab', () => {
  it('compares the latest version with the draft and shows the diff side by side', async () => {
    const api = fakePaletteApi({ diffProfile: async () => diff });
    await renderInTestApp(
      <Apis api={api}>
        <CompareTab profile={awsInfra()} />
      </Apis>,
    );
    expect(
      await screen.findByRole('region', { name: 'Layers added' }),
    ).toHaveTextContent('+ cert-manager 1.19.1');
    expect(api.diffProfile).toHaveBeenCalledWith('aws-infra', '1.1.0', 'draft');
    expect(screen.getByLabelText('From')).toHaveValue('1.1.0');
    expect(screen.getByLabelText('To')).toHaveValue('draft');
    expect(
      screen.getByRole('region', { name: 'Layers removed' }),
    ).toHaveTextContent('external-dns 1.19.0');
    expect(
      screen.getByText('The layers install in a different order.'),
    ).toBeInTheDocument();

    const calico = within(
      screen.getByRole('group', { name: 'Changed layer calico' }),
    );
    expect(calico.getByText('3.31.7 → 3.32.2')).toBeInTheDocument();
    expect(calico.getByText('Upgrade')).toBeInTheDocument();
    expect(calico.queryByRole('table')).not.toBeInTheDocument();

    const csi = within(
      screen.getByRole('group', { name: 'Changed layer aws-ebs-csi' }),
    );
    const table = csi.getByRole('table', {
      name: 'Values diff of aws-ebs-csi',
    });
    expect(within(table).getByText('1.1.0')).toBeInTheDocument();
    expect(within(table).getByText('Draft')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // The removed line sits beside the line that replaced it.
    const [, changed, added] = rows.map(r => within(r).getAllByRole('cell'));
    expect(changed[1]).toHaveTextContent('- replicaCount: 2');
    expect(changed[1]).toHaveAttribute('data-op', 'remove');
    expect(changed[3]).toHaveTextContent('+ replicaCount: 3');
    expect(changed[3]).toHaveAttribute('data-op', 'add');
    expect(added[1]).toHaveTextContent('');
    expect(added[3]).toHaveTextContent('+ resources: {}');

    const variables = screen.getByRole('list', { name: 'Variable changes' });
    expect(variables).toHaveTextContent('auditLogMaxAge (added)');
    expect(variables).toHaveTextContent('podCidr (changed)');
    expect(
      screen.getByText('Unchanged: ubuntu, kubernetes'),
    ).toBeInTheDocument();
  });

  it('compares any two versions picked, and says when they are the same', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      diffProfile: async () => ({
        ...diff,
        to: { name: 'aws-infra', version: '1.1.0' },
        from: { name: 'aws-infra', version: '1.0.0' },
        hasChanges: false,
      }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <CompareTab profile={awsInfra()} />
      </Apis>,
    );
    await user.selectOptions(screen.getByLabelText('From'), '1.0.0');
    await user.selectOptions(screen.getByLabelText('To'), '1.1.0');
    await waitFor(() =>
      expect(api.diffProfile).toHaveBeenLastCalledWith(
        'aws-infra',
        '1.0.0',
        '1.1.0',
      ),
    );
    expect(
      await screen.findByText('1.0.0 and 1.1.0 are the same.'),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('From'), '1.1.0');
    expect(
      screen.getByText('Pick two different versions to compare.'),
    ).toBeInTheDocument();
    // The draft is offered as a target only.
    expect(
      within(screen.getByLabelText('From')).queryByRole('option', {
        name: 'Draft',
      }),
    ).not.toBeInTheDocument();
  });

  it('pairs removed and added lines into rows', () => {
    expect(
      sideBySideRows([
        { op: 'remove', line: 'a', oldLine: 1 },
        { op: 'remove', line: 'b', oldLine: 2 },
        { op: 'add', line: 'c', newLine: 1 },
        { op: 'equal', line: 'd', oldLine: 3, newLine: 2 },
      ]),
    ).toEqual([
      {
        left: { line: 'a', number: 1, op: 'remove' },
        right: { line: 'c', number: 1, op: 'add' },
      },
      { left: { line: 'b', number: 2, op: 'remove' }, right: undefined },
      {
        left: { line: 'd', number: 3, op: 'equal' },
        right: { line: 'd', number: 2, op: 'equal' },
      },
    ]);
  });
});
