import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import DialogContentText from '@material-ui/core/DialogContentText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  Rollout,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paletteApiRef } from '../../../api/PaletteApi';
import { rolloutRouteRef } from '../../../routes';
import { COMMON_ENVIRONMENTS } from '../../clusters/EnvironmentField';
import { usableVersions, usePublishedProfiles } from '../../clusters/request';
import { helperTextOf, plural } from '../../clusters/utils';
import { ListField } from '../../governance/policies/ListField';
import {
  FormDialog,
  FormSection,
  nameOptions,
  SelectField,
  useBusyAction,
  useSaveForm,
} from '../../shared';
import { RolloutWaves } from '../RolloutWaves';
import { skippedClusters } from '../status';
import {
  describeProblems,
  initialRolloutForm,
  RolloutForm,
  RolloutPreset,
  toRolloutRequest,
  validateRolloutForm,
} from './rolloutForm';

const useStyles = makeStyles(theme => ({
  plan: { marginTop: theme.spacing(2) },
}));

const NUMBER_INPUTS = [
  {
    key: 'canarySize',
    label: 'Canary size',
    help: 'Clusters in the first wave',
  },
  { key: 'batchSize', label: 'Batch size', help: 'Clusters per later wave' },
  {
    key: 'healthTimeoutMinutes',
    label: 'Health timeout (minutes)',
    help: 'How long a cluster may take to become healthy',
  },
] as const;

/** How many clusters a plan moves and skips. */
function planSummary(plan: Rollout): string {
  const moved = plan.waves.reduce(
    (n, w) => n + w.clusters.filter(c => c.status !== 'Skipped').length,
    0,
  );
  const skipped = skippedClusters(plan).length;
  return `${plural(moved, 'cluster')} in ${plural(
    plan.waves.filter(w => w.clusters.some(c => c.status !== 'Skipped')).length,
    'wave',
  )}${skipped ? `, ${skipped} skipped` : ''}.`;
}

/**
 * Starts a rollout of a profile version to the clusters that run an older
 * one, narrowed by environment, team and project. "Preview plan" asks for a
 * dry run: the waves with their clusters, and the clusters left out with
 * why. Once created, the rollout's page opens.
 */
