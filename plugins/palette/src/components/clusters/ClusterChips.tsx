import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import CompareArrowsIcon from '@material-ui/icons/CompareArrows';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import PauseCircleOutlineIcon from '@material-ui/icons/PauseCircleOutline';
import { ClusterPhase } from '@palette-backstage/plugin-palette-common';
import { PHASE_STYLES } from './utils';

const useStyles = makeStyles(theme => ({
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  progress: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  idle: {
    backgroundColor: theme.palette.grey[500],
    color: theme.palette.getContrastText(theme.palette.grey[500]),
  },
  nodes: { minWidth: 80 },
  bar: { height: 6, borderRadius: 3, marginTop: 2 },
}));

/** A distinct colour per phase, in its family's hue, for charts. */
export function usePhaseColors(): Record<ClusterPhase, string> {
  const { palette } = useTheme();
  return {
    PendingApproval: palette.warning.light,
    Rejected: palette.grey[500],
    Requested: palette.info.light,
    Provisioning: palette.info.main,
    Updating: palette.info.dark,
    Scaling: palette.primary.light,
    Running: palette.success.main,
    Degraded: palette.warning.main,
    Deleting: palette.grey[600],
    Deleted: palette.grey[400],
    Failed: palette.error.main,
    Importing: palette.info.light,
    Unreachable: palette.error.dark,
  };
}

/** A cluster's lifecycle phase as a coloured chip, with what it means. */
export const PhaseChip = ({
  phase,
  size = 'small',
}: {
  phase: ClusterPhase;
  size?: 'small' | 'medium';
}) => {
  const classes = useStyles();
  const { tone, help } = PHASE_STYLES[phase];
  return (
    <Tooltip title={help}>
      <Chip size={size} label={phase} className={classes[tone]} />
    </Tooltip>
  );
};

/** A newer published version of the cluster's profile exists. */
export const UpdateAvailableChip = ({ version }: { version: string }) => (
  <Tooltip title={`Version ${version} of the profile is published`}>
    <Chip
      size="small"
      variant="outlined"
      color="primary"
      icon={<NewReleasesIcon />}
      label={`${version} available`}
    />
  </Tooltip>
);

/** Live objects differ from what the profile renders. */
export const DriftChip = () => (
  <Tooltip title="Live objects on the management cluster differ from what the profile renders">
    <Chip
      size="small"
      variant="outlined"
      icon={<CompareArrowsIcon />}
      label="Drift"
    />
  </Tooltip>
);

/** Reconciliation is paused. */
export const PausedChip = () => (
  <Tooltip title="Cluster API does not reconcile this cluster until it is resumed">
    <Chip
      size="small"
      variant="outlined"
      icon={<PauseCircleOutlineIcon />}
      label="Paused"
    />
  </Tooltip>
);

/** `3 / 4` ready nodes with a bar. */
export const NodesBar = ({
  ready,
  desired,
  label = 'nodes ready',
}: {
  ready: number;
  desired: number;
  label?: string;
}) => {
  const classes = useStyles();
  const value = desired > 0 ? Math.min(100, (ready / desired) * 100) : 0;
  return (
    <div className={classes.nodes}>
      <Typography variant="body2">
        {ready} / {desired}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        className={classes.bar}
        color={ready >= desired ? 'primary' : 'secondary'}
        aria-label={`${ready} of ${desired} ${label}`}
      />
    </div>
  );
};
