import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import {
  ClusterApproval,
  ClusterDetails,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import {
  sameEntityRef,
  SignedInUser,
  useCanApproveCluster,
  useSignedInUser,
} from '../../../hooks';
import { humanizeOwner } from '../../profiles/utils';
import { Decision, DecideApprovalDialog } from './DecideApprovalDialog';

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/** The requester may not decide on their own request. */
export const OWN_REQUEST_NOTE =
  'You requested this cluster; another approver must decide';

/**
 * Why the signed-in user may not decide a pending approval, or nothing
 * when they may: palette-backend's rules (the permission, membership of
 * the approver group, not the requester), so that buttons it would refuse
 * are not offered.
 */
export function whyCannotDecide(
  approval: ClusterApproval,
  canApprove: boolean,
  user?: SignedInUser,
): string | undefined {
  const group = humanizeOwner(approval.approverGroup);
  if (user && sameEntityRef(user.userEntityRef, approval.requestedBy))
    return OWN_REQUEST_NOTE;
  if (!canApprove) return `Waiting for a member of ${group} to decide`;
  if (
    user &&
    !user.ownershipEntityRefs.some(ref =>
      sameEntityRef(ref, approval.approverGroup),
    )
  )
    return `Only members of ${group} can decide`;
  return undefined;
}

/**
 * Approve and Reject for a pending request, for users who may decide it;
 * for others, why they may not. Nothing for decided requests.
 */
export const ApprovalActions = ({
  approval,
  onDecided,
}: {
  approval: ClusterApproval;
  onDecided: (cluster: ClusterDetails, decision: Decision) => void;
}) => {
  const classes = useStyles();
  const { loading, canApprove } = useCanApproveCluster(approval.cluster);
  const { loading: userLoading, user } = useSignedInUser();
  const [decision, setDecision] = useState<Decision>();
  if (approval.state !== 'Pending' || loading || userLoading) return null;
  const reason = whyCannotDecide(approval, canApprove, user);
  if (reason)
    return (
      <Typography variant="body2" color="textSecondary">
        {reason}
      </Typography>
    );
  return (
    <div className={classes.actions}>
      <Button
        size="small"
        variant="contained"
        color="primary"
        startIcon={<CheckIcon />}
        aria-label={`Approve ${approval.cluster}`}
        onClick={() => setDecision('approve')}
      >
        Approve
      </Button>
      <Button
        size="small"
        variant="outlined"
        color="secondary"
        startIcon={<CloseIcon />}
        aria-label={`Reject ${approval.cluster}`}
        onClick={() => setDecision('reject')}
      >
        Reject
      </Button>
      {decision && (
        <DecideApprovalDialog
          approval={approval}
          decision={decision}
          onClose={() => setDecision(undefined)}
          onDecided={(cluster, decided) => {
            setDecision(undefined);
            onDecided(cluster, decided);
          }}
        />
      )}
    </div>
  );
};
