import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  MaintenanceWindow,
  maintenanceWindowSchema,
} from '@palette-backstage/plugin-palette-common';
import { checkMaintenanceWindow } from './maintenanceWindows';

/** How rollouts run, from `palette.rollouts`. */
export interface RolloutSettings {
  /** How often the runner moves rollouts on (default 15 seconds). */
  tickInterval: HumanDuration;
  /** Default maintenance windows per environment name. */
  maintenanceWindows: Record<string, MaintenanceWindow>;
}

/**
 * Reads `palette.rollouts`; the backend does not start with a window it
 * cannot evaluate (a bad cron expression or time zone).
 */
export function readRolloutSettings(config: Config): RolloutSettings {
  const tickInterval = config.has('palette.rollouts.tickInterval')
    ? readDurationFromConfig(config, { key: 'palette.rollouts.tickInterval' })
    : { seconds: 15 };
  const windowsConfig = config.getOptionalConfig(
    'palette.rollouts.maintenanceWindows',
  );
  const maintenanceWindows: Record<string, MaintenanceWindow> = {};
  for (const environment of windowsConfig?.keys() ?? []) {
    const key = `palette.rollouts.maintenanceWindows.${environment}`;
    const parsed = maintenanceWindowSchema.safeParse(
      windowsConfig!.getConfig(environment).get(),
    );
    if (!parsed.success) {
      throw new Error(
        `Invalid ${key}: ${parsed.error.issues
          .map(i => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
    }
    checkMaintenanceWindow(parsed.data, key);
    maintenanceWindows[environment] = parsed.data;
  }
  return { tickInterval, maintenanceWindows };
}
