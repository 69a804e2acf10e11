import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  StoredGovernancePolicy,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, ReactNode, useMemo, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { EnvironmentField } from '../../clusters/EnvironmentField';
import {
  useCloudAccounts,
  usePublishedProfiles,
} from '../../clusters/request/useRequestData';
import {
  fieldMessagesOf,
  groupMessagesByField,
  helperTextOf,
  normalizeFieldPath,
  plural,
} from '../../clusters/utils';
import { errorMessage } from '../../profiles/utils';
import { DialogProgressActions } from '../../shared';
import { scopeText } from '../format';
import { AllowedProfilesField } from './AllowedProfilesField';
import { ListField } from './ListField';
import {
  emptyPolicyForm,
  PolicyForm,
  toPolicyForm,
  toPolicyInput,
  validatePolicyForm,
} from './policyForm';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2), marginBottom: theme.spacing(0.5) },
}));

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <section>
      <Typography variant="subtitle1" className={classes.section}>
        {title}
      </Typography>
      {children}
    </section>
  );
};

/**
 * Creates or edits the governance policy of a project and environment:
 * what may be requested there (profiles and versions, regions, cloud
 * accounts, instance types, pool size) and whether requests need an
 * approval and by whom. Checked with `governancePolicySchema` before it is
 * sent; what palette-backend refuses is placed next to its field.
 */
