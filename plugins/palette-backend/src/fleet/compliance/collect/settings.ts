import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';

/** How scan reports are collected from workload clusters (`palette.compliance.collectScans`). */
export interface ScanCollectionSettings {
  enabled: boolean;
  frequency: HumanDuration;
  /** The workload-cluster namespace the scanners leave their reports in. */
  namespace: string;
  /** The label marking a report ConfigMap; its value names the tool. */
  label: string;
  /** Clusters read at once. */
  concurrency: number;
}

/** Off unless enabled: collecting reads every workload cluster with its admin kubeconfig. */
export const DEFAULT_SCAN_COLLECTION_SETTINGS: ScanCollectionSettings = {
  enabled: false,
  frequency: { hours: 1 },
  namespace: 'palette-scans',
  label: 'palette.io/scan-report',
  concurrency: 4,
};

const KEY = 'palette.compliance.collectScans';

/** Reads `palette.compliance.collectScans`, each key falling back to its default. */
export function readScanCollectionSettings(
  config: Config,
): ScanCollectionSettings {
  const d = DEFAULT_SCAN_COLLECTION_SETTINGS;
  const c = config.getOptionalConfig(KEY);
  if (!c) return d;
  const concurrency = c.getOptionalNumber('concurrency') ?? d.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InputError(
      `Invalid configuration: ${KEY}.concurrency must be a positive integer`,
    );
  return {
    enabled: c.getOptionalBoolean('enabled') ?? d.enabled,
    frequency: c.has('frequency')
      ? readDurationFromConfig(c, { key: 'frequency' })
      : d.frequency,
    namespace: c.getOptionalString('namespace') ?? d.namespace,
    label: c.getOptionalString('label') ?? d.label,
    concurrency,
  };
}
