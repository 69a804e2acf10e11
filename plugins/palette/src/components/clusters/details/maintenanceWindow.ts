import {
  MaintenanceWindow,
  maintenanceWindowSchema,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { addSchemaIssues, formError } from '../utils';

const DAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** `0`–`7` (both 0 and 7 are Sunday), lists and ranges: day names; else nothing. */
function daysOf(field: string): string | undefined {
  if (field === '*') return 'every day';
  const names: string[] = [];
  for (const part of field.split(',')) {
    const range = /^([0-7])(?:-([0-7]))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return undefined;
    if (to === from) names.push(`${DAYS[from % 7]}s`);
    else names.push(`${DAYS[from % 7]} to ${DAYS[to % 7]}`);
  }
  return [...new Set(names)].join(', ');
}

/** `4 h`, `90 min` → `1 h 30 min`, `2 days`. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} h`);
  if (rest) parts.push(`${rest} min`);
  return parts.join(' ') || '0 min';
}

/**
 * A window in words for the common shape `M H * * D` (`Saturdays at 02:00
 * UTC, for 4 h`); other expressions are shown as they are. cronstrue would
 * cover every shape but is not a dependency of this plugin.
 */
export function describeWindow(window: MaintenanceWindow): string {
  const zone = window.timeZone ?? 'UTC';
  const duration = `for ${formatDuration(window.durationMinutes)}`;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = window.cron
    .trim()
    .split(/\s+/);
  const days = daysOf(dayOfWeek ?? '');
  if (
    /^\d{1,2}$/.test(minute ?? '') &&
    /^\d{1,2}$/.test(hour ?? '') &&
    Number(minute) < 60 &&
    Number(hour) < 24 &&
    dayOfMonth === '*' &&
    month === '*' &&
    days
  ) {
    const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
    const when = days === 'every day' ? 'Every day' : days;
    return `${when} at ${time} ${zone}, ${duration}`;
  }
  return `cron "${window.cron}" (${zone}), ${duration}`;
}

/** The window dialog's inputs, as text. */
export interface WindowForm {
  cron: string;
  durationMinutes: string;
  timeZone: string;
}

export const toWindowForm = (
  window?: MaintenanceWindow | null,
): WindowForm => ({
  cron: window?.cron ?? '0 2 * * 6',
  durationMinutes: String(window?.durationMinutes ?? 240),
  timeZone: window?.timeZone ?? '',
});

/** What the API takes for the form (the duration NaN when not a number). */
export function toMaintenanceWindow(form: WindowForm): MaintenanceWindow {
  const window: MaintenanceWindow = {
    cron: form.cron.trim().replace(/\s+/g, ' '),
    durationMinutes: /^\s*\d+\s*$/.test(form.durationMinutes)
      ? Number(form.durationMinutes)
      : Number.NaN,
  };
  if (form.timeZone.trim()) window.timeZone = form.timeZone.trim();
  return window;
}

/** What is wrong with the form, by `maintenanceWindowSchema`. */
export function validateWindowForm(form: WindowForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!/^\s*\d+\s*$/.test(form.durationMinutes))
    messages.push(
      formError('durationMinutes', 'must be a whole number of minutes'),
    );
  const parsed = maintenanceWindowSchema.safeParse(toMaintenanceWindow(form));
  if (!parsed.success) addSchemaIssues(messages, parsed.error.issues);
  return messages;
}
