import { z } from 'zod';
import { ProfileRef } from '../clusters/request';

/** Where an approval stands. @public */
export const approvalStateSchema = z.enum([
  'Pending',
  'Approved',
  'Rejected',
  'Expired',
]);
/** @public */
export type ApprovalState = z.infer<typeof approvalStateSchema>;

/** A cluster request that needs (or needed) an approval. @public */
export interface ClusterApproval {
  cluster: string;
  state: ApprovalState;
  requestedBy: string;
  requestedAt: string;
  approverGroup: string;
  expiresAt: string;
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
  /** What was asked, for the approver. */
  summary: {
    owner: string;
    project: string;
    environment: string;
    profile: ProfileRef;
    addOnProfiles: ProfileRef[];
    cloudAccount: string;
    region: string;
    nodes: number;
    estimatedMonthlyCost: number;
  };
}

/** `POST /clusters/:name/approval` body. @public */
export const approvalDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(2000).optional(),
});
/** @public */
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** `GET /approvals` query. @public */
export const listApprovalsQuerySchema = z.object({
  state: approvalStateSchema.optional(),
  /** Only those the caller may decide. */
  mine: z
    .enum(['true', 'false'])
    .transform(v => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
