import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ProfileDetails,
  SaveDraftRequest,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import {
  Apis,
  awsInfra,
  awsInfraVersion,
  fakeAlertApi,
  fakePaletteApi,
} from '../__testUtils__/fixtures';
import { DraftEditor } from './DraftEditor';

/** A saveDraft that stores the request as the draft, like the server. */
function savingDraft(messages: ValidationMessage[] = []) {
  let saves = 0;
  return async (_name: string, request: SaveDraftRequest) => {
    const base = awsInfra();
    saves++;
    return {
      profile: {
        ...base,
        draft: {
          ...base.draft!,
          layers: request.layers,
          variables: request.variables ?? [],
          updatedAt: `2026-10-08T09:00:0${saves}Z`,
        },
      },
      messages,
    };
  };
}

async function render(
  api: ReturnType<typeof fakePaletteApi>,
  options: {
    profile?: ProfileDetails;
    canUpdate?: boolean;
    canPublish?: boolean;
    onProfileChange?: jest.Mock;
    alerts?: ReturnType<typeof fakeAlertApi>;
  } = {},
) {
  const onProfileChange = options.onProfileChange ?? jest.fn();
  const result = await renderInTestApp(
    <Apis api={api} alerts={options.alerts}>
      <DraftEditor
        profile={options.profile ?? awsInfra()}
        permissions={{
          canUpdate: options.canUpdate ?? true,
          canPublish: options.canPublish ?? true,
        }}
        onProfileChange={onProfileChange}
      />
    </Apis>,
  );
  await screen.findByRole('group', { name: 'OS layer ubuntu' });
  return { ...result, onProfileChange };
}

const savedRequest = (api: ReturnType<typeof fakePaletteApi>) =>
  api.saveDraft.mock.calls[
    api.saveDraft.mock.calls.length - 1
  ][1] as SaveDraftRequest;