export const PolicyDialog = ({
  policy,
  onClose,
  onSaved,
}: {
  /** The policy to edit; a new one when absent. */
  policy?: StoredGovernancePolicy;
  onClose: () => void;
  onSaved: (policy: StoredGovernancePolicy) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [form, setForm] = useState<PolicyForm>(() =>
    policy ? toPolicyForm(policy) : emptyPolicyForm(),
  );
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const profiles = usePublishedProfiles(true);
  const { accounts } = useCloudAccounts(true);
  const editing = !!policy;

  const clientMessages = useMemo(
    () => (submitted ? validatePolicyForm(form) : []),
    [submitted, form],
  );
  const { byField, general } = useMemo(
    () =>
      groupMessagesByField([...clientMessages, ...serverMessages], field =>
        /^(project|environment|description|allowedProfiles|allowedRegions|allowedCloudAccounts|allowedInstanceTypes|maxPoolSize|approverGroup)/.test(
          field,
        ),
      ),
    [clientMessages, serverMessages],
  );
  const messagesOf = (field: string) => byField.get(normalizeFieldPath(field));
  const listMessages = (field: string) => [
    ...(messagesOf(field) ?? []),
    ...[...byField.entries()]
      .filter(([f]) => f.startsWith(`${field}.`))
      .flatMap(([, m]) => m),
  ];

  const update = (patch: Partial<PolicyForm>) => {
    setForm(f => ({ ...f, ...patch }));
    setServerMessages([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    const problems = validatePolicyForm(form);
    if (problems.length) {
      setFailure(`Fix ${plural(problems.length, 'problem')} before saving.`);
      return;
    }
    setBusy(true);
    try {
      const saved = await paletteApi.savePolicy(toPolicyInput(form));
      alertApi.post({
        message: `Saved the policy for ${scopeText(
          saved.project,
        )} / ${scopeText(saved.environment)}`,
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

  const regions = [...new Set(accounts.flatMap(a => a.regions))].sort();
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
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby="policy-dialog-title"
    >
      <form
        onSubmit={submit}
        noValidate
        aria-label={editing ? 'Edit policy' : 'New policy'}
      >
        <DialogTitle id="policy-dialog-title">
          {editing
            ? `Policy for ${scopeText(policy.project)} / ${scopeText(
                policy.environment,
              )}`
            : 'New governance policy'}
        </DialogTitle>
        <DialogContent dividers>
          {profiles.loading && (
            <LinearProgress aria-label="Loading published profiles" />
          )}
          <Section title="Applies to">
            <Grid container spacing={1}>
              <Grid item xs={12} sm={6}>
                <TextField
                  {...common}
                  id="policy-project"
                  label="Project"
                  required
                  value={form.project}
                  disabled={busy || editing}
                  onChange={e => update({ project: e.target.value })}
                  {...helperTextOf(
                    messagesOf('project'),
                    'A catalog system such as payments, or * for every project',
                  )}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <EnvironmentField
                  {...common}
                  id="policy-environment"
                  required
                  value={form.environment}
                  disabled={busy || editing}
                  onChange={environment => update({ environment })}
                  {...helperTextOf(
                    messagesOf('environment'),
                    'e.g. production, or * for every environment',
                  )}
                />
              </Grid>
              <Grid item xs={12}>
                <TextField
                  {...common}
                  id="policy-description"
                  label="Description"
                  value={form.description}
                  onChange={e => update({ description: e.target.value })}
                  {...helperTextOf(
                    messagesOf('description'),
                    'Why the policy exists, for requesters',
                  )}
                />
              </Grid>
            </Grid>
            <Typography variant="body2" color="textSecondary">
              The most specific policy applies: project and environment, then
              the project&apos;s for any environment, then any project&apos;s
              for the environment, then the one for * / *.
            </Typography>
          </Section>
          <Section title="Profiles">
            {profiles.error && (
              <Alert severity="warning">
                Could not load the published profiles:{' '}
                {errorMessage(profiles.error)}
              </Alert>
            )}
            <AllowedProfilesField
              profiles={[...profiles.bases, ...profiles.addOns]}
              value={form.profiles}
              onChange={allowed => update({ profiles: allowed })}
              messagesOf={messagesOf}
              disabled={busy}
            />
          </Section>
          <Section title="Placement and size">
            <Grid container spacing={1}>
              <Grid item xs={12} sm={6}>
                <ListField
                  id="policy-regions"
                  label="Regions"
                  values={form.regions}
                  options={regions}
                  onChange={values => update({ regions: values })}
                  help="Empty: any region. Type one and press Enter to add it"
                  messages={listMessages('allowedRegions')}
                  disabled={busy}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <ListField
                  id="policy-cloud-accounts"
                  label="Cloud accounts"
                  values={form.cloudAccounts}
                  options={accounts.map(a => a.name)}
                  onChange={values => update({ cloudAccounts: values })}
                  help="Empty: any configured cloud account"
                  messages={listMessages('allowedCloudAccounts')}
                  disabled={busy}
                />
              </Grid>
              <Grid item xs={12} sm={8}>
                <ListField
                  id="policy-instance-types"
                  label="Instance types"
                  values={form.instanceTypes}
                  onChange={values => update({ instanceTypes: values })}
                  help="e.g. m5.large or a size such as medium; empty: any"
                  messages={listMessages('allowedInstanceTypes')}
                  disabled={busy}
                />
              </Grid>
              <Grid item xs={12} sm={4}>
                <TextField
                  {...common}
                  id="policy-max-pool-size"
                  label="Largest pool"
                  type="number"
                  inputProps={{ min: 1, max: 1000 }}
                  value={form.maxPoolSize}
                  onChange={e => update({ maxPoolSize: e.target.value })}
                  {...helperTextOf(
                    messagesOf('maxPoolSize'),
                    'Nodes in one pool, autoscaling max included; empty: no limit',
                  )}
                />
              </Grid>
            </Grid>
          </Section>
          <Section title="Approval">
            <FormControlLabel
              control={
                <Checkbox
                  color="primary"
                  checked={form.requireApproval}
                  disabled={busy}
                  onChange={e => update({ requireApproval: e.target.checked })}
                />
              }
              label="Requests need an approval before anything is created"
            />
            {form.requireApproval && (
              <TextField
                {...common}
                id="policy-approver-group"
                label="Approver group"
                required
                value={form.approverGroup}
                onChange={e => update({ approverGroup: e.target.value })}
                {...helperTextOf(
                  messagesOf('approverGroup'),
                  'Members of this group decide, e.g. platform-team; nobody decides on their own request',
                )}
              />
            )}
          </Section>
          {general.length > 0 && (
            <Alert severity="error">
              {general.map(m => `${m.field}: ${m.message}`).join('; ')}
            </Alert>
          )}
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogProgressActions
          busy={busy}
          progressLabel="Saving the policy"
          onCancel={onClose}
          actionLabel={busy ? 'Saving…' : 'Save policy'}
        />
      </form>
    </Dialog>
  );
};
