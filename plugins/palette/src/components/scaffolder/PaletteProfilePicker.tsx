import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../api/PaletteApi';
import { profileHelp, versionOptions } from '../clusters/request/ProfileFields';
import { usePublishedProfiles } from '../clusters/request/useRequestData';
import { LayerSummaryChips } from '../profiles/ProfileChips';
import { errorMessage, humanizeOwner } from '../profiles/utils';
import { FieldSet, nameOptions, SelectField } from '../shared';
import { costRequestOf, schemaDefault } from './costEstimate';
import { CostEstimateView } from './CostEstimateView';
import { useCostEstimate } from './useCostEstimate';
import { useSettled } from './useSettled';
import {
  defaultVersion,
  offeredProfiles,
  PolicyScope,
  policyScopeOf,
  ProfilePickerUiOptions,
  ProfilePickerValue,
  scopeLabel,
} from './profilePicker';

const useStyles = makeStyles(theme => ({
  note: { marginTop: theme.spacing(1) },
  layers: { marginTop: theme.spacing(1) },
  cost: { marginTop: theme.spacing(2) },
}));

/**
 * The governance policy that applies to the scope, looked up once the
 * scope has stopped changing for a moment (it is typed elsewhere).
 */
function useEffectivePolicy(scope?: PolicyScope) {
  const paletteApi = useApi(paletteApiRef);
  const key = scope ? `${scope.project}\n${scope.environment}` : '';
  const settled = useSettled(key, 300);
  const state = useAsync(async () => {
    if (!settled) return undefined;
    const [project, environment] = settled.split('\n');
    return (await paletteApi.getEffectivePolicy(project, environment)).policy;
  }, [paletteApi, settled]);
  return { ...state, loading: state.loading || settled !== key };
}

/**
 * A scaffolder field (`ui:field: PaletteProfilePicker`) that picks the
 * profile a cluster is built from: published infra and full profiles at
 * versions that are not deprecated, with their layers. Once the form has a
 * project and environment (`formData.project` and `.environment`, or the
 * fields `ui:options.projectField` and `.environmentField` name), only what
 * their governance policy allows is offered, and the policy's approval
 * rule is shown. Its value is `{ name, version }`.
 *
 * Once a version is picked it shows what the request the form describes
 * so far would cost (see `CostEstimateUiOptions`), with the template's
 * default pools until the form has its own; the estimate is informational
 * and its failure never blocks the pick.
 */
