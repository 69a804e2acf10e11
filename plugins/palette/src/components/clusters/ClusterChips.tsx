import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import CompareArrowsIcon from '@material-ui/icons/CompareArrows';
import InputIcon from '@material-ui/icons/Input';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import PauseCircleOutlineIcon from '@material-ui/icons/PauseCircleOutline';
import {
  ClusterPhase,
  ImportMode,
} from '@palette-backstage/plugin-palette-common';
import { IMPORT_MODE_HELP, PHASE_STYLES, StatusStyle } from './utils';

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

/** A status as a chip coloured by its tone, with what it means. */
export const StatusChip = ({
  label,
  style,
  size = 'small',
}: {
  label: string;
  style: StatusStyle;
  size?: 'small' | 'medium';
}) => {
  const classes = useStyles();
  return (
    <Tooltip title={style.help}>
      <Chip size={size} label={label} className={classes[style.tone]} />
    </Tooltip>
  );
};

/** A cluster's lifecycle phase as a coloured chip, with what it means. */
export const PhaseChip = ({
  phase,
  size = 'small',
}: {
  phase: ClusterPhase;
  size?: 'small' | 'medium';
}) => <StatusChip label={phase} style={PHASE_STYLES[phase]} size={size} />;

/**
 * A newer published version of the cluster's profile exists. With
 * `onClick` (for those who may upgrade the cluster) it opens the upgrade
 * preview of that version.
 */
export const UpdateAvailableChip = ({
  version,
  onClick,
}: {
  version: string;
  onClick?: () => void;
}) => {
  const chip = (
    <Chip
      size="small"
      variant="outlined"
      color="primary"
      icon={<NewReleasesIcon />}
      label={`${version} available`}
      onClick={onClick}
      clickable={!!onClick}
      aria-label={onClick ? `Preview the upgrade to ${version}` : undefined}
    />
  );
  return (
    <Tooltip
      title={
        onClick
          ? `Version ${version} of the profile is published: preview what the upgrade changes`
          : `Version ${version} of the profile is published`
      }
    >
      {chip}
    </Tooltip>
  );
};

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

/** Imported by kubeconfig rather than created by Palette, and how far Palette manages it. */
export const ImportedChip = ({ mode }: { mode: ImportMode }) => (
  <Tooltip title={`Imported by kubeconfig. ${IMPORT_MODE_HELP[mode]}.`}>
    <Chip
      size="small"
      variant="outlined"
      color="primary"
      icon={<InputIcon />}
      label={`Imported (${mode})`}
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
