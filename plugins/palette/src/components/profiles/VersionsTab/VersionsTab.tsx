import { EmptyState } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import {
  ProfileDetails,
  ProfileVersionInfo,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { ProfilePermissions } from '../../../hooks';
import { plural } from '../../clusters/utils';
import { CreateRolloutDialog } from '../../rollouts';
import {
  NO_ROLLOUT_PERMISSION,
  useCanManageRollouts,
} from '../../rollouts/useCanManageRollouts';
import { ConfirmDialog } from '../../shared';
import { DeprecatedChip } from '../ProfileChips';
import {
  downloadText,
  errorMessage,
  formatDateTime,
  humanizeOwner,
} from '../utils';
import { useVersionUsage } from './versionUsage';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
  note: { whiteSpace: 'pre-wrap', maxWidth: 480 },
}));

/**
 * The published versions of a profile: change notes, who published them
 * and when, how many clusters run each, and deprecating, deleting and
 * exporting each. A version that clusters on older ones could move to
 * offers a rollout.
 */
export const VersionsTab = ({
  profile,
  permissions,
  onProfileChange,
  onVersionDeleted,
}: {
  profile: ProfileDetails;
  permissions: Pick<ProfilePermissions, 'canPublish' | 'canDelete'>;
  onProfileChange: (profile: ProfileDetails) => void;
  /** Called after a version is deleted, to reload the profile. */
  onVersionDeleted: () => void;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<string>();
  const [toDelete, setToDelete] = useState<ProfileVersionInfo>();
  const [confirming, setConfirming] = useState(false);
  const [rollingOut, setRollingOut] = useState<string>();
  const usage = useVersionUsage(profile.name, profile.versions.length);
  const { allowed: canRollOut } = useCanManageRollouts();

  const act = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (e) {
      alertApi.post({ message: errorMessage(e), severity: 'error' });
    } finally {
      setBusy(undefined);
    }
  };

  const toggleDeprecated = (v: ProfileVersionInfo) =>
    act(`${v.version}-deprecate`, async () => {
      const updated = await paletteApi.setDeprecated(
        profile.name,
        v.version,
        !v.deprecated,
      );
      alertApi.post({
        message: v.deprecated
          ? `${profile.name} ${v.version} is no longer deprecated`
          : `Deprecated ${profile.name} ${v.version}; new clusters cannot use it`,
        severity: 'success',
        display: 'transient',
      });
      onProfileChange(updated);
    });

  const exportVersion = (v: ProfileVersionInfo) =>
    act(`${v.version}-export`, async () => {
      const yaml = await paletteApi.exportProfileVersion(
        profile.name,
        v.version,
      );
      downloadText(`${profile.name}-${v.version}.yaml`, yaml);
    });

  if (!profile.versions.length) {
    return (
      <EmptyState
        missing="content"
        title="No published versions"
        description="Publish the draft to create the first version. Clusters are created from published versions."
      />
    );
  }

  return (
    <Paper>
      {busy && <LinearProgress />}
      <TableContainer>
        <Table size="small" aria-label="Versions">
          <TableHead>
            <TableRow>
              <TableCell>Version</TableCell>
              <TableCell>Change note</TableCell>
              <TableCell>Published by</TableCell>
              <TableCell>Published</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Clusters</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {profile.versions.map(v => (
              <TableRow key={v.version} aria-label={`Version ${v.version}`}>
                <TableCell>
                  <strong>{v.version}</strong>
                  {v.version === profile.latestVersion && (
                    <>
                      {' '}
                      <Chip size="small" color="primary" label="Latest" />
                    </>
                  )}
                </TableCell>
                <TableCell className={classes.note}>{v.changeNote}</TableCell>
                <TableCell>{humanizeOwner(v.publishedBy)}</TableCell>
                <TableCell>{formatDateTime(v.publishedAt)}</TableCell>
                <TableCell>
                  {v.deprecated ? <DeprecatedChip /> : 'Active'}
                </TableCell>
                <TableCell align="right">
                  {usage.clustersOn(v.version) ?? '—'}
                </TableCell>
                <TableCell>
                  <div className={classes.actions}>
                    {!v.deprecated && usage.clustersBehind(v.version) > 0 && (
                      <Tooltip
                        title={
                          canRollOut
                            ? `Move the ${plural(
                                usage.clustersBehind(v.version),
                                'cluster',
                              )} on older versions to ${v.version} in waves`
                            : NO_ROLLOUT_PERMISSION
                        }
                      >
                        <span>
                          <Button
                            size="small"
                            color="primary"
                            onClick={() => setRollingOut(v.version)}
                            disabled={!canRollOut || !!busy}
                          >
                            Roll out
                          </Button>
                        </span>
                      </Tooltip>
                    )}
                    <Button
                      size="small"
                      onClick={() => exportVersion(v)}
                      disabled={!!busy}
                    >
                      Export YAML
                    </Button>
                    {permissions.canPublish && (
                      <Button
                        size="small"
                        onClick={() => toggleDeprecated(v)}
                        disabled={!!busy}
                      >
                        {v.deprecated ? 'Undeprecate' : 'Deprecate'}
                      </Button>
                    )}
                    {permissions.canDelete && (
                      <Button
                        size="small"
                        color="secondary"
                        onClick={() => {
                          setToDelete(v);
                          setConfirming(true);
                        }}
                        disabled={!!busy}
                      >
                        Delete
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {usage.error && (
        <Typography variant="body2" color="textSecondary" role="status">
          Cluster counts are unavailable: {errorMessage(usage.error)}
        </Typography>
      )}
      {rollingOut && (
        <CreateRolloutDialog
          preset={{ profile: profile.name, targetVersion: rollingOut }}
          onClose={() => setRollingOut(undefined)}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${profile.name} ${toDelete?.version ?? ''}?`}
        confirmLabel="Delete version"
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          if (!toDelete) return;
          await paletteApi.deleteVersion(profile.name, toDelete.version);
          alertApi.post({
            message: `Deleted ${profile.name} ${toDelete.version}`,
            severity: 'success',
            display: 'transient',
          });
          onVersionDeleted();
        }}
      >
        The version and its change note are removed for good. Versions that
        clusters run cannot be deleted; deprecate them instead.
      </ConfirmDialog>
    </Paper>
  );
};
