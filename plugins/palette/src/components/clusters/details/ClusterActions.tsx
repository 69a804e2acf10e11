import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import GetAppIcon from '@material-ui/icons/GetApp';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import UpdateIcon from '@material-ui/icons/Update';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { ClusterPermissions } from '../../../hooks';
import { downloadText, errorMessage } from '../../profiles/utils';
import { canChangeInPhase, canDeleteInPhase, isDeletionStuck } from '../utils';
import { ClusterAction } from './actionTypes';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/**
 * The buttons for what the signed-in user may do with the cluster in its
 * current phase; what they may not do is not shown.
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
      {permissions.canUpdate && changeable && (
        <>
          <Button
            size="small"
            variant="outlined"
            color="primary"
            startIcon={<UpdateIcon />}
            onClick={() => onAction({ type: 'upgrade' })}
          >
            Upgrade
          </Button>
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
      {permissions.canDownloadKubeconfig && changeable && (
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
          startIcon={<DeleteIcon />}
          onClick={() => onAction({ type: 'delete', force: false })}
        >
          {cluster.phase === 'PendingApproval' ? 'Withdraw request' : 'Delete'}
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
