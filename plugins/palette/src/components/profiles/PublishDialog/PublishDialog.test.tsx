import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PublishDialog } from './PublishDialog';

async function render(
  props: Partial<Parameters<typeof PublishDialog>[0]> = {},
) {
  const onPublish = jest.fn(async () => {});
  const onClose = jest.fn();
  await renderInTestApp(
    <PublishDialog
      open
      profileName="aws-infra"
      previousVersion="1.1.0"
      onPublish={onPublish}
      onClose={onClose}
      {...props}
    />,
  );
  return {
    onPublish: (props.onPublish as jest.Mock) ?? onPublish,
    onClose,
    dialog: within(screen.getByRole('dialog', { name: 'Publish aws-infra' })),
  };
}

describe('PublishDialog', () => {
  it('suggests the next patch, minor and major versions, patch first', async () => {
    const user = userEvent.setup({ delay: null });
    const { dialog } = await render();
    expect(dialog.getByLabelText(/^Version/)).toHaveValue('1.1.1');
    expect(dialog.getByLabelText('Patch 1.1.1')).toBeChecked();
    expect(dialog.getByLabelText('Minor 1.2.0')).not.toBeChecked();
    await user.click(dialog.getByLabelText('Major 2.0.0'));
    expect(dialog.getByLabelText(/^Version/)).toHaveValue('2.0.0');
    expect(dialog.getByText(/The latest version is 1.1.0/)).toBeInTheDocument();
  });

  it('suggests 0.1.0 for the first version', async () => {
    const { dialog } = await render({ previousVersion: undefined });
    expect(dialog.getByLabelText(/^Version/)).toHaveValue('0.1.0');
    expect(dialog.getByLabelText('Major 1.0.0')).not.toBeChecked();
    expect(
      dialog.getByText(/first version of the profile/),
    ).toBeInTheDocument();
  });

  it('suggests releasing a pre-release as its patch', async () => {
    const { dialog } = await render({ previousVersion: '1.3.0-rc.1' });
    expect(dialog.getByLabelText(/^Version/)).toHaveValue('1.3.0');
    expect(dialog.getByLabelText('Major 2.0.0')).toBeInTheDocument();
  });

  it('requires a change note and a higher semantic version', async () => {
    const user = userEvent.setup({ delay: null });
    const { dialog, onPublish } = await render();
    await user.click(dialog.getByRole('button', { name: 'Publish' }));
    expect(dialog.getByText('A change note is required')).toBeInTheDocument();

    await user.clear(dialog.getByLabelText(/^Version/));
    await user.type(dialog.getByLabelText(/^Version/), '1.0.9');
    expect(
      dialog.getByText('Must be greater than the latest version 1.1.0'),
    ).toBeInTheDocument();
    await user.clear(dialog.getByLabelText(/^Version/));
    await user.type(dialog.getByLabelText(/^Version/), '1.2');
    expect(
      dialog.getByText('Must be a semantic version such as 1.4.0'),
    ).toBeInTheDocument();
    await user.type(dialog.getByLabelText(/^Change note/), 'Calico 3.32');
    await user.click(dialog.getByRole('button', { name: 'Publish' }));
    expect(onPublish).not.toHaveBeenCalled();

    await user.type(dialog.getByLabelText(/^Version/), '.0');
    await user.click(dialog.getByRole('button', { name: 'Publish' }));
    await waitFor(() =>
      expect(onPublish).toHaveBeenCalledWith({
        version: '1.2.0',
        changeNote: 'Calico 3.32',
      }),
    );
  });

  it("shows the server's reasons when publishing is refused, and stays open", async () => {
    const user = userEvent.setup({ delay: null });
    const refusal = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message:
              'aws-infra has 1 error: layers[3].values.controller.replicaCount must be integer',
          },
          response: { statusCode: 400 },
          messages: [
            {
              severity: 'error',
              code: 'values.schema',
              layer: 'aws-ebs-csi',
              field: 'layers[3].values.controller.replicaCount',
              message: 'controller.replicaCount must be integer',
            },
          ],
        }),
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    const onPublish = jest.fn(async () => {
      throw refusal;
    });
    const { dialog, onClose } = await render({ onPublish });
    await user.type(dialog.getByLabelText(/^Change note/), 'More replicas');
    await user.click(dialog.getByRole('button', { name: 'Publish' }));

    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent(
      'aws-infra has 1 error: layers[3].values.controller.replicaCount must be integer',
    );
    expect(
      within(alert).getByRole('list', {
        name: 'Problems that block publishing',
      }),
    ).toHaveTextContent('controller.replicaCount must be integer');
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog.getByRole('button', { name: 'Publish' })).toBeEnabled();
  });

  it('closes after publishing', async () => {
    const user = userEvent.setup({ delay: null });
    const { dialog, onClose, onPublish } = await render();
    await user.type(dialog.getByLabelText(/^Change note/), 'Patch');
    await user.click(dialog.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onPublish).toHaveBeenCalledWith({
      version: '1.1.1',
      changeNote: 'Patch',
    });
  });
});
