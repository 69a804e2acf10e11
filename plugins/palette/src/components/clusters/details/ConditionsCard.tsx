import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClusterCondition } from '@palette-backstage/plugin-palette-common';
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

/** The status conditions Cluster API reports, those that fail first. */
export const ConditionsCard = ({
  conditions,
}: {
  conditions: ClusterCondition[];
}) => {
  const classes = useStyles();
  return (
    <InfoCard
      title="Conditions"
      subheader="As Cluster API reports them on the management cluster"
      noPadding
    >
      {conditions.length ? (
        <Table size="small" aria-label="Conditions">
          <TableHead>
            <TableRow>
              <TableCell>Object</TableCell>
              <TableCell>Type</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Message</TableCell>
              <TableCell>Changed</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sortConditions(conditions).map(c => (
              <TableRow key={`${c.source}/${c.type}`}>
                <TableCell>{c.source}</TableCell>
                <TableCell>{c.type}</TableCell>
                <TableCell>
                  <Status status={c.status} />
                </TableCell>
                <TableCell>{c.reason ?? '—'}</TableCell>
                <TableCell>{c.message ?? ''}</TableCell>
                <TableCell>
                  {c.lastTransitionTime ? formatAge(c.lastTransitionTime) : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography color="textSecondary" className={classes.empty}>
          No conditions reported yet. They appear once Cluster API starts
          reconciling the cluster.
        </Typography>
      )}
    </InfoCard>
  );
};
