import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDetails,
  CloudType,
  ImportDryRunResponse,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { paletteApiRef } from '../../api/PaletteApi';
import { useDefaultOwner } from '../../hooks';
import {
  addOnsFor,
  AddOnProfilesFields,
  NameFields,
  OwnershipFields,
  usePublishedProfiles,
} from '../clusters/request';
import { helperTextOf } from '../clusters/utils';
import { MessageList } from '../profiles/DraftEditor/MessageList';
import { errorMessage } from '../profiles/utils';
import { FormDialog, FormSection as Section, useCheckedForm } from '../shared';
import { ConnectionResult } from './ConnectionResult';
import {
  emptyImportForm,
  ImportForm,
  isImportFieldShown,
  toImportRequest,
  validateImportForm,
} from './importForm';
import { ImportModeField } from './ImportModeField';
import { KubeconfigField } from './KubeconfigField';
import { SimulatedClusterPicker } from './SimulatedClusterPicker';

/** The last successful connection test, and the form it was for. */
interface Probe {
  formKey: string;
  result: ImportDryRunResponse;
}

const ID = 'import-cluster';

/**
 * Imports an existing cluster by its kubeconfig: read-only, or managed with
 * add-on profiles. "Test connection" validates and reaches the API server
 * without storing anything; Import stores the kubeconfig as a Secret and
 * starts discovery. The kubeconfig leaves the dialog's state once imported.
 */
export const ImportClusterDialog = ({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (cluster: ClusterDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const [form, setForm] = useState<ImportForm>(emptyImportForm);
  const {
    update,
    setServerMessages,
    busy,
    failure,
    general,
    messagesOf,
    reset: resetForm,
    run,
  } = useCheckedForm<ImportForm, 'test' | 'import'>({
    form,
    setForm,
    initial: emptyImportForm,
    validate: validateImportForm,
    isShown: isImportFieldShown,
  });
  const [probe, setProbe] = useState<Probe>();

  const managed = form.mode === 'managed';
  const profiles = usePublishedProfiles(open && managed);
  useDefaultOwner(open, group =>
    setForm(f => (f.owner ? f : { ...f, owner: group })),
  );

  /** Forgets everything typed, the kubeconfig above all. */
  const reset = () => {
    resetForm();
    setProbe(undefined);
  };

  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const test = () =>
    run('test', {
      before: 'testing the connection',
      call: () => paletteApi.testClusterImport(toImportRequest(form)),
      done: result => {
        setProbe({ formKey: JSON.stringify(form), result });
        setServerMessages([]);
      },
      failed: () => setProbe(undefined),
      markedFailure:
        'The connection test failed; the problems are marked next to their fields.',
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run('import', {
      before: 'importing',
      call: () => paletteApi.importCluster(toImportRequest(form)),
      successMessage: cluster => `Importing cluster ${cluster.name}`,
      done: cluster => {
        reset();
        onImported(cluster);
      },
      failed: () => setProbe(undefined),
      markedFailure:
        'The import was refused; the problems are marked next to their fields.',
    });
  };

  const disabled = busy !== undefined;
  const stale = !!probe && probe.formKey !== JSON.stringify(form);

  return (
    <FormDialog
      open={open}
      onClose={close}
      busy={disabled}
      maxWidth="md"
      dividers
      titleId={`${ID}-title`}
      title="Import an existing cluster"
      formLabel="Import cluster"
      onSubmit={submit}
      progressLabel={
        busy === 'test' ? 'Testing the connection' : 'Importing the cluster'
      }
      actionLabel={busy === 'import' ? 'Importing…' : 'Import'}
      actions={
        <Button
          onClick={test}
          color="primary"
          variant="outlined"
          disabled={disabled}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </Button>
      }
    >
      <Section title="Cluster">
        <NameFields
          name={form.name}
          description={form.description}
          onChange={(change, field) => update(change, field)}
          messagesOf={messagesOf}
          disabled={disabled}
          nameHelp="How Palette and the catalog name it: lower-case letters, digits and dashes"
          idPrefix={ID}
        />
      </Section>
      <Section title="Connection">
        <SimulatedClusterPicker
          disabled={disabled}
          onPick={(cluster, kubeconfig) =>
            update(
              { kubeconfig, ...(form.name ? {} : { name: cluster.name }) },
              'kubeconfig',
              'name',
            )
          }
        />
        <KubeconfigField
          value={form.kubeconfig}
          onChange={kubeconfig => update({ kubeconfig }, 'kubeconfig')}
          messagesOf={messagesOf}
          disabled={disabled}
        />
        <TextField
          id={`${ID}-context`}
          label="Context"
          value={form.context}
          disabled={disabled}
          onChange={e => update({ context: e.target.value }, 'context')}
          {...helperTextOf(
            messagesOf('context'),
            "Optional: the kubeconfig's current context when empty",
          )}
          fullWidth
          margin="dense"
          variant="outlined"
        />
      </Section>
      <Section title="Management">
        <ImportModeField
          value={form.mode}
          onChange={mode => update({ mode }, 'mode', 'addOnProfiles')}
          disabled={disabled}
        />
        {managed && (
          <>
            {profiles.loading && (
              <LinearProgress aria-label="Loading add-on profiles" />
            )}
            {profiles.error && (
              <Alert severity="error">
                Could not load the add-on profiles:{' '}
                {errorMessage(profiles.error)}
              </Alert>
            )}
            <AddOnProfilesFields
              idPrefix={ID}
              available={addOnsFor(
                profiles.addOns,
                probe?.result.inventory?.provider as CloudType | undefined,
              )}
              addOns={form.addOns}
              onChange={addOns => update({ addOns }, 'addOnProfiles')}
              messagesOf={messagesOf}
              disabled={disabled}
            />
          </>
        )}
      </Section>
      <Section title="Ownership">
        <OwnershipFields
          idPrefix={ID}
          owner={form.owner}
          project={form.project}
          environment={form.environment}
          onChange={(change, field) => update(change, field)}
          messagesOf={messagesOf}
          disabled={disabled}
        />
      </Section>
      <div aria-live="polite">
        {probe && <ConnectionResult probed={probe.result} stale={stale} />}
        <MessageList
          messages={general.map(message => ({ message }))}
          label="Other messages"
        />
        {failure && (
          <Alert severity="error" role="alert">
            {failure}
          </Alert>
        )}
      </div>
    </FormDialog>
  );
};
