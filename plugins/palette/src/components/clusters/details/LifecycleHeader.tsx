import { InfoCard } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  ClusterSummary,
  ClusterDetails,
  isClusterPhaseInProgress,
} from '@palette-backstage/plugin-palette-common';
import { ReactNode } from 'react';
import { formatDateTime } from '../../profiles/utils';
import { ImportedChip, PausedChip, PhaseChip } from '../ClusterChips';
import { formatAge } from '../utils';

const useStyles = makeStyles(theme => ({
  status: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  progress: { marginTop: theme.spacing(1.5) },
  bar: { height: 8, borderRadius: 4, marginTop: theme.spacing(0.5) },
  alert: { marginTop: theme.spacing(1.5) },
}));

/** The progress of work under way: steps done over steps in all, with what it does. */
export const LifecycleProgress = ({
  cluster,
}: {
  cluster: Pick<ClusterDetails, 'phase' | 'progress'>;
}) => {
  const classes = useStyles();
  // Waiting for an approver is not work under way: the approval banner says who.
  if (
    !isClusterPhaseInProgress(cluster.phase) ||
    cluster.phase === 'PendingApproval'
  )
    return null;
  const { progress } = cluster;
  const label = progress
    ? `${progress.label} (${progress.done} of ${progress.total})`
    : `${cluster.phase}…`;
  return (
    <div className={classes.progress}>
      <Typography variant="body2">{label}</Typography>
      <LinearProgress
        className={classes.bar}
        aria-label={label}
        variant={
          progress && progress.total > 0 ? 'determinate' : 'indeterminate'
        }
        value={
          progress && progress.total > 0
            ? Math.min(100, (progress.done / progress.total) * 100)
            : undefined
        }
      />
    </div>
  );
};

/**
 * The phase chip, how long it has held, whether the cluster is paused, and
 * whether it was imported.
 */
export const PhaseLine = ({ cluster }: { cluster: ClusterSummary }) => {
  const classes = useStyles();
  return (
    <div className={classes.status}>
      <PhaseChip phase={cluster.phase} size="medium" />
      {cluster.paused && <PausedChip />}
      {cluster.imported && <ImportedChip mode={cluster.imported.mode} />}
      <Typography variant="body2" color="textSecondary">
        since {formatAge(cluster.phaseSince)}
      </Typography>
    </div>
  );
};

/**
 * Where a cluster is in its lifecycle: its phase and what it means now, the
 * progress of work under way, and the last error with its reason.
 * `children` (e.g. the approval banner) follow the phase.
 */
export const LifecycleHeader = ({
  cluster,
  actions,
  children,
}: {
  cluster: ClusterDetails;
  actions?: ReactNode;
  children?: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <InfoCard title="Lifecycle" action={actions}>
      <PhaseLine cluster={cluster} />
      {cluster.message && (
        <Typography className={classes.progress}>{cluster.message}</Typography>
      )}
      {children}
      <LifecycleProgress cluster={cluster} />
      {cluster.lastError && (
        <Alert severity="error" className={classes.alert}>
          <AlertTitle>{cluster.lastError.reason}</AlertTitle>
          {cluster.lastError.message}
          <Typography variant="caption" component="div">
            {formatDateTime(cluster.lastError.at)}
          </Typography>
        </Alert>
      )}
      {cluster.reconcileError && (
        <Alert severity="warning" className={classes.alert}>
          <AlertTitle>Reconciliation is waiting</AlertTitle>
          {cluster.reconcileError}
        </Alert>
      )}
      {cluster.paused && (
        <Alert severity="info" className={classes.alert}>
          Paused: Cluster API makes no changes to this cluster until it is
          resumed.
        </Alert>
      )}
    </InfoCard>
  );
};
