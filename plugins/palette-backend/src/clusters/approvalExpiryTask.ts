import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterService } from './ClusterService';

/**
 * The scheduled task that ends pending requests whose approval expired:
 * `scope: 'global'`, so that one instance decides each expiry.
 */
export function approvalExpiryTask(
  clusters: Pick<ClusterService, 'expireApprovals'>,
  logger: LoggerService,
) {
  return {
    id: 'palette-approval-expiry',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    scope: 'global' as const,
    fn: async () => {
      const expired = await clusters.expireApprovals();
      if (expired.length)
        logger.info(`Approvals expired: ${expired.join(', ')}`);
    },
  };
}
