import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  StoredTeamQuota,
  TeamQuota,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useMemo, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import {
  fieldMessagesOf,
  helperTextOf,
  normalizeFieldPath,
  plural,
} from '../../clusters/utils';
import { errorMessage, humanizeOwner } from '../../profiles/utils';
import { DialogProgressActions } from '../../shared';
import {
  emptyQuotaForm,
  QuotaForm,
  QuotaLimit,
  toQuotaForm,
  toTeamQuota,
  validateQuotaForm,
} from './quotaForm';

const LIMIT_FIELDS: Record<QuotaLimit, { label: string; help: string }> = {
  maxClusters: { label: 'Clusters', help: 'Live clusters at most' },
  maxNodes: { label: 'Nodes', help: 'Nodes over all its clusters' },
  maxVcpus: { label: 'vCPUs', help: 'vCPUs over all its nodes' },
  monthlyBudget: {
    label: 'Monthly budget (USD)',
    help: 'Estimated monthly cost of its clusters',
  },
};

/**
 * Sets a team's quota: at most so many clusters, nodes and vCPUs, and a
 * monthly budget; an empty limit is no limit. Checked with
 * `teamQuotaSchema` before it is sent.
 */
export const QuotaDialog = ({
  quota,
  onClose,
  onSaved,
}: {
  /** The quota to edit (the team is fixed then); a new one when absent. */
  quota?: TeamQuota;
  onClose: () => void;
  onSaved: (quota: StoredTeamQuota) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [form, setForm] = useState<QuotaForm>(() =>
    quota ? toQuotaForm(quota) : emptyQuotaForm(),
  );
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const messages = useMemo(
    () => [...(submitted ? validateQuotaForm(form) : []), ...serverMessages],
    [submitted, form, serverMessages],
  );
  const messagesOf = (field: string) =>
    messages.filter(m => normalizeFieldPath(m.field) === field);

  const update = (patch: Partial<QuotaForm>) => {
    setForm(f => ({ ...f, ...patch }));
    setServerMessages([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    const problems = validateQuotaForm(form);
    if (problems.length) {
      setFailure(`Fix ${plural(problems.length, 'problem')} before saving.`);
      return;
    }
    setBusy(true);
    try {
      const saved = await paletteApi.saveQuota(toTeamQuota(form));
      alertApi.post({
        message: `Saved the quota of ${humanizeOwner(saved.team)}`,
        severity: 'success',
        display: 'transient',
      });
      setBusy(false);
      onSaved(saved);
    } catch (e) {
      setBusy(false);
      setServerMessages(fieldMessagesOf(e));
      setFailure(errorMessage(e));
    }
  };

  const common = {
    fullWidth: true,
    margin: 'dense' as const,
    variant: 'outlined' as const,
    disabled: busy,
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="quota-dialog-title"
    >
      <form
        onSubmit={submit}
        noValidate
        aria-label={quota ? 'Edit quota' : 'New quota'}
      >
        <DialogTitle id="quota-dialog-title">
          {quota ? `Quota of ${humanizeOwner(quota.team)}` : 'New team quota'}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Requests that would take the team past a limit are refused. Leave a
            limit empty for none.
          </DialogContentText>
          <TextField
            {...common}
            id="quota-team"
            label="Team"
            required
            value={form.team}
            disabled={busy || !!quota}
            onChange={e => update({ team: e.target.value })}
            {...helperTextOf(messagesOf('team'), 'e.g. team-apollo')}
          />
          <Grid container spacing={1}>
            {(Object.keys(LIMIT_FIELDS) as QuotaLimit[]).map(key => (
              <Grid item xs={6} key={key}>
                <TextField
                  {...common}
                  id={`quota-${key}`}
                  label={LIMIT_FIELDS[key].label}
                  type="number"
                  inputProps={{ min: 0 }}
                  value={form[key]}
                  onChange={e => update({ [key]: e.target.value })}
                  {...helperTextOf(messagesOf(key), LIMIT_FIELDS[key].help)}
                />
              </Grid>
            ))}
          </Grid>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogProgressActions
          busy={busy}
          progressLabel="Saving the quota"
          onCancel={onClose}
          actionLabel={busy ? 'Saving…' : 'Save quota'}
        />
      </form>
    </Dialog>
  );
};
