import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CloudAccount,
  cloudAccountSchema,
} from '@palette-backstage/plugin-palette-common';
import { durationToMilliseconds } from '@backstage/types';
import { z } from 'zod';

/** How clusters are orchestrated (`palette.clusters`). */
export interface ClusterSettings {
  /** The management-cluster namespace of the clusters' objects. */
  namespace: string;
  /** A cluster not available this long after it was applied is `Failed`. */
  provisioningTimeoutMs: number;
  /** An upgrade or scale not done this long after it was applied is `Failed`. */
  updateTimeoutMs: number;
  /** Force deletion is offered once deletion has been stuck this long. */
  forceDeleteAfterMs: number;
  /** How often the periodic reconciliation runs (retries, timeouts). */
  reconcileIntervalMs: number;
  /** How often each cluster's live objects are compared with its desired state. */
  driftCheckIntervalMs: number;
  /** How long one instance holds a cluster while reconciling it. */
  leaseMs: number;
}

const MINUTE = 60_000;

function durationOr(config: Config, key: string, fallbackMs: number): number {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallbackMs;
}

/** Reads `palette.clusters`, with defaults that suit real clouds. */
export function readClusterSettings(config: Config): ClusterSettings {
  const c = config.getOptionalConfig('palette.clusters');
  if (!c) {
    return {
      namespace: 'palette-clusters',
      provisioningTimeoutMs: 45 * MINUTE,
      updateTimeoutMs: 60 * MINUTE,
      forceDeleteAfterMs: 15 * MINUTE,
      reconcileIntervalMs: 30_000,
      driftCheckIntervalMs: 5 * MINUTE,
      leaseMs: 60_000,
    };
  }
  const namespace = c.getOptionalString('namespace') ?? 'palette-clusters';
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) {
    throw new InputError(
      'Invalid configuration: palette.clusters.namespace must be a namespace name',
    );
  }
  return {
    namespace,
    provisioningTimeoutMs: durationOr(c, 'provisioningTimeout', 45 * MINUTE),
    updateTimeoutMs: durationOr(c, 'updateTimeout', 60 * MINUTE),
    forceDeleteAfterMs: durationOr(c, 'forceDeleteAfter', 15 * MINUTE),
    reconcileIntervalMs: durationOr(c, 'reconcileInterval', 30_000),
    driftCheckIntervalMs: durationOr(c, 'driftCheckInterval', 5 * MINUTE),
    leaseMs: durationOr(c, 'lease', 60_000),
  };
}

/**
 * Reads `palette.cloudAccounts`. Without the key, one local account for the
 * Dev provider, so that a fresh clone can request clusters at once.
 */
export function readCloudAccounts(config: Config): CloudAccount[] {
  const raw = config.getOptional('palette.cloudAccounts');
  if (raw === undefined) {
    return [
      {
        name: 'local',
        displayName: 'Local (Dev provider)',
        cloudType: 'dev',
        settings: {},
        regions: ['local'],
      },
    ];
  }
  const parsed = z.array(cloudAccountSchema).safeParse(raw);
  if (!parsed.success) {
    throw new InputError(
      `Invalid configuration: ${parsed.error.issues
        .map(i => `palette.cloudAccounts.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const names = parsed.data.map(a => a.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    throw new InputError(
      `Invalid configuration: cloud account "${duplicate}" is configured twice`,
    );
  }
  return parsed.data;
}

/** How long a request waits for an approval (`palette.governance.approvalExpiry`, default 7 days). */
export function readApprovalExpiryMs(config: Config): number {
  return durationOr(
    config,
    'palette.governance.approvalExpiry',
    7 * 24 * 60 * MINUTE,
  );
}
