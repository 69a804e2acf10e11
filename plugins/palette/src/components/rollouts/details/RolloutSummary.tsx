import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  Rollout,
  RolloutClusterStatus,
  rolloutClusterStatusSchema,
  RolloutSelector,
} from '@palette-backstage/plugin-palette-common';
import { ReactNode } from 'react';
import { plural } from '../../clusters/utils';
import { formatDateTime, humanizeOwner } from '../../profiles/utils';
import { RolloutProgressBar, RolloutStatusChip } from '../RolloutChips';

const useStyles = makeStyles(theme => ({
  status: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1.5),
  },
  alert: { marginBottom: theme.spacing(1.5) },
  progress: { maxWidth: 360, marginBottom: theme.spacing(1.5) },
}));

/** `dev, staging · teams apollo · projects payments`, or every cluster. */
export function selectorText(selector: RolloutSelector): string {
  const parts: string[] = [];
  if (selector.environments?.length)
    parts.push(`environments ${selector.environments.join(', ')}`);
  if (selector.owners?.length)
    parts.push(`teams ${selector.owners.map(humanizeOwner).join(', ')}`);
  if (selector.projects?.length)
    parts.push(`projects ${selector.projects.map(humanizeOwner).join(', ')}`);
  if (selector.clusters?.length)
    parts.push(plural(selector.clusters.length, 'named cluster'));
  return parts.length ? parts.join(' · ') : 'Every cluster of the profile';
}

const MESSAGE_SEVERITY = {
  PartiallyApplied: 'error',
  Paused: 'warning',
  Cancelled: 'warning',
  RolledBack: 'warning',
  Completed: 'success',
} as const;

/**
 * A rollout at a glance: its status and why it is there, how many
 * clusters are in each state, and what it was asked to do.
 */
export const RolloutSummary = ({
  rollout,
  actions,
}: {
  rollout: Rollout;
  actions: ReactNode;
}) => {
  const classes = useStyles();
  const counted = rolloutClusterStatusSchema.options.filter(
    (s: RolloutClusterStatus) => (rollout.counts[s] ?? 0) > 0,
  );
  const metadata: Record<string, unknown> = {
    Clusters: selectorText(rollout.selector),
    Waves: `Canary of ${plural(
      rollout.canarySize,
      'cluster',
    )}, then batches of ${rollout.batchSize}`,
    'Health timeout': `${rollout.healthTimeoutMinutes} min per cluster`,
    Created: `${formatDateTime(rollout.createdAt)} by ${humanizeOwner(
      rollout.createdBy,
    )}`,
    Updated: formatDateTime(rollout.updatedAt),
  };
  if (rollout.finishedAt)
    metadata.Finished = formatDateTime(rollout.finishedAt);
  if (rollout.description) metadata.Description = rollout.description;

  return (
    <InfoCard
      title={`${rollout.profile} → ${rollout.targetVersion}`}
      action={actions}
    >
      <div className={classes.status}>
        <RolloutStatusChip status={rollout.status} size="medium" />
        {counted.map(s => (
          <Chip
            key={s}
            size="small"
            variant="outlined"
            label={`${rollout.counts[s]} ${s}`}
          />
        ))}
      </div>
      {rollout.message && (
        <Alert
          severity={
            MESSAGE_SEVERITY[rollout.status as keyof typeof MESSAGE_SEVERITY] ??
            'info'
          }
          className={classes.alert}
        >
          {rollout.message}
        </Alert>
      )}
      <div className={classes.progress}>
        <Typography variant="caption" color="textSecondary">
          On {rollout.targetVersion}
        </Typography>
        <RolloutProgressBar counts={rollout.counts} />
      </div>
      <StructuredMetadataTable
        metadata={metadata}
        options={{ titleFormat: (key: string) => key }}
      />
    </InfoCard>
  );
};
