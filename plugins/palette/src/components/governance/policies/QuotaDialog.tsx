import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  StoredTeamQuota,
  TeamQuota,
} from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { humanizeOwner } from '../../profiles/utils';
import { FormDialog, useSaveForm } from '../../shared';
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
  const { busy, failure, submit, textField } = useSaveForm({
    initial: () => (quota ? toQuotaForm(quota) : emptyQuotaForm()),
    validate: validateQuotaForm,
    save: (f: QuotaForm) => paletteApi.saveQuota(toTeamQuota(f)),
    savedMessage: saved => `Saved the quota of ${humanizeOwner(saved.team)}`,
    onSaved,
  });

  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      titleId="quota-dialog-title"
      title={quota ? `Quota of ${humanizeOwner(quota.team)}` : 'New team quota'}
      formLabel={quota ? 'Edit quota' : 'New quota'}
      onSubmit={submit}
      failure={failure}
      progressLabel="Saving the quota"
      actionLabel={busy ? 'Saving…' : 'Save quota'}
    >
      <DialogContentText>
        Requests that would take the team past a limit are refused. Leave a
        limit empty for none.
      </DialogContentText>
      <TextField
        {...textField('team', 'e.g. team-apollo')}
        id="quota-team"
        label="Team"
        required
        disabled={busy || !!quota}
      />
      <Grid container spacing={1}>
        {(Object.keys(LIMIT_FIELDS) as QuotaLimit[]).map(key => (
          <Grid item xs={6} key={key}>
            <TextField
              {...textField(key, LIMIT_FIELDS[key].help)}
              id={`quota-${key}`}
              label={LIMIT_FIELDS[key].label}
              type="number"
              inputProps={{ min: 0 }}
            />
          </Grid>
        ))}
      </Grid>
    </FormDialog>
  );
};
