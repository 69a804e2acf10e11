import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { formatDateTime, humanizeOwner } from '../../profiles/utils';
import { formatMonthlyCost, shortRef } from '../format';
import { ApprovalActions } from './ApprovalActions';
import { Decision } from './DecideApprovalDialog';

const useStyles = makeStyles(theme => ({
  banner: { marginTop: theme.spacing(1.5) },
  actions: { marginTop: theme.spacing(1) },
}));

/**
 * Where a cluster's approval stands: who must decide by when (with Approve
 * and Reject for those who may), or how it was decided and why (an
 * approval only until the cluster is provisioned).
 */
export const ApprovalBanner = ({
  cluster,
  onDecided,
}: {
  cluster: ClusterDetails;
  onDecided: (cluster: ClusterDetails, decision: Decision) => void;
}) => {
  const classes = useStyles();
  const { approval } = cluster;
  if (!approval) return null;
  const group = humanizeOwner(approval.approverGroup);
  const decidedBy = shortRef(approval.decidedBy ?? 'an approver');
  const decidedAt = approval.decidedAt
    ? ` on ${formatDateTime(approval.decidedAt)}`
    : '';
  const comment = approval.comment && (
    <Typography variant="body2">“{approval.comment}”</Typography>
  );

  switch (approval.state) {
    case 'Pending':
      return (
        <Alert severity="warning" className={classes.banner}>
          <AlertTitle>Waiting for approval by {group}</AlertTitle>
          {shortRef(approval.requestedBy)} requested this cluster on{' '}
          {formatDateTime(approval.requestedAt)} (about{' '}
          {formatMonthlyCost(approval.summary.estimatedMonthlyCost)}). A member
          of {group} must approve it by {formatDateTime(approval.expiresAt)};
          nothing is created until then, and the request expires if nobody
          decides.
          <div className={classes.actions}>
            <ApprovalActions approval={approval} onDecided={onDecided} />
          </div>
        </Alert>
      );
    case 'Rejected':
      return (
        <Alert severity="error" className={classes.banner}>
          <AlertTitle>
            Rejected by {decidedBy}
            {decidedAt}
          </AlertTitle>
          {comment}
          Nothing was created; the name is free for a new request.
        </Alert>
      );
    case 'Expired':
      return (
        <Alert severity="info" className={classes.banner}>
          <AlertTitle>The approval expired</AlertTitle>
          Nobody in {group} decided by {formatDateTime(approval.expiresAt)}.
          Nothing was created; request the cluster again if it is still needed.
        </Alert>
      );
    default:
      // Once provisioned, the approval is history (the timeline keeps it).
      if (cluster.phase !== 'Requested' && cluster.phase !== 'Provisioning')
        return null;
      return (
        <Alert severity="success" className={classes.banner}>
          <AlertTitle>
            Approved by {decidedBy}
            {decidedAt}
          </AlertTitle>
          {comment}
        </Alert>
      );
  }
};
