import { InputError } from '@backstage/errors';
import {
  checkMaintenanceWindow,
  effectiveWindow,
  isOpen,
  nextOpening,
} from './maintenanceWindows';

const at = (iso: string) => new Date(iso);

describe('maintenance windows', () => {
  const saturdayNight = { cron: '0 2 * * 6', durationMinutes: 120 };

  it('is open from each opening for its duration, end exclusive (UTC by default)', () => {
    // 2026-11-28 is a Saturday.
    expect(isOpen(saturdayNight, at('2026-11-28T01:59:59Z'))).toBe(false);
    expect(isOpen(saturdayNight, at('2026-11-28T02:00:00Z'))).toBe(true);
    expect(isOpen(saturdayNight, at('2026-11-28T03:59:59Z'))).toBe(true);
    expect(isOpen(saturdayNight, at('2026-11-28T04:00:00Z'))).toBe(false);
    expect(isOpen(saturdayNight, at('2026-11-29T02:30:00Z'))).toBe(false);
  });

  it('names the next opening strictly after now, also while open', () => {
    expect(nextOpening(saturdayNight, at('2026-11-24T10:00:00Z'))).toEqual(
      at('2026-11-28T02:00:00Z'),
    );
    // Already open: the next one is a week later.
    expect(nextOpening(saturdayNight, at('2026-11-28T02:30:00Z'))).toEqual(
      at('2026-12-05T02:00:00Z'),
    );
  });

  it('spans midnight', () => {
    const nightly = { cron: '0 23 * * *', durationMinutes: 180 };
    expect(isOpen(nightly, at('2026-11-24T22:59:00Z'))).toBe(false);
    expect(isOpen(nightly, at('2026-11-24T23:30:00Z'))).toBe(true);
    expect(isOpen(nightly, at('2026-11-25T01:59:00Z'))).toBe(true);
    expect(isOpen(nightly, at('2026-11-25T02:00:00Z'))).toBe(false);
  });

  it('reads the cron expression in the window time zone, across DST changes', () => {
    const berlin = {
      cron: '0 2 * * *',
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
    };
    // Winter (CET, UTC+1): 02:00 local is 01:00 UTC.
    expect(isOpen(berlin, at('2026-11-24T01:30:00Z'))).toBe(true);
    expect(isOpen(berlin, at('2026-11-24T02:30:00Z'))).toBe(false);
    // Summer (CEST, UTC+2): 02:00 local is 00:00 UTC.
    expect(isOpen(berlin, at('2026-07-01T00:30:00Z'))).toBe(true);
    expect(isOpen(berlin, at('2026-07-01T01:30:00Z'))).toBe(false);
    // 2026-03-29: clocks jump from 02:00 to 03:00, the window still opens once.
    const spring = nextOpening(berlin, at('2026-03-28T12:00:00Z'));
    expect(spring.getTime()).toBeGreaterThanOrEqual(
      at('2026-03-29T00:00:00Z').getTime(),
    );
    expect(spring.getTime()).toBeLessThanOrEqual(
      at('2026-03-29T01:00:00Z').getTime(),
    );
    // 2026-10-25: 02:00 happens twice; the window opens at the first one only.
    const autumn = nextOpening(berlin, at('2026-10-24T12:00:00Z'));
    expect(autumn).toEqual(at('2026-10-25T00:00:00Z'));
    expect(
      nextOpening(berlin, at('2026-10-25T00:00:00Z')).getTime(),
    ).toBeGreaterThan(at('2026-10-25T12:00:00Z').getTime());
    // The duration is real time: an hour after the first 02:00 it is closed.
    expect(isOpen(berlin, at('2026-10-25T00:59:00Z'))).toBe(true);
    expect(isOpen(berlin, at('2026-10-25T01:00:00Z'))).toBe(false);
  });

  it('works in zones behind UTC, where the local day differs', () => {
    const newYork = {
      cron: '0 22 * * 5',
      durationMinutes: 240,
      timeZone: 'America/New_York',
    };
    // Friday 2026-11-27 22:00 EST is Saturday 03:00 UTC.
    expect(isOpen(newYork, at('2026-11-28T03:00:00Z'))).toBe(true);
    expect(isOpen(newYork, at('2026-11-28T06:59:00Z'))).toBe(true);
    expect(isOpen(newYork, at('2026-11-28T07:00:00Z'))).toBe(false);
    expect(isOpen(newYork, at('2026-11-27T22:00:00Z'))).toBe(false);
  });

  it('refuses expressions and zones it cannot evaluate with a 400', () => {
    expect(() =>
      checkMaintenanceWindow({ cron: '0 2 * * funday', durationMinutes: 60 }),
    ).toThrow(InputError);
    expect(() =>
      checkMaintenanceWindow({
        cron: '0 2 * * 6',
        durationMinutes: 60,
        timeZone: 'Mars/Olympus',
      }),
    ).toThrow(/window.timeZone: "Mars\/Olympus" is not an IANA time zone/);
    expect(() => checkMaintenanceWindow(saturdayNight)).not.toThrow();
  });

  it("prefers the cluster's own window over its environment's", () => {
    const own = { cron: '0 1 * * *', durationMinutes: 60 };
    const envs = { production: saturdayNight };
    expect(effectiveWindow(own, envs, 'production')).toBe(own);
    expect(effectiveWindow(undefined, envs, 'production')).toBe(saturdayNight);
    expect(effectiveWindow(undefined, envs, 'dev')).toBeUndefined();
  });
});
