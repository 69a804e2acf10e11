import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GeneratedProfileResult } from '@palette-backstage/plugin-palette-common';
import {
  errorResponse,
  importedCluster,
  inventory,
} from '../__testUtils__/fixtures';
import { renderClusterPage } from '../__testUtils__/renderCluster';

const generated: GeneratedProfileResult = {
  profile: { name: 'legacy-eks-baseline', version: '1.0.0' },
  layers: [
    {
      layer: 'os',
      discovered: 'Amazon Linux 2023.6.20250107',
      mappedTo: 'custom',
      pack: { name: 'amazon-linux', version: '2023.6.20250107' },
      note: 'no registry pack for Amazon Linux',
    },
    {
      layer: 'kubernetes',
      discovered: 'eks 1.32.3',
      mappedTo: 'registry',
      pack: { name: 'kubernetes-eks', version: '1.32.3' },
    },
    {
      layer: 'addon',
      discovered: 'ingress-nginx 4.12.0 (ingress-nginx/ingress-nginx)',
      mappedTo: 'registry',
      pack: { name: 'ingress-nginx', version: '4.12.0' },
      note: 'values carried over',
    },
  ],
};

const openDialog = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(
    await screen.findByRole('button', {
      name: 'Create profile from this cluster',
    }),
  );
  return within(await screen.findByRole('dialog'));
};

describe('GenerateProfileDialog', () => {
  it('creates a draft profile and shows how each discovered part was mapped, with the way to review it', async () => {
    const user = userEvent.setup({ delay: null });
    let finish: (result: GeneratedProfileResult) => void = () => {};
    const { api } = await renderClusterPage('gen-01', {
      getCluster: async name => importedCluster('read-only', { name }),
      getClusterInventory: async () => inventory(),
      generateProfileFromCluster: () =>
        new Promise(resolve => {
          finish = resolve;
        }),
    });
    const dialog = await openDialog(user);
    expect(
      dialog.getByRole('heading', { name: 'Create a profile from gen-01' }),
    ).toBeInTheDocument();

    await user.type(dialog.getByLabelText('Profile name'), 'Legacy EKS');
    await user.click(
      dialog.getByRole('button', { name: 'Create draft profile' }),
    );
    expect(dialog.getByLabelText('Profile name')).toHaveAccessibleDescription(
      'must be lower-case letters, digits and dashes, starting with a letter',
    );
    expect(api.generateProfileFromCluster).not.toHaveBeenCalled();

    await user.clear(dialog.getByLabelText('Profile name'));
    await user.type(
      dialog.getByLabelText('Profile name'),
      'legacy-eks-baseline',
    );
    await user.click(
      dialog.getByRole('button', { name: 'Create draft profile' }),
    );
    expect(
      dialog.getByRole('progressbar', { name: 'Creating the profile' }),
    ).toBeInTheDocument();
    expect(api.generateProfileFromCluster).toHaveBeenCalledWith(
      'gen-01',
      'legacy-eks-baseline',
    );
    finish(generated);

    expect(await dialog.findByRole('status')).toHaveTextContent(
      'Created the draft of profile legacy-eks-baseline (1.0.0) with 3 layers, 1 of them from new custom packs.',
    );
    const rows = within(
      dialog.getByRole('table', { name: 'Generated layers' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'LayerDiscoveredMapped toNote',
      'OSAmazon Linux 2023.6.20250107Custom amazon-linux@2023.6.20250107no registry pack for Amazon Linux',
      'Kuberneteseks 1.32.3Registry kubernetes-eks@1.32.3',
      'Add-oningress-nginx 4.12.0 (ingress-nginx/ingress-nginx)Registry ingress-nginx@4.12.0values carried over',
    ]);
    expect(
      dialog.getByRole('button', { name: 'Review the draft profile' }),
    ).toHaveAttribute('href', '/palette/profiles/legacy-eks-baseline');
  });

  it('lets the server name the profile when no name is given', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = await renderClusterPage('gen-02', {
      getCluster: async name => importedCluster('managed', { name }),
      getClusterInventory: async () => inventory(),
      generateProfileFromCluster: async () => ({
        ...generated,
        profile: { name: 'gen-02', version: '1.0.0' },
      }),
    });
    const dialog = await openDialog(user);
    await user.click(
      dialog.getByRole('button', { name: 'Create draft profile' }),
    );
    await dialog.findByRole('status');
    expect(api.generateProfileFromCluster).toHaveBeenCalledWith(
      'gen-02',
      undefined,
    );
    expect(
      dialog.getByRole('button', { name: 'Review the draft profile' }),
    ).toHaveAttribute('href', '/palette/profiles/gen-02');
  });

  it('says when the name is taken, next to the name', async () => {
    const user = userEvent.setup({ delay: null });
    const conflict = await errorResponse(
      409,
      'ConflictError',
      'a profile named legacy exists',
    );
    await renderClusterPage('gen-03', {
      getCluster: async name => importedCluster('read-only', { name }),
      getClusterInventory: async () => inventory(),
      generateProfileFromCluster: async () => {
        throw conflict;
      },
    });
    const dialog = await openDialog(user);
    await user.type(dialog.getByLabelText('Profile name'), 'legacy');
    await user.click(
      dialog.getByRole('button', { name: 'Create draft profile' }),
    );
    await waitFor(() =>
      expect(dialog.getByLabelText('Profile name')).toHaveAccessibleDescription(
        'a profile named legacy exists',
      ),
    );
    expect(dialog.queryByRole('table')).toBeNull();
  });
});
