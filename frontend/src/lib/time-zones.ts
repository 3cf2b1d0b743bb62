/** IANA time zones: the browser's, the list to choose from, and wall-clock times read in one. */

/** The browser's IANA time zone, or UTC when it names none. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows, with UTC and `include` (e.g. the browser's own) always present. */
export function timeZones(include: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // Older engines: the two that matter most.
  }
  return [...new Set(['UTC', include, ...zones])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

function zoneOffsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * A wall-clock time (`2026-12-01T02:00`, as a `datetime-local` input gives it) in `zone`, as an
 * RFC 3339 UTC instant; null when it is not a time.
 */
export function zonedToUtc(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    // Twice: the first guess may sit on the other side of a DST change.
    let utc = wall - zoneOffsetMs(wall, zone);
    utc = wall - zoneOffsetMs(utc, zone);
    return new Date(utc).toISOString();
  } catch {
    return null;
  }
}
