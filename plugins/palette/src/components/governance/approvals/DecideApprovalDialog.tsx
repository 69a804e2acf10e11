import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  approvalDecisionSchema,
  ClusterApproval,
  ClusterDetails,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { errorMessage, humanizeOwner } from '../../profiles/utils';
import { DialogProgressActions } from '../../shared';
import { profileRefText } from '../../clusters/utils';
import { formatMonthlyCost, shortRef } from '../format';

/** An approver's answer to a request. */
export type Decision = 'approve' | 'reject';

/** What is wrong with a comment for a decision, if anything. */
export function commentProblem(
  decision: Decision,
  comment: string,
): string | undefined {
  if (decision === 'reject' && !comment.trim())
    return 'Say why, so the requester knows what to change';
  const parsed = approvalDecisionSchema.safeParse({
    decision,
    comment: comment.trim() || undefined,
  });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/**
 * Approves or rejects a pending cluster request, with a comment (required
 * to reject). Shows what was asked, progress while palette-backend decides,
 * and why it refused (then stays open). Hands the cluster it returns to
 * `onDecided`.
 */
export const DecideApprovalDialog = ({
  approval,
  decision,
  onClose,
  onDecided,
}: {
  approval: ClusterApproval;
  decision: Decision;
  onClose: () => void;
  onDecided: (cluster: ClusterDetails, decision: Decision) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { cluster, summary } = approval;
  const approve = decision === 'approve';
  const problem = commentProblem(decision, comment);
  const help = approve
    ? 'Optional: a note for the requester'
    : 'Why the request is rejected; the requester sees it';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const details = await paletteApi.decideApproval(cluster, {
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      alertApi.post({
        message: approve
          ? `Approved ${cluster}: Palette provisions it now`
          : `Rejected ${cluster}`,
        severity: 'success',
        display: 'transient',
      });
      setBusy(false);
      onDecided(details, decision);
    } catch (e) {
      setBusy(false);
      setFailure(errorMessage(e));
    }
  };

  const titleId = `decide-approval-${cluster}-title`;
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
    >
      <form
        onSubmit={submit}
        noValidate
        aria-label={approve ? `Approve ${cluster}` : `Reject ${cluster}`}
      >
        <DialogTitle id={titleId}>
          {approve ? `Approve ${cluster}?` : `Reject ${cluster}?`}
        </DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            {shortRef(approval.requestedBy)} asks for{' '}
            {profileRefText(summary.profile)} with {summary.nodes} nodes in{' '}
            {summary.region} ({summary.cloudAccount}) for{' '}
            {humanizeOwner(summary.owner)}, {shortRef(summary.project)} /{' '}
            {summary.environment}: about{' '}
            {formatMonthlyCost(summary.estimatedMonthlyCost)}.{' '}
            {approve
              ? 'Once approved, Palette provisions the cluster.'
              : 'Nothing is created, and the requester can ask again.'}
          </DialogContentText>
          <TextField
            id={`decide-approval-${cluster}-comment`}
            label="Comment"
            multiline
            minRows={3}
            required={!approve}
            value={comment}
            disabled={busy}
            onChange={e => setComment(e.target.value)}
            onBlur={() => setTouched(true)}
            error={touched && !!problem}
            helperText={(touched && problem) || help}
            fullWidth
            variant="outlined"
            margin="dense"
          />
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogProgressActions
          busy={busy}
          progressLabel={approve ? 'Approving' : 'Rejecting'}
          onCancel={onClose}
          actionLabel={approve ? 'Approve' : 'Reject'}
          actionColor={approve ? 'primary' : 'secondary'}
        />
      </form>
    </Dialog>
  );
};
