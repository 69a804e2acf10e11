import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClusterCondition } from '@palette-backstage/plugin-palette-common';
import { SimpleTable } from '../../shared';
import { formatAge } from '../utils';

const ORDER: Record<ClusterCondition['status'], number> = {
  False: 0,
  Unknown: 1,
  True: 2,
};

/**
 * Conditions that call for attention first: `False`, then `Unknown`, then
 * `True`. (Negative-polarity conditions such as `Deleting` or `Paused` are
 * shown as reported.)
 */
export function sortConditions(conditions: ClusterCondition[]) {
  return [...conditions].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      a.source.localeCompare(b.source) ||
      a.type.localeCompare(b.type),
  );
}

const Status = ({ status }: { status: ClusterCondition['status'] }) => {
  if (status === 'True') return <StatusOK>True</StatusOK>;
  if (status === 'False') return <StatusError>False</StatusError>;
  return <StatusPending>Unknown</StatusPending>;
};

const useStyles = makeStyles(theme => ({
  empty: { padding: theme.spacing(2) },
}));

/**
 * The status conditions Cluster API reports (for imported clusters, those
 * discovery reads from their nodes), those that fail first.
 */
export const ConditionsCard = ({
  conditions,
  imported = false,
}: {
  conditions: ClusterCondition[];
  imported?: boolean;
}) => {
  const classes = useStyles();
  return (
    <InfoCard
      title="Conditions"
      subheader={
        imported
          ? "As discovery reads them from the cluster's nodes"
          : 'As Cluster API reports them on the management cluster'
      }
      noPadding
    >
      {conditions.length ? (
        <SimpleTable
          label="Conditions"
          rows={sortConditions(conditions)}
          rowKey={c => `${c.source}/${c.type}`}
          columns={[
            { title: 'Object', value: c => c.source },
            { title: 'Type', value: c => c.type },
            { title: 'Status', value: c => <Status status={c.status} /> },
            { title: 'Reason', value: c => c.reason ?? '—' },
            { title: 'Message', value: c => c.message ?? '' },
            {
              title: 'Changed',
              value: c =>
                c.lastTransitionTime ? formatAge(c.lastTransitionTime) : '—',
            },
          ]}
        />
      ) : (
        <Typography color="textSecondary" className={classes.empty}>
          {imported
            ? 'No conditions reported yet. They appear with the first discovery of the cluster.'
            : 'No conditions reported yet. They appear once Cluster API starts reconciling the cluster.'}
        </Typography>
      )}
    </InfoCard>
  );
};
