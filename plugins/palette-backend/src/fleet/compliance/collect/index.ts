import {
  AuditorService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DatabaseClusterStore } from '../../../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../../../clusters/types';
import { ComplianceService } from '../ComplianceService';
import { ScanCollector } from './ScanCollector';
import { readScanCollectionSettings } from './settings';

export { ScanCollector, SCAN_COLLECTOR_ACTOR } from './ScanCollector';
export type { CollectionOutcome } from './ScanCollector';
export {
  readScanCollectionSettings,
  DEFAULT_SCAN_COLLECTION_SETTINGS,
} from './settings';
export type { ScanCollectionSettings } from './settings';

/** What scan collection needs from the plugin. */
export interface ScanCollectionOptions {
  config: Config;
  service: ComplianceService;
  clusters: Pick<DatabaseClusterStore, 'list'>;
  readKubeconfig(record: ClusterRecord): Promise<string | undefined>;
  auditor: AuditorService;
  logger: LoggerService;
}

/**
 * The scheduled task that collects scan reports from the workload clusters
 * (`palette.compliance.collectScans`), or undefined while it is not
 * enabled: it reads every cluster with its admin kubeconfig, which an
 * operator opts into.
 */
export function scanCollectionTask(options: ScanCollectionOptions):
  | (Pick<SchedulerServiceTaskScheduleDefinition, 'frequency' | 'timeout'> & {
      id: string;
      fn: () => Promise<void>;
    })
  | undefined {
  const settings = readScanCollectionSettings(options.config);
  if (!settings.enabled) return undefined;
  const collector = new ScanCollector({ ...options, settings });
  return {
    id: 'palette-compliance-scan-collection',
    frequency: settings.frequency,
    timeout: { minutes: 30 },
    fn: async () => {
      const outcome = await collector.collectAll();
      options.logger.info(
        `Scan collection read ${outcome.clusters} cluster(s): ${outcome.recorded} new report(s), ${outcome.unchanged} unchanged, ${outcome.rejected} rejected, ${outcome.failed} cluster(s) failed`,
      );
    },
  };
}