export const CreateRolloutDialog = ({
  preset,
  onClose,
}: {
  /** What the rollout starts from, e.g. a version on the profile page. */
  preset?: RolloutPreset;
  onClose: () => void;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const navigate = useNavigate();
  const rolloutLink = useRouteRef(rolloutRouteRef);
  const published = usePublishedProfiles(true);
  const [plan, setPlan] = useState<Rollout>();
  const planning = useBusyAction();

  const { form, update, busy, failure, submit, textField, byField } =
    useSaveForm({
      initial: () => initialRolloutForm(preset),
      validate: validateRolloutForm,
      save: (f: RolloutForm) => paletteApi.createRollout(toRolloutRequest(f)),
      savedMessage: r => `Started rolling out ${r.profile} ${r.targetVersion}`,
      onSaved: r => navigate(rolloutLink({ id: r.id })),
    });
  // Any change makes the plan stale.
  const change = (patch: Partial<RolloutForm>) => {
    update(patch);
    setPlan(undefined);
    planning.setFailure(undefined);
  };

  const profile = published.bases.find(p => p.name === form.profile);
  const versions = usableVersions(profile);
  const disabled = busy || planning.busy;
  /** The messages of a list and of its items. */
  const listMessages = (field: string): ValidationMessage[] =>
    [...byField.entries()]
      .filter(([key]) => key === field || key.startsWith(`${field}.`))
      .flatMap(([, messages]) => messages);

  const previewPlan = () => {
    const problems = validateRolloutForm(form);
    if (problems.length) {
      planning.setFailure(`Fix these first: ${describeProblems(problems)}`);
      return;
    }
    planning.run(() => paletteApi.planRollout(toRolloutRequest(form)), setPlan);
  };

  return (
    <FormDialog
      onClose={onClose}
      busy={disabled}
      titleId="create-rollout-title"
      title="New rollout"
      formLabel="New rollout"
      onSubmit={submit}
      maxWidth="md"
      dividers
      failure={failure ?? planning.failure}
      progressLabel={busy ? 'Starting the rollout' : 'Planning the rollout'}
      actionLabel={busy ? 'Starting…' : 'Start rollout'}
      actions={
        <Button onClick={previewPlan} disabled={disabled} color="primary">
          Preview plan
        </Button>
      }
    >
      <DialogContentText>
        A rollout moves the clusters that run an older version of a profile to
        the target version in waves: a canary wave first, then batches, each
        inside the clusters&apos; maintenance windows and only once the previous
        wave is healthy. A failure halts it.
      </DialogContentText>
      {published.error && (
        <Alert severity="error">
          Could not load the published profiles: {published.error.message}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} sm={8}>
          <SelectField
            id="rollout-profile"
            label="Profile"
            required
            margin="dense"
            variant="outlined"
            value={form.profile}
            disabled={disabled || published.loading}
            onChange={e =>
              change({ profile: e.target.value, targetVersion: '' })
            }
            emptyLabel={published.loading ? 'Loading…' : 'Choose a profile'}
            options={nameOptions(published.bases)}
            {...helperTextOf(byField.get('profile'))}
          >
            {form.profile && !profile && (
              <option value={form.profile}>{form.profile}</option>
            )}
          </SelectField>
        </Grid>
        <Grid item xs={12} sm={4}>
          <SelectField
            id="rollout-version"
            label="Target version"
            required
            margin="dense"
            variant="outlined"
            value={form.targetVersion}
            disabled={disabled || !form.profile}
            onChange={e => change({ targetVersion: e.target.value })}
            emptyLabel="Choose a version"
            options={versions.map(v => ({
              value: v,
              label: v === profile?.latestVersion ? `${v} (latest)` : v,
            }))}
            {...helperTextOf(
              byField.get('targetVersion'),
              'Published, non-deprecated versions',
            )}
          >
            {form.targetVersion && !versions.includes(form.targetVersion) && (
              <option value={form.targetVersion}>{form.targetVersion}</option>
            )}
          </SelectField>
        </Grid>
      </Grid>
      <FormSection title="Which clusters">
        <Typography variant="body2" color="textSecondary">
          Only clusters on an older version of the profile move. Leave a filter
          empty to take every cluster; filters apply together.
        </Typography>
        <ListField
          id="rollout-environments"
          label="Environments"
          values={form.environments}
          onChange={environments => change({ environments })}
          options={COMMON_ENVIRONMENTS}
          messages={listMessages('selector.environments')}
          disabled={disabled}
        />
        <ListField
          id="rollout-owners"
          label="Teams"
          values={form.owners}
          onChange={owners => change({ owners })}
          help="Owning groups, e.g. team-apollo"
          messages={listMessages('selector.owners')}
          disabled={disabled}
        />
        <ListField
          id="rollout-projects"
          label="Projects"
          values={form.projects}
          onChange={projects => change({ projects })}
          help="Systems, e.g. payments"
          messages={listMessages('selector.projects')}
          disabled={disabled}
        />
      </FormSection>
      <FormSection title="Waves">
        <Grid container spacing={2}>
          {NUMBER_INPUTS.map(input => {
            const field = textField(input.key, input.help);
            return (
              <Grid item xs={12} sm={4} key={input.key}>
                <TextField
                  {...field}
                  onChange={e =>
                    change({
                      [input.key]: e.target.value,
                    } as Partial<RolloutForm>)
                  }
                  disabled={disabled}
                  id={`rollout-${input.key}`}
                  label={input.label}
                  type="number"
                  inputProps={{ min: 1 }}
                />
              </Grid>
            );
          })}
        </Grid>
        <TextField
          {...textField('description', 'Why this rollout, for the audit log')}
          onChange={e => change({ description: e.target.value })}
          disabled={disabled}
          id="rollout-description"
          label="Description"
          multiline
          minRows={2}
        />
      </FormSection>
      {plan && (
        <section className={classes.plan} aria-label="Rollout plan">
          <Typography variant="subtitle1">Plan: {planSummary(plan)}</Typography>
          <RolloutWaves rollout={plan} plan />
        </section>
      )}
    </FormDialog>
  );
};
