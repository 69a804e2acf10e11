import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  ClusterApproval,
  ClusterDetails,
} from '@palette-backstage/plugin-palette-common';
import { clusterRouteRef } from '../../../routes';
import { profileRefText, formatAge } from '../../clusters/utils';
import { formatDateTime, humanizeOwner } from '../../profiles/utils';
import { SimpleColumn, SimpleTable } from '../../shared';
import { formatMonthlyCost, shortRef } from '../format';
import { ApprovalActions } from './ApprovalActions';
import { Decision } from './DecideApprovalDialog';
import { ApprovalStateChip } from './ApprovalStateChip';

/** When it expires, or who decided it, when and why. */
const Outcome = ({ approval }: { approval: ClusterApproval }) => {
  if (approval.state === 'Pending')
    return (
      <Typography variant="body2">
        Expires {formatDateTime(approval.expiresAt)}
      </Typography>
    );
  if (approval.state === 'Expired')
    return (
      <Typography variant="body2">
        Expired {formatDateTime(approval.expiresAt)}
      </Typography>
    );
  return (
    <>
      <Typography variant="body2">
        {approval.state} by {shortRef(approval.decidedBy ?? 'unknown')}
        {approval.decidedAt ? `, ${formatDateTime(approval.decidedAt)}` : ''}
      </Typography>
      {approval.comment && (
        <Typography variant="body2" color="textSecondary">
          “{approval.comment}”
        </Typography>
      )}
    </>
  );
};

/**
 * Cluster requests with what was asked (team, project, environment,
 * profile, placement, nodes, estimated cost), when they expire or how they
 * were decided, and the decision buttons for those the user may decide.
 */
export const ApprovalsTable = ({
  label,
  items,
  showState,
  onDecided,
}: {
  label: string;
  items: ClusterApproval[];
  /** Adds the state column, for lists of more than pending requests. */
  showState?: boolean;
  onDecided: (cluster: ClusterDetails, decision: Decision) => void;
}) => {
  const clusterLink = useRouteRef(clusterRouteRef);
  const columns: SimpleColumn<ClusterApproval>[] = [
    {
      title: 'Cluster',
      value: a => (
        <Link to={clusterLink({ name: a.cluster })}>{a.cluster}</Link>
      ),
    },
    ...(showState
      ? [
          {
            title: 'State',
            value: (a: ClusterApproval) => (
              <ApprovalStateChip state={a.state} />
            ),
          },
        ]
      : []),
    {
      title: 'Requested by',
      value: a => (
        <>
          <Typography variant="body2">{shortRef(a.requestedBy)}</Typography>
          <Typography variant="caption" color="textSecondary">
            {formatAge(a.requestedAt)}
          </Typography>
        </>
      ),
    },
    { title: 'Team', value: a => humanizeOwner(a.summary.owner) },
    { title: 'Project', value: a => shortRef(a.summary.project) },
    { title: 'Environment', value: a => a.summary.environment },
    {
      title: 'Profile',
      value: a => (
        <>
          <Typography variant="body2">
            {profileRefText(a.summary.profile)}
          </Typography>
          {a.summary.addOnProfiles.length > 0 && (
            <Typography variant="caption" color="textSecondary">
              + {a.summary.addOnProfiles.map(profileRefText).join(', ')}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Region',
      value: a => (
        <>
          <Typography variant="body2">{a.summary.region}</Typography>
          <Typography variant="caption" color="textSecondary">
            {a.summary.cloudAccount}
          </Typography>
        </>
      ),
    },
    { title: 'Nodes', value: a => a.summary.nodes },
    {
      title: 'Est. monthly cost',
      value: a => formatMonthlyCost(a.summary.estimatedMonthlyCost),
    },
    {
      title: 'Approver group',
      value: a => humanizeOwner(a.approverGroup),
    },
    { title: 'Expiry or decision', value: a => <Outcome approval={a} /> },
    {
      title: 'Actions',
      value: a => <ApprovalActions approval={a} onDecided={onDecided} />,
    },
  ];
  return (
    <SimpleTable
      label={label}
      columns={columns}
      rows={items}
      rowKey={a => `${a.cluster}-${a.requestedAt}`}
    />
  );
};
