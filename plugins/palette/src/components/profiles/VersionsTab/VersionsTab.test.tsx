import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Apis,
  awsInfra,
  fakeAlertApi,
  fakePaletteApi,
} from '../__testUtils__/fixtures';
import { VersionsTab } from './VersionsTab';

async function render(
  api: ReturnType<typeof fakePaletteApi>,
  permissions = { canPublish: true, canDelete: true },
  alerts = fakeAlertApi(),
) {
  const onProfileChange = jest.fn();
  const onVersionDeleted = jest.fn();
  await renderInTestApp(
    <Apis api={api} alerts={alerts}>
      <VersionsTab
        profile={awsInfra()}
        permissions={permissions}
        onProfileChange={onProfileChange}
        onVersionDeleted={onVersionDeleted}
      />
    </Apis>,
  );
  return { onProfileChange, onVersionDeleted, alerts };
}

const row = (version: string) =>
  within(screen.getByRole('row', { name: `Version ${version}` }));

describe('VersionsTab', () => {
  it('lists versions with change note, publisher, date and status', async () => {
    await render(fakePaletteApi());
    const latest = row('1.1.0');
    expect(latest.getByText('Latest')).toBeInTheDocument();
    expect(latest.getByText('Kubernetes 1.34.10')).toBeInTheDocument();
    expect(latest.getByText('user:platform-admin')).toBeInTheDocument();
    expect(latest.getByText(/6 Oct 2026/)).toBeInTheDocument();
    expect(latest.getByText('Active')).toBeInTheDocument();
    expect(row('1.0.0').getByText('Deprecated')).toBeInTheDocument();
    expect(
      latest.getByRole('button', { name: 'Deprecate' }),
    ).toBeInTheDocument();
    expect(
      row('1.0.0').getByRole('button', { name: 'Undeprecate' }),
    ).toBeInTheDocument();
  });

  it('deprecates and undeprecates versions', async () => {
    const user = userEvent.setup({ delay: null });
    const updated = awsInfra({ latestVersion: '1.0.0' });
    const api = fakePaletteApi({ setDeprecated: async () => updated });
    const { onProfileChange, alerts } = await render(api);
    await user.click(row('1.1.0').getByRole('button', { name: 'Deprecate' }));
    await waitFor(() => expect(onProfileChange).toHaveBeenCalledWith(updated));
    expect(api.setDeprecated).toHaveBeenCalledWith('aws-infra', '1.1.0', true);
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Deprecated aws-infra 1.1.0; new clusters cannot use it',
      }),
    );
    await user.click(row('1.0.0').getByRole('button', { name: 'Undeprecate' }));
    await waitFor(() =>
      expect(api.setDeprecated).toHaveBeenCalledWith(
        'aws-infra',
        '1.0.0',
        false,
      ),
    );
  });

  it('deletes a version only after confirmation, and shows a refusal', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      deleteVersion: async (_name, version) => {
        if (version === '1.1.0')
          throw new Error('2 clusters run aws-infra 1.1.0');
      },
    });
    const { onVersionDeleted } = await render(api);

    await user.click(row('1.0.0').getByRole('button', { name: 'Delete' }));
    let dialog = within(
      screen.getByRole('dialog', { name: 'Delete aws-infra 1.0.0?' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.deleteVersion).not.toHaveBeenCalled();

    await user.click(row('1.0.0').getByRole('button', { name: 'Delete' }));
    dialog = within(
      screen.getByRole('dialog', { name: 'Delete aws-infra 1.0.0?' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Delete version' }));
    await waitFor(() => expect(onVersionDeleted).toHaveBeenCalled());
    expect(api.deleteVersion).toHaveBeenCalledWith('aws-infra', '1.0.0');

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await user.click(row('1.1.0').getByRole('button', { name: 'Delete' }));
    dialog = within(
      screen.getByRole('dialog', { name: 'Delete aws-infra 1.1.0?' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Delete version' }));
    expect(
      await dialog.findByText('2 clusters run aws-infra 1.1.0'),
    ).toBeInTheDocument();
    expect(onVersionDeleted).toHaveBeenCalledTimes(1);
  });

  it('downloads a version as YAML', async () => {
    const user = userEvent.setup({ delay: null });
    const yaml =
      'apiVersion: palette.backstage.io/v1alpha1\nkind: ClusterProfile\n';
    const api = fakePaletteApi({ exportProfileVersion: async () => yaml });
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function checkDownload(this: HTMLAnchorElement) {
        expect(this.download).toBe('aws-infra-1.1.0.yaml');
        expect(this.href).toBe('blob:export');
      });
    await render(api);
    await user.click(row('1.1.0').getByRole('button', { name: 'Export YAML' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.exportProfileVersion).toHaveBeenCalledWith('aws-infra', '1.1.0');
    expect(await createObjectURL.mock.calls[0][0].text()).toBe(yaml);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:export');
    click.mockRestore();
  });

  it('hides deprecate and delete from those who may not use them', async () => {
    await render(fakePaletteApi(), { canPublish: false, canDelete: false });
    expect(
      row('1.1.0').getByRole('button', { name: 'Export YAML' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /deprecate/i }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });
});
