import {
  describeWindow,
  formatDuration,
  toMaintenanceWindow,
  validateWindowForm,
} from './maintenanceWindow';

describe('maintenance windows', () => {
  it.each([
    [
      { cron: '0 2 * * 6', durationMinutes: 240 },
      'Saturdays at 02:00 UTC, for 4 h',
    ],
    [
      { cron: '30 22 * * 1-5', durationMinutes: 90, timeZone: 'Europe/Paris' },
      'Monday to Friday at 22:30 Europe/Paris, for 1 h 30 min',
    ],
    [
      { cron: '0 3 * * *', durationMinutes: 60 },
      'Every day at 03:00 UTC, for 1 h',
    ],
    [
      { cron: '0 1 * * 0,7', durationMinutes: 2880 },
      'Sundays at 01:00 UTC, for 2 days',
    ],
    [
      { cron: '*/15 2 1 * *', durationMinutes: 30 },
      'cron "*/15 2 1 * *" (UTC), for 30 min',
    ],
  ])('describes %p as %p', (window, text) => {
    expect(describeWindow(window)).toBe(text);
  });

  it('formats durations', () => {
    expect(formatDuration(15)).toBe('15 min');
    expect(formatDuration(1500)).toBe('1 day 1 h');
  });

  it('checks the form as the contract does, in plain words', () => {
    expect(
      validateWindowForm({
        cron: '0 2 * *',
        durationMinutes: 'x',
        timeZone: '',
      })
        .map(m => m.field)
        .sort(),
    ).toEqual(['cron', 'durationMinutes']);
    expect(
      validateWindowForm({
        cron: '0 2 * * 6',
        durationMinutes: '10',
        timeZone: '',
      }),
    ).toEqual([expect.objectContaining({ field: 'durationMinutes' })]);
    expect(
      validateWindowForm({
        cron: ' 0  2 * * 6 ',
        durationMinutes: '240',
        timeZone: 'UTC',
      }),
    ).toEqual([]);
    expect(
      toMaintenanceWindow({
        cron: ' 0  2 * * 6 ',
        durationMinutes: '240',
        timeZone: '',
      }),
    ).toEqual({ cron: '0 2 * * 6', durationMinutes: 240 });
  });
});
