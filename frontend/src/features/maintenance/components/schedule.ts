/** Time zones, wall-clock conversion and schedules in words, for maintenance windows. */

export const WEEKDAYS = [
  { value: 'MONDAY', number: 1, label: 'Monday', short: 'Mon' },
  { value: 'TUESDAY', number: 2, label: 'Tuesday', short: 'Tue' },
  { value: 'WEDNESDAY', number: 3, label: 'Wednesday', short: 'Wed' },
  { value: 'THURSDAY', number: 4, label: 'Thursday', short: 'Thu' },
  { value: 'FRIDAY', number: 5, label: 'Friday', short: 'Fri' },
  { value: 'SATURDAY', number: 6, label: 'Saturday', short: 'Sat' },
  { value: 'SUNDAY', number: 0, label: 'Sunday', short: 'Sun' },
] as const;

export type WeekdayValue = (typeof WEEKDAYS)[number]['value'];

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

/** `datetime-local` value of a moment in the browser's zone (for defaults). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "45 min", "2 h", "1 h 30 min", "1 d 2 h". */
export function formatMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  return [days ? `${days} d` : '', hours ? `${hours} h` : '', minutes || total === 0 ? `${minutes} min` : ''].filter(Boolean).join(' ');
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The days of a cron day-of-week field ("1,3", "1-5", "*") as weekday numbers (0 = Sunday), or null. */
function cronDays(field: string): number[] | null {
  if (field === '*') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from > 7 || to > 7 || to < from) return null;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function daysInWords(days: number[]): string {
  const key = days.join(',');
  if (key === '0,1,2,3,4,5,6') return 'Every day';
  if (key === '1,2,3,4,5') return 'Every weekday';
  if (key === '0,6') return 'Every weekend day';
  const ordered = WEEKDAYS.filter((w) => days.includes(w.number)).map((w) => w.label);
  return `Every ${listInWords(ordered)}`;
}

export interface ScheduleLike {
  startsAt?: unknown;
  endsAt?: unknown;
  cron?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  timeZone: string;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment in the user's locale and zone. */
export function formatMoment(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE_TIME.format(date);
}

/**
 * A window's schedule in words: "Once, 1 Dec 2026, 02:00 – 1 Dec 2026, 04:00",
 * "Every Monday and Thursday at 02:00 for 2 h (Europe/Berlin)", or the cron expression when it
 * says more than a weekly time ("Cron 0 *\/6 * * * for 15 min (UTC)").
 */
export function scheduleInWords(w: ScheduleLike): string {
  if (!w.cron) return `Once, ${formatMoment(w.startsAt)} – ${formatMoment(w.endsAt)}`;
  const duration = formatMinutes(w.durationMinutes ?? 0);
  const fields = w.cron.trim().split(/\s+/);
  if (fields.length === 5) {
    const [minute = '', hour = '', dayOfMonth, month, dayOfWeek = ''] = fields;
    const days = dayOfMonth === '*' && month === '*' ? cronDays(dayOfWeek) : null;
    if (days && days.length > 0 && /^\d{1,2}$/.test(minute) && /^\d{1,2}$/.test(hour)) {
      const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
      return `${daysInWords(days)} at ${time} for ${duration} (${w.timeZone})`;
    }
  }
  return `Cron ${w.cron} for ${duration} (${w.timeZone})`;
}
