import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ClusterPhase,
  ScanKind,
} from '@palette-backstage/plugin-palette-common';
import { createHash } from 'node:crypto';
import { DatabaseClusterStore } from '../../../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../../../clusters/types';
import { WorkQueue } from '../../../orchestration/WorkQueue';
import { ComplianceService } from '../ComplianceService';
import { CollectedReport } from '../DatabaseComplianceStore';
import { ScanCollectionSettings } from './settings';
import { readWorkloadReports, REPORT_KEY } from './workloadReports';

/** The report label's values the collector knows, and the scan each one is. */
export const SCAN_KIND_OF_TOOL: Readonly<Record<string, ScanKind>> = {
  'kube-bench': 'cis',
  sonobuoy: 'conformance',
  trivy: 'vulnerabilities',
  grype: 'vulnerabilities',
};

/** Who collected scans and their audit events name. */
export const SCAN_COLLECTOR_ACTOR = 'service:palette-scan-collector';

/** Phases in which a cluster's API server is expected to answer. */
const COLLECTED_PHASES: ClusterPhase[] = [
  'Running',
  'Updating',
  'Scaling',
  'Degraded',
];

const PAGE = 200;

/** What the collector reads from and records through. */
export interface ScanCollectorOptions {
  /** Reports are recorded as the scan upload route records them. */
  service: Pick<ComplianceService, 'recordScan' | 'store'>;
  clusters: Pick<DatabaseClusterStore, 'list'>;
  /** The workload cluster's admin kubeconfig; never logged or stored. */
  readKubeconfig(record: ClusterRecord): Promise<string | undefined>;
  settings: Pick<ScanCollectionSettings, 'namespace' | 'label' | 'concurrency'>;
  auditor: AuditorService;
  logger: LoggerService;
}

/** What one collection run did. */
export interface CollectionOutcome {
  /** Clusters whose reports were read. */
  clusters: number;
  recorded: number;
  unchanged: number;
  /** Reports that could not be recorded (unknown tool, not JSON, invalid). */
  rejected: number;
  /** Clusters that could not be read. */
  failed: number;
}

const sha256 = (content: string) =>
  createHash('sha256').update(content).digest('hex');

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/**
 * Collects the scan reports that scanners (kube-bench, Sonobuoy, Trivy,
 * Grype) leave as labelled ConfigMaps in the workload clusters, a few
 * clusters at a time. A report whose content is unchanged since it was
 * last collected is skipped, so an hourly run stores nothing new while
 * nothing is rescanned. A cluster that cannot be read is logged and the
 * others carry on.
 */
export class ScanCollector {
  constructor(private readonly options: ScanCollectorOptions) {}

  async collectAll(): Promise<CollectionOutcome> {
    const { clusters, settings, logger } = this.options;
    const outcome: CollectionOutcome = {
      clusters: 0,
      recorded: 0,
      unchanged: 0,
      rejected: 0,
      failed: 0,
    };
    const records = new Map<string, ClusterRecord>();
    const queue = new WorkQueue(
      async name => {
        await this.#collect(records.get(name)!, outcome);
        outcome.clusters += 1;
      },
      settings.concurrency,
      (name, error) => {
        outcome.failed += 1;
        logger.warn(
          `Scan reports of cluster ${name} were not collected: ${messageOf(
            error,
          )}`,
        );
      },
    );
    for (let offset = 0; ; offset += PAGE) {
      const page = await clusters.list({
        phase: COLLECTED_PHASES,
        limit: PAGE,
        offset,
      });
      for (const record of page.items) {
        records.set(record.name, record);
        queue.add(record.name);
      }
      if (page.items.length < PAGE) break;
    }
    await queue.idle();
    return outcome;
  }

  async #collect(record: ClusterRecord, outcome: CollectionOutcome) {
    const { service, settings, logger } = this.options;
    const kubeconfig = await this.options.readKubeconfig(record);
    if (!kubeconfig) throw new Error('its kubeconfig is not published (yet)');
    const reports = await readWorkloadReports(kubeconfig, settings);
    if (!reports.length) return;
    const collected = await service.store.collectedHashes(record.id);
    for (const report of reports) {
      const contentHash =
        report.content === undefined ? undefined : sha256(report.content);
      if (contentHash && collected.get(report.source) === contentHash) {
        outcome.unchanged += 1;
        continue;
      }
      try {
        await this.#record(record.name, report.tool, report.content, {
          source: report.source,
          contentHash: contentHash!,
        });
        outcome.recorded += 1;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        outcome.rejected += 1;
        logger.warn(
          `Scan report ${report.source} of cluster ${record.name} was not recorded: ${error.message}`,
        );
      }
    }
  }

  /** Records one report as the upload route does, under an audit event. */
  async #record(
    cluster: string,
    tool: string,
    content: string | undefined,
    collected: CollectedReport,
  ) {
    const kind = SCAN_KIND_OF_TOOL[tool];
    if (!kind)
      throw new InputError(
        `unknown tool "${tool}" (known: ${Object.keys(SCAN_KIND_OF_TOOL).join(
          ', ',
        )})`,
      );
    if (content === undefined)
      throw new InputError(`the ConfigMap has no ${REPORT_KEY}`);
    let body: unknown;
    try {
      body = JSON.parse(content);
    } catch {
      throw new InputError(`${REPORT_KEY} is not JSON`);
    }
    const event = await this.options.auditor.createEvent({
      eventId: 'cluster-scan',
      meta: {
        action: `cluster.scan.${kind}`,
        target: `cluster:${cluster}`,
        source: collected.source,
      },
    });
    try {
      await this.options.service.recordScan(
        cluster,
        kind,
        body,
        SCAN_COLLECTOR_ACTOR,
        collected,
      );
      await event.success();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }
}
