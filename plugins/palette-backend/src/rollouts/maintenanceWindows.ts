import { InputError } from '@backstage/errors';
import { MaintenanceWindow } from '@palette-backstage/plugin-palette-common';
import { CronTime } from 'cron';

const MINUTE_MS = 60_000;

function cronOf(window: MaintenanceWindow): { cron: CronTime; zone: string } {
  const zone = window.timeZone ?? 'UTC';
  return { cron: new CronTime(window.cron, zone), zone };
}

/** The first opening strictly after `from`. */
function openingAfter(window: MaintenanceWindow, from: Date): Date {
  const { cron, zone } = cronOf(window);
  // The zone is passed again: CronTime alone would compute in the host's zone.
  return cron.getNextDateFrom(from, zone).toJSDate();
}

/**
 * Throws a 400 naming the field when the cron expression or the time zone
 * cannot be evaluated (the zod schema only checks the expression's shape).
 */
export function checkMaintenanceWindow(
  window: MaintenanceWindow,
  field = 'window',
): void {
  try {
    openingAfter(window, new Date(0));
  } catch (error) {
    const problem = (error as Error).message;
    throw new InputError(
      /timezone/i.test(problem)
        ? `${field}.timeZone: "${window.timeZone}" is not an IANA time zone`
        : `${field}.cron: "${window.cron}" is not a valid cron expression (${problem})`,
    );
  }
}

/**
 * Whether the window is open at `now`: an opening happened less than
 * `durationMinutes` ago (openings at exactly `now` count; the end is
 * exclusive). Windows spanning midnight or DST changes need nothing
 * special: openings are computed in the window's zone, durations in real
 * time.
 */
export function isOpen(window: MaintenanceWindow, now: Date): boolean {
  const earliest = new Date(now.getTime() - window.durationMinutes * MINUTE_MS);
  return openingAfter(window, earliest).getTime() <= now.getTime();
}

/** The next time the window opens, strictly after `now`. */
export function nextOpening(window: MaintenanceWindow, now: Date): Date {
  return openingAfter(window, now);
}

/** A cluster's effective window: its own, else its environment's, else none (always open). */
export function effectiveWindow(
  own: MaintenanceWindow | undefined,
  byEnvironment: Readonly<Record<string, MaintenanceWindow>>,
  environment: string,
): MaintenanceWindow | undefined {
  return own ?? byEnvironment[environment];
}
