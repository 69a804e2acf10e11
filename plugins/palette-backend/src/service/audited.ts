import { AuditorService } from '@backstage/backend-plugin-api';
import { Request } from 'express';

/**
 * Runs a mutation inside an auditor event, so that the Backstage audit
 * stream records its outcome (the store also writes Palette's own audit
 * table in the mutation's transaction).
 */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  eventId: string,
  meta: Record<string, string>,
  fn: () => Promise<T>,
  severityLevel?: 'low' | 'medium' | 'high' | 'critical',
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    request: req,
    meta,
    ...(severityLevel ? { severityLevel } : {}),
  });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
