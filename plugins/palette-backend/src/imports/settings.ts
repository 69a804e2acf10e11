import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** How imported clusters are watched (`palette.imports`). */
export interface ImportSettings {
  /** How often every imported cluster is rediscovered. */
  checkIntervalMs: number;
  /** The deadline of one call to an imported cluster's API server. */
  callTimeoutMs: number;
  /** Imported clusters checked at once. */
  concurrency: number;
}

const durationOr = (
  config: Config | undefined,
  key: string,
  fallback: number,
) =>
  config?.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallback;

/** Reads `palette.imports`, with defaults. */
export function readImportSettings(config: Config): ImportSettings {
  const c = config.getOptionalConfig('palette.imports');
  const concurrency = c?.getOptionalNumber('concurrency') ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InputError(
      'Invalid configuration: palette.imports.concurrency must be a positive integer',
    );
  return {
    checkIntervalMs: durationOr(c, 'checkInterval', 60_000),
    callTimeoutMs: durationOr(c, 'callTimeout', 10_000),
    concurrency,
  };
}
