import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { StoredGovernancePolicy } from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { EnvironmentField } from '../../clusters/EnvironmentField';
import {
  useCloudAccounts,
  usePublishedProfiles,
} from '../../clusters/request/useRequestData';
import { errorMessage } from '../../profiles/utils';
import { FormDialog, FormSection as Section, useSaveForm } from '../../shared';
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

/** The policy's fields the dialog has an input for. */
const isPolicyField = (field: string) =>
  /^(project|environment|description|allowedProfiles|allowedRegions|allowedCloudAccounts|allowedInstanceTypes|maxPoolSize|approverGroup)/.test(
    field,
  );

const scopeOf = (policy: StoredGovernancePolicy) =>
  `${scopeText(policy.project)} / ${scopeText(policy.environment)}`;

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
  const {
    form,
    update,
    busy,
    failure,
    submit,
    byField,
    general,
    messagesOf,
    textField,
  } = useSaveForm({
    initial: () => (policy ? toPolicyForm(policy) : emptyPolicyForm()),
    validate: validatePolicyForm,
    isShown: isPolicyField,
    save: (f: PolicyForm) => paletteApi.savePolicy(toPolicyInput(f)),
    savedMessage: saved => `Saved the policy for ${scopeOf(saved)}`,
    onSaved,
  });
  const profiles = usePublishedProfiles(true);
  const { accounts } = useCloudAccounts(true);
  const editing = !!policy;

  /** A list's messages, and those of its items. */
  const listMessages = (field: string) => [
    ...(messagesOf(field) ?? []),
    ...[...byField.entries()]
      .filter(([f]) => f.startsWith(`${field}.`))
      .flatMap(([, m]) => m),
  ];
  const listField = (
    key: 'regions' | 'cloudAccounts' | 'instanceTypes',
    field: string,
  ) => ({
    values: form[key],
    onChange: (values: string[]) => update({ [key]: values }),
    messages: listMessages(field),
    disabled: busy,
  });

  const regions = [...new Set(accounts.flatMap(a => a.regions))].sort();
  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      maxWidth="md"
      dividers
      titleId="policy-dialog-title"
      title={policy ? `Policy for ${scopeOf(policy)}` : 'New governance policy'}
      formLabel={editing ? 'Edit policy' : 'New policy'}
      onSubmit={submit}
      failure={failure}
      progressLabel="Saving the policy"
      actionLabel={busy ? 'Saving…' : 'Save policy'}
    >
      {profiles.loading && (
        <LinearProgress aria-label="Loading published profiles" />
      )}
      <Section title="Applies to">
        <Grid container spacing={1}>
          <Grid item xs={12} sm={6}>
            <TextField
              {...textField(
                'project',
                'A catalog system such as payments, or * for every project',
              )}
              id="policy-project"
              label="Project"
              required
              disabled={busy || editing}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <EnvironmentField
              {...textField(
                'environment',
                'e.g. production, or * for every environment',
              )}
              id="policy-environment"
              required
              disabled={busy || editing}
              onChange={environment => update({ environment })}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...textField(
                'description',
                'Why the policy exists, for requesters',
              )}
              id="policy-description"
              label="Description"
            />
          </Grid>
        </Grid>
        <Typography variant="body2" color="textSecondary">
          The most specific policy applies: project and environment, then the
          project&apos;s for any environment, then any project&apos;s for the
          environment, then the one for * / *.
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
              {...listField('regions', 'allowedRegions')}
              id="policy-regions"
              label="Regions"
              options={regions}
              help="Empty: any region. Type one and press Enter to add it"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <ListField
              {...listField('cloudAccounts', 'allowedCloudAccounts')}
              id="policy-cloud-accounts"
              label="Cloud accounts"
              options={accounts.map(a => a.name)}
              help="Empty: any configured cloud account"
            />
          </Grid>
          <Grid item xs={12} sm={8}>
            <ListField
              {...listField('instanceTypes', 'allowedInstanceTypes')}
              id="policy-instance-types"
              label="Instance types"
              help="e.g. m5.large or a size such as medium; empty: any"
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...textField(
                'maxPoolSize',
                'Nodes in one pool, autoscaling max included; empty: no limit',
              )}
              id="policy-max-pool-size"
              label="Largest pool"
              type="number"
              inputProps={{ min: 1, max: 1000 }}
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
            {...textField(
              'approverGroup',
              'Members of this group decide, e.g. platform-team; nobody decides on their own request',
            )}
            id="policy-approver-group"
            label="Approver group"
            required
          />
        )}
      </Section>
      {general.length > 0 && (
        <Alert severity="error">
          {general.map(m => `${m.field}: ${m.message}`).join('; ')}
        </Alert>
      )}
    </FormDialog>
  );
};
