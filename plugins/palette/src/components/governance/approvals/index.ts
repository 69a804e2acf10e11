export { ApprovalsPage, APPROVALS_POLL_MS } from './ApprovalsPage';
export { ApprovalBanner } from './ApprovalBanner';
export {
  ApprovalActions,
  OWN_REQUEST_NOTE,
  whyCannotDecide,
} from './ApprovalActions';
export {
  DecideApprovalDialog,
  commentProblem,
  type Decision,
} from './DecideApprovalDialog';
export { ApprovalStateChip } from './ApprovalStateChip';
