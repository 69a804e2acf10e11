import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDetails,
  CloudType,
  ImportDryRunResponse,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useMemo, useState } from 'react';
import { paletteApiRef } from '../../api/PaletteApi';
import { useDefaultOwner } from '../../hooks';
import {
  addOnsFor,
  AddOnProfilesFields,
  OwnershipFields,
  usePublishedProfiles,
} from '../clusters/request';
import {
  fieldMessagesOf,
  groupMessagesByField,
  helperTextOf,
  normalizeFieldPath,
  plural,
} from '../clusters/utils';
import { MessageList } from '../profiles/DraftEditor/MessageList';
import { errorMessage } from '../profiles/utils';
import { FormDialog, FormSection as Section } from '../shared';
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
  const alertApi = useApi(alertApiRef);
  const [form, setForm] = useState<ImportForm>(emptyImportForm);
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const [probe, setProbe] = useState<Probe>();
  const [busy, setBusy] = useState<'test' | 'import'>();
  const [failure, setFailure] = useState<string>();

  const managed = form.mode === 'managed';
  const profiles = usePublishedProfiles(open && managed);
  useDefaultOwner(open, group =>
    setForm(f => (f.owner ? f : { ...f, owner: group })),
  );

  const clientMessages = useMemo(
    () => (submitted ? validateImportForm(form) : []),
    [submitted, form],
  );
  const { general, messagesOf } = useMemo(
    () =>
      groupMessagesByField(
        [...clientMessages, ...serverMessages],
        isImportFieldShown,
      ),
    [clientMessages, serverMessages],
  );

  /** Changes the form, and forgets what the server said about those fields. */
  const update = (patch: Partial<ImportForm>, ...fields: string[]) => {
    setForm(f => ({ ...f, ...patch }));
    setServerMessages(ms =>
      ms.filter(m => {
        const field = normalizeFieldPath(m.field);
        return !fields.some(f => field === f || field.startsWith(`${f}.`));
      }),
    );
  };

  /** Forgets everything typed, the kubeconfig above all. */
  const reset = () => {
    setForm(emptyImportForm());
    setSubmitted(false);
    setServerMessages([]);
    setProbe(undefined);
    setFailure(undefined);
  };

  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  /** Runs a server call; places what it refuses next to the fields. */
  const run = async (kind: 'test' | 'import') => {
    setSubmitted(true);
    setFailure(undefined);
    const problems = validateImportForm(form);
    if (problems.length) {
      setFailure(
        `Fix ${plural(problems.length, 'problem')} before ${
          kind === 'test' ? 'testing the connection' : 'importing'
        }.`,
      );
      return;
    }
    const request = toImportRequest(form);
    setBusy(kind);
    try {
      if (kind === 'test') {
        const result = await paletteApi.testClusterImport(request);
        setProbe({ formKey: JSON.stringify(form), result });
        setServerMessages([]);
        setBusy(undefined);
      } else {
        const cluster = await paletteApi.importCluster(request);
        alertApi.post({
          message: `Importing cluster ${cluster.name}`,
          severity: 'success',
          display: 'transient',
        });
        setBusy(undefined);
        reset();
        onImported(cluster);
      }
    } catch (e) {
      setBusy(undefined);
      setProbe(undefined);
      if (ResponseError.is(e) && e.statusCode === 409) {
        setServerMessages([
          {
            severity: 'error',
            code: 'conflict',
            field: 'name',
            message: errorMessage(e),
          },
        ]);
        return;
      }
      const placed = fieldMessagesOf(e);
      setServerMessages(placed);
      if (!placed.length || placed.some(m => !isImportFieldShown(m.field)))
        setFailure(errorMessage(e));
      else
        setFailure(
          kind === 'test'
            ? 'The connection test failed; the problems are marked next to their fields.'
            : 'The import was refused; the problems are marked next to their fields.',
        );
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run('import');
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
          onClick={() => run('test')}
          color="primary"
          variant="outlined"
          disabled={disabled}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </Button>
      }
    >
      <Section title="Cluster">
        <Grid container spacing={1}>
          <Grid item xs={12} sm={6}>
            <TextField
              id={`${ID}-name`}
              label="Cluster name"
              required
              value={form.name}
              disabled={disabled}
              onChange={e => update({ name: e.target.value }, 'name')}
              {...helperTextOf(
                messagesOf('name'),
                'How Palette and the catalog name it: lower-case letters, digits and dashes',
              )}
              fullWidth
              margin="dense"
              variant="outlined"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id={`${ID}-description`}
              label="Description"
              value={form.description}
              disabled={disabled}
              onChange={e =>
                update({ description: e.target.value }, 'description')
              }
              {...helperTextOf(messagesOf('description'))}
              fullWidth
              margin="dense"
              variant="outlined"
            />
          </Grid>
        </Grid>
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