export const PaletteProfilePicker = (
  props: FieldExtensionComponentProps<
    ProfilePickerValue,
    ProfilePickerUiOptions
  >,
) => {
  const {
    formData,
    onChange,
    rawErrors = [],
    required,
    disabled,
    readonly,
    schema,
    uiSchema,
    idSchema,
    formContext,
    registry,
  } = props;
  const classes = useStyles();
  const options = uiSchema?.['ui:options'] ?? {};
  const scope = policyScopeOf(formContext?.formData, options);
  const profiles = usePublishedProfiles(true);
  const policy = useEffectivePolicy(scope);
  const offered = offeredProfiles(profiles.bases, policy.value);
  const chosen = offered.find(o => o.profile.name === formData?.name);
  const id = idSchema?.$id ?? 'palette-profile-picker';
  const off = disabled || readonly;
  const loading = profiles.loading || (!!scope && policy.loading);
  const picked =
    chosen && formData?.version && chosen.versions.includes(formData.version)
      ? formData
      : undefined;
  const cost = costRequestOf(formContext?.formData, options, {
    profile: picked,
    fallbackPools: schemaDefault(
      registry?.rootSchema,
      options.workerPoolsField ?? 'workerPools',
    ),
  });
  const estimate = useCostEstimate(picked && cost.request);

  const choose = (name: string) => {
    const next = offered.find(o => o.profile.name === name);
    onChange(next ? { name, version: defaultVersion(next) } : undefined);
  };

  // A value the list no longer offers (another environment, deprecated).
  const unavailable =
    !loading &&
    formData?.name &&
    formData.version &&
    !chosen?.versions.includes(formData.version)
      ? `${formData.name}@${
          formData.version
        } is not offered: it is deprecated, unpublished${
          scope ? ` or not allowed in ${scopeLabel(scope)}` : ''
        }. Choose again.`
      : undefined;
  const errors = [...(unavailable ? [unavailable] : []), ...rawErrors];

  let note: string | undefined;
  if (!scope)
    note =
      'Choose the project and environment first to see only the profiles their governance policy allows.';
  else if (policy.value?.allowedProfiles)
    note = `Only the profiles the policy for ${scopeLabel(
      scope,
    )} allows are offered.`;
  else if (!policy.loading && !policy.error)
    note = `Every published profile may be used in ${scopeLabel(scope)}.`;
  const approval =
    policy.value?.requireApproval && policy.value.approverGroup
      ? `Clusters in ${
          scope && scopeLabel(scope)
        } need approval by ${humanizeOwner(
          policy.value.approverGroup,
        )} before anything is created.`
      : undefined;

  return (
    <FieldSet
      title={schema?.title ?? 'Cluster profile'}
      description={schema?.description}
      required={required}
      errors={errors}
    >
      {loading && <LinearProgress aria-label="Loading cluster profiles" />}
      {profiles.error && (
        <Alert severity="error">
          Could not load the published profiles: {errorMessage(profiles.error)}
        </Alert>
      )}
      {scope && policy.error && (
        <Alert severity="warning">
          Could not read the governance policy for {scopeLabel(scope)} (
          {errorMessage(policy.error)}); every published profile is offered, and
          the request is checked when it is made.
        </Alert>
      )}
      {!loading && !profiles.error && offered.length === 0 && (
        <Alert severity="info">
          {profiles.bases.length && scope
            ? `The policy for ${scopeLabel(
                scope,
              )} allows none of the published profiles. Choose another project or environment, or ask the platform team to change the policy.`
            : 'No infrastructure or full profile is published yet. A cluster is built from one; ask the platform team to publish a profile.'}
        </Alert>
      )}
      <Grid container spacing={1}>
        <Grid item xs={12} sm={8}>
          <SelectField
            margin="dense"
            variant="outlined"
            id={`${id}-name`}
            label="Profile"
            required={required}
            value={chosen ? chosen.profile.name : ''}
            disabled={off || loading}
            onChange={e => choose(e.target.value)}
            helperText={profileHelp(chosen?.profile)}
            emptyLabel="Choose a profile"
            options={nameOptions(offered.map(o => o.profile))}
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <SelectField
            margin="dense"
            variant="outlined"
            id={`${id}-version`}
            label="Version"
            required={required}
            value={
              chosen &&
              formData?.version &&
              chosen.versions.includes(formData.version)
                ? formData.version
                : ''
            }
            disabled={off || !chosen}
            onChange={e =>
              chosen &&
              onChange({ name: chosen.profile.name, version: e.target.value })
            }
            helperText="Deprecated versions are not offered"
            emptyLabel={chosen ? 'Choose a version' : '—'}
            options={versionOptions(
              chosen?.versions ?? [],
              chosen?.profile.latestVersion,
            )}
          />
        </Grid>
      </Grid>
      {chosen && (
        <div className={classes.layers}>
          <Typography variant="caption" color="textSecondary" component="div">
            {formData?.version === chosen.profile.latestVersion
              ? 'Layers'
              : `Layers of the latest version (${
                  chosen.profile.latestVersion ?? 'none'
                })`}
          </Typography>
          <LayerSummaryChips layers={chosen.profile.layerSummary} />
        </div>
      )}
      {picked && (
        <section className={classes.cost} aria-label="Estimated cost">
          <Typography variant="caption" color="textSecondary" component="div">
            Estimated cost of this request
          </Typography>
          <CostEstimateView
            estimate={estimate.value}
            loading={estimate.loading}
            error={estimate.error}
            missing={cost.missing}
          />
        </section>
      )}
      {note && (
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.note}
        >
          {note}
        </Typography>
      )}
      {approval && (
        <Alert severity="info" className={classes.note}>
          {approval}
        </Alert>
      )}
    </FieldSet>
  );
};
