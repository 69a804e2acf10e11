import { ConfigReader } from '@backstage/config';
import { readRolloutSettings } from './settings';

const read = (rollouts: object) =>
  readRolloutSettings(new ConfigReader({ palette: { rollouts } }));

describe('readRolloutSettings', () => {
  it('ticks every 15 seconds without windows by default', () => {
    expect(readRolloutSettings(new ConfigReader({}))).toEqual({
      tickInterval: { seconds: 15 },
      maintenanceWindows: {},
    });
  });

  it('reads the tick interval and the windows per environment', () => {
    expect(
      read({
        tickInterval: '1m',
        maintenanceWindows: {
          production: {
            cron: '0 2 * * 6',
            durationMinutes: 240,
            timeZone: 'Europe/Berlin',
          },
        },
      }),
    ).toEqual({
      tickInterval: { minutes: 1 },
      maintenanceWindows: {
        production: {
          cron: '0 2 * * 6',
          durationMinutes: 240,
          timeZone: 'Europe/Berlin',
        },
      },
    });
  });

  it('refuses to start with a window it cannot evaluate', () => {
    expect(() =>
      read({
        maintenanceWindows: {
          production: { cron: '0 2 * *', durationMinutes: 60 },
        },
      }),
    ).toThrow(/Invalid palette.rollouts.maintenanceWindows.production: cron/);
    expect(() =>
      read({
        maintenanceWindows: {
          production: { cron: '0 2 * * 6', durationMinutes: 5 },
        },
      }),
    ).toThrow(/durationMinutes/);
    expect(() =>
      read({
        maintenanceWindows: {
          production: {
            cron: '0 2 * * 6',
            durationMinutes: 60,
            timeZone: 'Nowhere/Town',
          },
        },
      }),
    ).toThrow(
      'palette.rollouts.maintenanceWindows.production.timeZone: "Nowhere/Town" is not an IANA time zone',
    );
  });
});