describe('DraftEditor', () => {
  it('groups the layers by kind, with packs offered for the layer and the cloud type', async () => {
    const api = fakePaletteApi();
    await render(api);
    for (const [section, layer] of [
      ['OS', 'OS layer ubuntu'],
      ['Kubernetes', 'Kubernetes layer kubernetes'],
      ['Network (CNI)', 'Network (CNI) layer calico'],
      ['Storage (CSI)', 'Storage (CSI) layer aws-ebs-csi'],
    ]) {
      const region = screen.getByRole('region', { name: section });
      expect(
        within(region).getByRole('group', { name: layer }),
      ).toBeInTheDocument();
    }
    expect(
      within(screen.getByRole('region', { name: 'Add-ons' })).getByText(
        'No add-ons.',
      ),
    ).toBeInTheDocument();
    for (const layer of ['os', 'k8s', 'cni', 'csi', 'addon'])
      expect(api.listPacks).toHaveBeenCalledWith({ layer, cloudType: 'aws' });

    const cni = within(
      screen.getByRole('group', { name: 'Network (CNI) layer calico' }),
    );
    const packOptions = within(cni.getByLabelText('Pack')).getAllByRole(
      'option',
    );
    expect(packOptions.map(o => o.textContent)).toEqual(['Calico', 'Cilium']);
    expect(cni.getByLabelText('Version')).toHaveValue('3.32.2');
    expect(cni.getByLabelText('Values for calico')).toHaveValue('');
  });

  it('adds an add-on at its newest non-deprecated version and saves it last', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({ saveDraft: savingDraft() });
    await render(api);
    const form = within(screen.getByRole('group', { name: 'Add an add-on' }));
    await user.selectOptions(form.getByLabelText('Pack'), 'cert-manager');
    expect(form.getByLabelText('Version')).toHaveValue('1.19.1');
    expect(
      form.getByRole('option', { name: '1.18.0 (deprecated)' }),
    ).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Add' }));

    expect(
      screen.getByRole('group', { name: 'Add-on layer cert-manager' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    // An add-on already in the profile is not offered again.
    expect(
      within(screen.getByRole('group', { name: 'Add an add-on' })).queryByRole(
        'option',
        { name: 'Cert-manager' },
      ),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.saveDraft).toHaveBeenCalledTimes(1));
    const request = savedRequest(api);
    expect(request.layers.map(l => `${l.packName}@${l.packVersion}`)).toEqual([
      'ubuntu@24.4.4',
      'kubernetes@1.34.10',
      'calico@3.32.2',
      'aws-ebs-csi@1.56.0',
      'cert-manager@1.19.1',
    ]);
    expect(await screen.findByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('replaces a removed core layer in its place and reorders add-ons', async () => {
    const user = userEvent.setup({ delay: null });
    const base = awsInfra();
    const profile = awsInfra({
      draft: {
        ...base.draft!,
        layers: [
          ...base.draft!.layers,
          { packName: 'cert-manager', packVersion: '1.19.1' },
          { packName: 'external-dns', packVersion: '1.19.0' },
        ],
      },
    });
    const api = fakePaletteApi({ saveDraft: savingDraft() });
    await render(api, { profile });

    await user.click(screen.getByRole('button', { name: 'Remove calico' }));
    const addCni = within(
      screen.getByRole('group', { name: 'Add a Network (CNI) layer' }),
    );
    await user.selectOptions(addCni.getByLabelText('Pack'), 'cilium');
    await user.click(addCni.getByRole('button', { name: 'Add' }));

    const certManager = within(
      screen.getByRole('group', { name: 'Add-on layer cert-manager' }),
    );
    expect(
      certManager.queryByRole('button', { name: 'Move up' }),
    ).not.toBeInTheDocument();
    await user.click(certManager.getByRole('button', { name: 'Move down' }));

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.saveDraft).toHaveBeenCalled());
    expect(savedRequest(api).layers.map(l => l.packName)).toEqual([
      'ubuntu',
      'kubernetes',
      'cilium',
      'aws-ebs-csi',
      'external-dns',
      'cert-manager',
    ]);
  });

  it('saves edited values and shows each validation message under its layer, variable or the profile', async () => {
    const user = userEvent.setup({ delay: null });
    const alerts = fakeAlertApi();
    const messages: ValidationMessage[] = [
      {
        severity: 'error',
        code: 'values.schema',
        layer: 'aws-ebs-csi',
        field: 'layers[3].values.controller.replicaCount',
        message: 'controller.replicaCount must be integer, not string',
      },
      {
        severity: 'warning',
        code: 'layers.packDeprecated',
        layer: 'calico',
        field: 'layers[2].packVersion',
        message: 'calico 3.32.2 is deprecated',
      },
      {
        severity: 'error',
        code: 'variables.default',
        field: 'variables[0].default',
        message: 'the default is not an IPv4 CIDR block',
      },
      {
        severity: 'info',
        code: 'profile.addons',
        field: 'layers',
        message: 'The profile has no add-ons',
      },
    ];
    const api = fakePaletteApi({ saveDraft: savingDraft(messages) });
    const { onProfileChange } = await render(api, { alerts });

    const values = screen.getByLabelText('Values for aws-ebs-csi');
    fireEvent.change(values, {
      target: { value: 'controller:\n  replicaCount: "three"\n' },
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const csi = within(
      await screen.findByRole('group', {
        name: 'Storage (CSI) layer aws-ebs-csi',
      }),
    );
    const csiMessages = within(
      csi.getByRole('list', { name: 'Messages about aws-ebs-csi' }),
    );
    expect(
      csiMessages.getByText(
        'Line 2: controller.replicaCount must be integer, not string',
      ),
    ).toBeInTheDocument();
    expect(
      csi.getByLabelText(
        'Line 2: controller.replicaCount must be integer, not string',
      ),
    ).toHaveAttribute('data-severity', 'error');

    const calico = within(
      screen.getByRole('group', { name: 'Network (CNI) layer calico' }),
    );
    expect(calico.getByText('calico 3.32.2 is deprecated')).toBeInTheDocument();
    expect(calico.queryByText(/replicaCount/)).not.toBeInTheDocument();

    const variable = within(
      screen.getByRole('group', { name: 'Variable podCidr' }),
    );
    expect(
      variable.getByText('the default is not an IPv4 CIDR block'),
    ).toBeInTheDocument();

    expect(
      screen.getByText(/Validation found 2 errors, 1 warning, 1 note/),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Messages about the profile' }),
      ).getByText('The profile has no add-ons'),
    ).toBeInTheDocument();

    expect(savedRequest(api).layers[3]).toEqual({
      packName: 'aws-ebs-csi',
      packVersion: '1.56.0',
      values: 'controller:\n  replicaCount: "three"\n',
    });
    expect(onProfileChange).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'aws-infra' }),
    );
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Draft saved: 2 errors, 1 warning, 1 note',
      }),
    );
  });

  it('validates the saved draft and places messages that name the layer only', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      validateDraft: async () => ({
        messages: [
          {
            severity: 'error',
            code: 'layers.kubernetesRange',
            layer: 'calico',
            field: 'layers',
            message: 'calico 3.32.2 supports Kubernetes up to 1.33',
          },
        ],
      }),
    });
    await render(api);
    await user.click(screen.getByRole('button', { name: 'Validate' }));
    const calico = within(
      screen.getByRole('group', { name: 'Network (CNI) layer calico' }),
    );
    expect(
      await calico.findByText('calico 3.32.2 supports Kubernetes up to 1.33'),
    ).toBeInTheDocument();
    expect(api.validateDraft).toHaveBeenCalledWith('aws-infra');
    expect(api.saveDraft).not.toHaveBeenCalled();
  });

  it('shows why saving failed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      saveDraft: async () => {
        throw new Error('layers[0].packVersion must be a semantic version');
      },
    });
    await render(api);
    fireEvent.change(screen.getByLabelText('Values for calico'), {
      target: { value: 'a: 1' },
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'layers[0].packVersion must be a semantic version',
    );
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('saves unsaved changes before publishing, then reports the new version', async () => {
    const user = userEvent.setup({ delay: null });
    const alerts = fakeAlertApi();
    const published = awsInfra({ latestVersion: '1.1.1' });
    const api = fakePaletteApi({
      saveDraft: savingDraft(),
      publish: async () => published,
    });
    const { onProfileChange } = await render(api, { alerts });
    fireEvent.change(screen.getByLabelText('Values for calico'), {
      target: { value: 'installation: {}' },
    });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = within(
      screen.getByRole('dialog', { name: 'Publish aws-infra' }),
    );
    expect(
      dialog.getByText(/unsaved changes are saved first/),
    ).toBeInTheDocument();
    await user.type(dialog.getByLabelText(/^Change note/), 'Calico values');
    await user.click(dialog.getByRole('button', { name: 'Publish' }));

    await waitFor(() =>
      expect(onProfileChange).toHaveBeenLastCalledWith(published),
    );
    expect(api.saveDraft.mock.invocationCallOrder[0]).toBeLessThan(
      api.publish.mock.invocationCallOrder[0],
    );
    expect(api.publish).toHaveBeenCalledWith('aws-infra', {
      version: '1.1.1',
      changeNote: 'Calico values',
    });
    expect(alerts.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Published aws-infra 1.1.1',
        severity: 'success',
      }),
    );
  });

  it('is read-only for those who may not edit, and says why Publish is disabled', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi();
    await render(api, { canUpdate: false, canPublish: false });
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Validate' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Remove/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add variable' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Add an add-on' }),
    ).not.toBeInTheDocument();
    expect(screen.getByLabelText('Values for calico')).toHaveAttribute(
      'readonly',
    );
    const calico = within(
      screen.getByRole('group', { name: 'Network (CNI) layer calico' }),
    );
    expect(calico.getByLabelText('Pack')).toBeDisabled();

    const publish = screen.getByRole('button', { name: 'Publish' });
    expect(publish).toBeDisabled();
    await user.hover(publish.parentElement!);
    expect(
      await screen.findByText(
        'You do not have permission to publish versions of this profile',
      ),
    ).toBeInTheDocument();
  });

  it('starts a draft from a published version when there is none', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({ saveDraft: savingDraft() });
    const onProfileChange = jest.fn();
    await renderInTestApp(
      <Apis api={api}>
        <DraftEditor
          profile={awsInfra({ draft: undefined, hasDraft: false })}
          permissions={{ canUpdate: true, canPublish: true }}
          onProfileChange={onProfileChange}
        />
      </Apis>,
    );
    expect(screen.getByText('No draft')).toBeInTheDocument();
    await user.selectOptions(
      screen.getByLabelText('Start from version'),
      '1.0.0',
    );
    api.getProfileVersion.mockResolvedValueOnce(
      awsInfraVersion({ version: '1.0.0' }),
    );
    await user.click(
      screen.getByRole('button', { name: 'Create draft from version' }),
    );
    await waitFor(() => expect(onProfileChange).toHaveBeenCalled());
    expect(api.getProfileVersion).toHaveBeenCalledWith('aws-infra', '1.0.0');
    const request = savedRequest(api);
    expect(request.layers).toEqual(awsInfraVersion().layers);
    expect(request.variables?.map(v => v.name)).toEqual([
      'podCidr',
      'apiToken',
    ]);
  });

  it('shows a refused publish in the dialog and each problem under its layer', async () => {
    const user = userEvent.setup({ delay: null });
    const refusal = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message:
              'The draft of "aws-infra" is not valid: layers[3].values.controller.replicaCount must be integer',
          },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );
    const api = fakePaletteApi({
      publish: async () => {
        throw refusal;
      },
      validateDraft: async () => ({
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
    });
    await render(api);
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = within(
      screen.getByRole('dialog', { name: 'Publish aws-infra' }),
    );
    await user.type(dialog.getByLabelText(/^Change note/), 'Replicas');
    await user.click(dialog.getByRole('button', { name: 'Publish' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'The draft of "aws-infra" is not valid',
    );
    await waitFor(() =>
      expect(api.validateDraft).toHaveBeenCalledWith('aws-infra'),
    );
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const csi = within(
      screen.getByRole('group', { name: 'Storage (CSI) layer aws-ebs-csi' }),
    );
    expect(
      csi.getByText('Line 2: controller.replicaCount must be integer'),
    ).toBeInTheDocument();
  });
});
