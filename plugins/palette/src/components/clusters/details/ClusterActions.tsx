import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import ExtensionIcon from '@material-ui/icons/Extension';
import GetAppIcon from '@material-ui/icons/GetApp';
import LibraryAddIcon from '@material-ui/icons/LibraryAdd';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import UpdateIcon from '@material-ui/icons/Update';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { ClusterPermissions, useCanCreateProfile } from '../../../hooks';
import { downloadText, errorMessage } from '../../profiles/utils';
import {
  applicableChanges,
  canChangeInPhase,
  canDeleteInPhase,
  isDeletionStuck,
} from '../utils';
import { ClusterAction } from './actionTypes';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/** The label of the delete button: what deleting means for this cluster. */
const deleteLabel = (cluster: ClusterDetails) => {
  if (cluster.phase === 'PendingApproval') return 'Withdraw request';
  return cluster.imported ? 'Detach' : 'Delete';
};

/**
 * The buttons for what the signed-in user may do with the cluster in its
 * current phase; what they may not do, or what does not apply to the
 * cluster (imported clusters change little), is not shown.
 */
export const ClusterActions = ({
  cluster,
  permissions,
  onAction,
  onDone,
}: {
  cluster: ClusterDetails;
  permissions: ClusterPermissions;
  onAction: (action: ClusterAction) => void;
  onDone: (cluster: ClusterDetails) => void;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<'resume' | 'kubeconfig'>();
  const changeable = canChangeInPhase(cluster.phase);
  const changes = applicableChanges(cluster);
  const { allowed: canCreateProfile } = useCanCreateProfile();

  const resume = async () => {
    setBusy('resume');
    try {
      onDone(await paletteApi.resumeCluster(cluster.name));
      alertApi.post({
        message: `Resumed ${cluster.name}`,
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      alertApi.post({
        message: `Could not resume ${cluster.name}: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
    setBusy(undefined);
  };
  const downloadKubeconfig = async () => {
    setBusy('kubeconfig');
    try {
      const file = await paletteApi.getClusterKubeconfig(cluster.name);
      downloadText(file.filename, file.content);
    } catch (e) {
      alertApi.post({
        message: `Could not download the kubeconfig of ${
          cluster.name
        }: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
    setBusy(undefined);
  };

  return (
    <div className={classes.actions}>
      {permissions.canUpdate && changeable && changes.version && (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          startIcon={<UpdateIcon />}
          onClick={() => onAction({ type: 'upgrade' })}
        >
          Upgrade
        </Button>
      )}
      {permissions.canUpdate &&
        changeable &&
        changes.addOns &&
        !changes.version && (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            startIcon={<ExtensionIcon />}
            onClick={() => onAction({ type: 'addOns' })}
          >
            Change add-ons
          </Button>
        )}
      {permissions.canUpdate && changeable && changes.pause && (
        <>
          {cluster.paused ? (
            <Button
              size="small"
              variant="outlined"
              startIcon={<PlayArrowIcon />}
              onClick={resume}
              disabled={busy === 'resume'}
            >
              Resume
            </Button>
          ) : (
            <Button
              size="small"
              variant="outlined"
              startIcon={<PauseIcon />}
              onClick={() => onAction({ type: 'pause' })}
            >
              Pause
            </Button>
          )}
        </>
      )}
      {canCreateProfile && cluster.imported && changeable && (
        <Tooltip
          title={
            cluster.phase === 'Importing'
              ? 'Discovery has not finished yet: the profile is built from what it finds'
              : 'A draft profile with the layers this cluster runs, for the platform team to review and publish'
          }
        >
          <span>
            <Button
              size="small"
              variant="outlined"
              startIcon={<LibraryAddIcon />}
              onClick={() => onAction({ type: 'generateProfile' })}
              disabled={cluster.phase === 'Importing'}
            >
              Create profile from this cluster
            </Button>
          </span>
        </Tooltip>
      )}
      {permissions.canDownloadKubeconfig &&
        changeable &&
        changes.kubeconfig && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={downloadKubeconfig}
            disabled={busy === 'kubeconfig'}
          >
            Download kubeconfig
          </Button>
        )}
      {permissions.canDelete && canDeleteInPhase(cluster.phase) && (
        <Button
          size="small"
          variant="outlined"
          color="secondary"
          startIcon={cluster.imported ? <LinkOffIcon /> : <DeleteIcon />}
          onClick={() => onAction({ type: 'delete', force: false })}
        >
          {deleteLabel(cluster)}
        </Button>
      )}
      {permissions.canDelete && isDeletionStuck(cluster) && (
        <Tooltip title="Deletion is taking long: forget the objects Cluster API has not removed">
          <Button
            size="small"
            variant="outlined"
            color="secondary"
            startIcon={<DeleteIcon />}
            onClick={() => onAction({ type: 'delete', force: true })}
          >
            Force delete
          </Button>
        </Tooltip>
      )}
    </div>
  );
};
