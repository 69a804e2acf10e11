import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDetails,
  ClusterUpgradePreview,
  ProfileRef,
  UpgradeClusterRequest,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';
import { errorMessage } from '../../profiles/utils';
import { DialogProgressActions, SelectField } from '../../shared';
import {
  addOnsFor,
  AddOnProfilesFields,
  usableVersions,
  useProfileVariables,
  usePublishedProfiles,
  VariableFields,
} from '../request';
import { withVariableDefaults } from '../request/requestForm';
import {
  fieldMessagesOf,
  groupMessagesByField,
  normalizeFieldPath,
  profileRefText,
  sameProfileRefs,
} from '../utils';
import { UpgradePreviewView } from './UpgradePreviewView';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
}));

type UpgradeDialogProps = {
  cluster: ClusterDetails;
  /** Previews the upgrade to the update available as soon as it can. */
  previewFirst?: boolean;
  onUpgrade: (request: UpgradeClusterRequest) => Promise<void>;
  onClose: () => void;
};

const ProfileUpgradeDialog = ({
  cluster,
  previewFirst = false,
  current,
  onUpgrade,
  onClose,
}: UpgradeDialogProps & { current: ProfileRef }) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const [version, setVersion] = useState(
    cluster.updateAvailable ?? current.version,
  );
  const [addOns, setAddOns] = useState(cluster.addOnProfiles);
  const [values, setValues] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ClusterUpgradePreview>();
  const [busy, setBusy] = useState<'preview' | 'upgrade'>();
  const [failure, setFailure] = useState<string>();
  const [messages, setMessages] = useState<ValidationMessage[]>([]);

  const profile = useAsync(
    () => paletteApi.getProfile(current.name),
    [paletteApi, current.name],
  );
  const published = usePublishedProfiles(true);
  const refs = useMemo(
    () => [{ name: current.name, version }, ...addOns],
    [current.name, version, addOns],
  );
  const target = useProfileVariables(refs);
  // Only variables the cluster has no value for are asked.
  const newVariables = useMemo(
    () => target.variables.filter(v => !(v.name in cluster.request.variables)),
    [target.variables, cluster.request.variables],
  );
  useEffect(() => {
    setValues(v => withVariableDefaults(v, newVariables));
  }, [newVariables]);

  const request = useMemo((): UpgradeClusterRequest | undefined => {
    const r: UpgradeClusterRequest = {};
    if (version !== current.version) r.profileVersion = version;
    if (!sameProfileRefs(addOns, cluster.addOnProfiles))
      r.addOnProfiles = addOns;
    const variables = Object.fromEntries(
      newVariables
        .filter(v => !v.hidden && !v.readOnly && values[v.name])
        .map(v => [v.name, values[v.name]]),
    );
    if (Object.keys(variables).length) r.variables = variables;
    return r.profileVersion || r.addOnProfiles ? r : undefined;
  }, [
    version,
    addOns,
    values,
    newVariables,
    current.version,
    cluster.addOnProfiles,
  ]);

  const versions = usableVersions(profile.value);
  const { byField, general } = groupMessagesByField(messages, field =>
    field.startsWith('variables.'),
  );

  const back = () => {
    setPreview(undefined);
    setFailure(undefined);
  };
  const runPreview = async () => {
    if (!request) return;
    setBusy('preview');
    setFailure(undefined);
    try {
      const result = await paletteApi.previewClusterUpgrade(
        cluster.name,
        request,
      );
      setPreview(result);
      setMessages(result.messages);
    } catch (e) {
      setMessages(fieldMessagesOf(e));
      setFailure(errorMessage(e));
    }
    setBusy(undefined);
  };
  // Once, when everything the request depends on has loaded; a preview
  // that needs new variables fails and leaves the form to fill them.
  const [autoPreview, setAutoPreview] = useState(previewFirst);
  const ready =
    !profile.loading &&
    !published.loading &&
    !target.loading &&
    newVariables.every(v => v.name in values);
  useEffect(() => {
    if (!autoPreview || !ready || !request) return;
    setAutoPreview(false);
    runPreview();
    // `runPreview` reads the latest request; running it once is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoPreview, ready, request]);
  const confirm = async () => {
    if (!request) return;
    setBusy('upgrade');
    setFailure(undefined);
    try {
      await onUpgrade(request);
      setBusy(undefined);
      onClose();
    } catch (e) {
      setBusy(undefined);
      setFailure(errorMessage(e));
    }
  };
  const blocked = preview?.messages.some(m => m.severity === 'error');
  const disabled = busy !== undefined;

  return (
    <Dialog
      open
      onClose={disabled ? undefined : onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby="upgrade-cluster-title"
    >
      <DialogTitle id="upgrade-cluster-title">
        Upgrade {cluster.name}
      </DialogTitle>
      <DialogContent dividers>
        {preview ? (
          <UpgradePreviewView preview={preview} />
        ) : (
          <>
            <Typography>
              Runs {profileRefText(current)}
              {cluster.addOnProfiles.length
                ? ` with ${cluster.addOnProfiles
                    .map(profileRefText)
                    .join(', ')}`
                : ''}
              .
            </Typography>
            {(profile.loading || published.loading) && (
              <LinearProgress aria-label="Loading the profile's versions" />
            )}
            {profile.error && (
              <Alert severity="error">
                Could not load {current.name}: {errorMessage(profile.error)}
              </Alert>
            )}
            <SelectField
              id="upgrade-cluster-version"
              label="Version"
              value={version}
              onChange={e => setVersion(e.target.value)}
              disabled={disabled || !profile.value}
              helperText="Published, non-deprecated versions of the profile"
              margin="normal"
              variant="outlined"
              options={versions.map(v => ({
                value: v,
                label: `${v}${v === current.version ? ' (current)' : ''}${
                  v === profile.value?.latestVersion ? ' (latest)' : ''
                }`,
              }))}
            >
              {!versions.includes(current.version) && (
                <option value={current.version}>
                  {current.version} (current)
                </option>
              )}
            </SelectField>
            <Typography variant="subtitle2" className={classes.section}>
              Add-on profiles
            </Typography>
            <AddOnProfilesFields
              available={addOnsFor(published.addOns, profile.value?.cloudType)}
              addOns={addOns}
              onChange={setAddOns}
              messagesOf={field => byField.get(normalizeFieldPath(field))}
              disabled={disabled}
            />
            {newVariables.some(v => !v.hidden) && (
              <>
                <Typography variant="subtitle2" className={classes.section}>
                  New variables
                </Typography>
                <VariableFields
                  variables={newVariables}
                  values={values}
                  onChange={(name, value) =>
                    setValues(v => ({ ...v, [name]: value }))
                  }
                  messagesOf={field => byField.get(field)}
                  disabled={disabled}
                />
              </>
            )}
            {!request && (
              <Typography color="textSecondary" className={classes.section}>
                Choose another version or add-on set to preview the upgrade.
              </Typography>
            )}
          </>
        )}
        {!preview && general.length > 0 && (
          <Alert severity="error">
            {general.map(m => m.message).join('; ')}
          </Alert>
        )}
        {failure && (
          <Alert severity="error" role="alert" className={classes.section}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogProgressActions
        busy={disabled}
        progressLabel={
          busy === 'preview' ? 'Previewing the upgrade' : 'Upgrading'
        }
        onCancel={onClose}
        actionLabel={preview ? 'Upgrade' : 'Preview'}
        onAction={preview ? confirm : runPreview}
        actionDisabled={preview ? blocked : !request}
      >
        {preview && (
          <Button onClick={back} disabled={disabled}>
            Back
          </Button>
        )}
      </DialogProgressActions>
    </Dialog>
  );
};

/**
 * Moves a cluster to another published version of its profile, or another
 * add-on set: choose, preview what changes and rolls (a dry run), confirm.
 * Imported clusters were built from no profile: there is nothing to upgrade.
 */
export const UpgradeDialog = (props: UpgradeDialogProps) =>
  props.cluster.profile ? (
    <ProfileUpgradeDialog {...props} current={props.cluster.profile} />
  ) : null;
