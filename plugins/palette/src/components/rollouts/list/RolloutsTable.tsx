import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ListRolloutsResponse } from '@palette-backstage/plugin-palette-common';
import { profileRouteRef, rolloutRouteRef } from '../../../routes';
import { formatAge } from '../../clusters/utils';
import { formatDateTime, humanizeOwner } from '../../profiles/utils';
import { SimpleTable } from '../../shared';
import { RolloutProgressBar, RolloutStatusChip } from '../RolloutChips';

const useStyles = makeStyles(theme => ({
  message: {
    color: theme.palette.text.secondary,
    maxWidth: 360,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
}));

type RolloutItem = ListRolloutsResponse['items'][number];

/** A page of rollouts: what moves where, how far it got, and who started it. */
export const RolloutsTable = ({ items }: { items: RolloutItem[] }) => {
  const classes = useStyles();
  const rolloutLink = useRouteRef(rolloutRouteRef);
  const profileLink = useRouteRef(profileRouteRef);
  return (
    <SimpleTable
      label="Rollouts"
      rows={items}
      rowKey={r => r.id}
      columns={[
        {
          title: 'Profile',
          value: r => (
            <Link to={profileLink({ name: r.profile })}>{r.profile}</Link>
          ),
        },
        {
          title: 'Target',
          value: r => (
            <Link to={rolloutLink({ id: r.id })}>
              {`${r.profile}@${r.targetVersion}`}
            </Link>
          ),
        },
        {
          title: 'Status',
          value: r => (
            <>
              <RolloutStatusChip status={r.status} />
              {r.message && (
                <Typography
                  variant="body2"
                  className={classes.message}
                  title={r.message}
                >
                  {r.message}
                </Typography>
              )}
            </>
          ),
        },
        {
          title: 'Progress',
          value: r => <RolloutProgressBar counts={r.counts} />,
        },
        { title: 'Created by', value: r => humanizeOwner(r.createdBy) },
        {
          title: 'Created',
          value: r => (
            <span title={formatDateTime(r.createdAt)}>
              {formatAge(r.createdAt)}
            </span>
          ),
        },
      ]}
    />
  );
};
