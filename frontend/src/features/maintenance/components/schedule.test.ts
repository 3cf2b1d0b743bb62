import { describe, expect, it } from 'vitest';
import { formatMinutes, scheduleInWords, timeZones, zonedToUtc } from './schedule';

describe('zonedToUtc', () => {
  it('reads a wall-clock time in a zone, daylight saving included', () => {
    expect(zonedToUtc('2026-12-01T02:00', 'UTC')).toBe('2026-12-01T02:00:00.000Z');
    expect(zonedToUtc('2026-12-01T02:00', 'Europe/Berlin')).toBe('2026-12-01T01:00:00.000Z');
    expect(zonedToUtc('2026-07-01T02:00', 'Europe/Berlin')).toBe('2026-07-01T00:00:00.000Z');
    expect(zonedToUtc('2026-07-01T20:30', 'America/New_York')).toBe('2026-07-02T00:30:00.000Z');
    expect(zonedToUtc('not a time', 'UTC')).toBeNull();
  });
});

describe('scheduleInWords', () => {
  it('names weekly schedules by their days and time', () => {
    expect(scheduleInWords({ cron: '0 2 * * 1,4', durationMinutes: 120, timeZone: 'Europe/Berlin' })).toBe(
      'Every Monday and Thursday at 02:00 for 2 h (Europe/Berlin)',
    );
    expect(scheduleInWords({ cron: '30 3 * * 0,2,6', durationMinutes: 90, timeZone: 'UTC' })).toBe(
      'Every Tuesday, Saturday and Sunday at 03:30 for 1 h 30 min (UTC)',
    );
    expect(scheduleInWords({ cron: '0 3 * * 1-5', durationMinutes: 30, timeZone: 'UTC' })).toBe('Every weekday at 03:00 for 30 min (UTC)');
    expect(scheduleInWords({ cron: '15 4 * * *', durationMinutes: 1440, timeZone: 'UTC' })).toBe('Every day at 04:15 for 1 d (UTC)');
  });

  it('shows other cron expressions as they are', () => {
    expect(scheduleInWords({ cron: '0 */6 * * *', durationMinutes: 15, timeZone: 'UTC' })).toBe('Cron 0 */6 * * * for 15 min (UTC)');
    expect(scheduleInWords({ cron: '0 2 1 * *', durationMinutes: 60, timeZone: 'UTC' })).toBe('Cron 0 2 1 * * for 1 h (UTC)');
  });

  it('shows a one-off window’s start and end', () => {
    expect(scheduleInWords({ startsAt: '2026-12-01T02:00:00Z', endsAt: '2026-12-01T04:00:00Z', timeZone: 'UTC' })).toMatch(/^Once, .+ – .+$/);
  });
});

describe('formatMinutes and timeZones', () => {
  it('formats durations and lists UTC first with the browser’s zone', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(1500)).toBe('1 d 1 h');
    const zones = timeZones('Mars/Base');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Mars/Base');
    expect(zones).toContain('Europe/Berlin');
  });
});
