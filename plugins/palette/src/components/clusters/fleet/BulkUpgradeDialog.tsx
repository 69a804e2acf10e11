import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import { ClusterSummary } from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';
import { errorMessage } from '../../profiles/utils';
import { FormDialog, SelectField } from '../../shared';
import { usableVersions } from '../request';
import { plural } from '../utils';

/**
 * Chooses the profile version a selection of clusters moves to. A version
 * belongs to one profile, so the selection must run one profile;
 * imported clusters, built from none, are refused by palette-backend.
 */
export const BulkUpgradeDialog = ({
  clusters,
  refused,
  onUpgrade,
  onClose,
}: {
  clusters: ClusterSummary[];
  /** How many of them the user may not update. */
  refused: number;
  onUpgrade: (version: string) => Promise<void>;
  onClose: () => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const profiles = [
    ...new Set(clusters.flatMap(c => (c.profile ? [c.profile.name] : []))),
  ];
  const single = profiles.length === 1 ? profiles[0] : undefined;
  const profile = useAsync(
    async () => (single ? paletteApi.getProfile(single) : undefined),
    [paletteApi, single],
  );
  const versions = usableVersions(profile.value);
  const [chosen, setChosen] = useState<string>();
  const version = chosen ?? profile.value?.latestVersion ?? '';
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!version) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onUpgrade(version);
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      titleId="bulk-upgrade-title"
      title={`Upgrade ${plural(clusters.length, 'cluster')}`}
      formLabel="Upgrade clusters"
      onSubmit={submit}
      failure={failure}
      progressLabel="Upgrading the clusters"
      actionLabel={version ? `Upgrade to ${version}` : 'Upgrade'}
      actionDisabled={!single || !version}
    >
      {!single ? (
        <Alert severity="warning">
          {profiles.length === 0
            ? 'None of the selected clusters runs a profile: imported clusters are not upgraded from here.'
            : `The selected clusters run ${
                profiles.length
              } profiles (${profiles.join(
                ', ',
              )}). Select clusters of one profile to move them to one of its versions, or start a rollout.`}
        </Alert>
      ) : (
        <>
          <DialogContentText>
            Each cluster moves to this version of {single} on its own, right
            away and without waves; a rollout moves many clusters in waves
            inside their maintenance windows instead.
          </DialogContentText>
          {profile.loading && (
            <LinearProgress aria-label="Loading the profile's versions" />
          )}
          {profile.error && (
            <Alert severity="error">
              Could not load {single}: {errorMessage(profile.error)}
            </Alert>
          )}
          <SelectField
            id="bulk-upgrade-version"
            label="Version"
            margin="normal"
            variant="outlined"
            value={version}
            disabled={busy || !profile.value}
            onChange={e => setChosen(e.target.value)}
            helperText="Published, non-deprecated versions of the profile"
            options={versions.map(v => ({
              value: v,
              label: v === profile.value?.latestVersion ? `${v} (latest)` : v,
            }))}
          />
        </>
      )}
      {refused > 0 && (
        <Alert severity="info">
          You may not update {refused} of the {clusters.length} selected
          clusters: palette-backend refuses {refused === 1 ? 'it' : 'them'} and
          upgrades the rest.
        </Alert>
      )}
    </FormDialog>
  );
};
