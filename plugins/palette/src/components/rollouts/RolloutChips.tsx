import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Rollout,
  RolloutClusterStatus,
  RolloutStatus,
  RolloutWave,
} from '@palette-backstage/plugin-palette-common';
import { StatusChip } from '../clusters/ClusterChips';
import {
  ROLLOUT_CLUSTER_STATUS_STYLES,
  ROLLOUT_STATUS_STYLES,
  rolloutProgress,
  WAVE_STATUS_STYLES,
} from './status';

const useStyles = makeStyles({
  progress: { minWidth: 120 },
  bar: { height: 6, borderRadius: 3, marginTop: 2 },
});

/** A rollout's status as a coloured chip, with what it means. */
export const RolloutStatusChip = ({
  status,
  size,
}: {
  status: RolloutStatus;
  size?: 'small' | 'medium';
}) => (
  <StatusChip
    label={status}
    style={ROLLOUT_STATUS_STYLES[status]}
    size={size}
  />
);

/** One cluster's part in a rollout as a coloured chip. */
export const RolloutClusterStatusChip = ({
  status,
}: {
  status: RolloutClusterStatus;
}) => (
  <StatusChip label={status} style={ROLLOUT_CLUSTER_STATUS_STYLES[status]} />
);

/** A wave's status as a coloured chip. */
export const WaveStatusChip = ({
  status,
}: {
  status: RolloutWave['status'];
}) => <StatusChip label={status} style={WAVE_STATUS_STYLES[status]} />;

/** `3 / 10` clusters on the target version, with a bar. */
export const RolloutProgressBar = ({
  counts,
}: {
  counts: Rollout['counts'];
}) => {
  const classes = useStyles();
  const { succeeded, total } = rolloutProgress(counts);
  const failed = (counts.Failed ?? 0) > 0;
  return (
    <div className={classes.progress}>
      <Typography variant="body2">
        {succeeded} / {total}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={total > 0 ? Math.min(100, (succeeded / total) * 100) : 0}
        className={classes.bar}
        color={failed ? 'secondary' : 'primary'}
        aria-label={`${succeeded} of ${total} clusters on the target version`}
      />
    </div>
  );
};
