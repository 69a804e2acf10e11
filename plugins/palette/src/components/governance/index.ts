export { ApprovalsPage, ApprovalBanner } from './approvals';
export { AuditPage } from './audit';
export { GovernancePage } from './policies';
