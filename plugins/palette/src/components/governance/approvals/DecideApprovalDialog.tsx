import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import TextField from '@material-ui/core/TextField';
import {
  approvalDecisionSchema,
  ClusterApproval,
  ClusterDetails,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { humanizeOwner } from '../../profiles/utils';
import { FormDialog, useBusyAction } from '../../shared';
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
  const { busy, failure, run } = useBusyAction();
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
    await run(
      async () => {
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
        return details;
      },
      details => onDecided(details, decision),
    );
  };

  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      titleId={`decide-approval-${cluster}-title`}
      title={approve ? `Approve ${cluster}?` : `Reject ${cluster}?`}
      formLabel={approve ? `Approve ${cluster}` : `Reject ${cluster}`}
      onSubmit={submit}
      failure={failure}
      progressLabel={approve ? 'Approving' : 'Rejecting'}
      actionLabel={approve ? 'Approve' : 'Reject'}
      actionColor={approve ? 'primary' : 'secondary'}
    >
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
    </FormDialog>
  );
};
