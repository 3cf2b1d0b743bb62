/** Wall-clock inputs and schedules in words, for maintenance windows. */
import { cronInWords } from '@/lib/cron';

export { browserTimeZone, timeZones, zonedToUtc } from '@/lib/time-zones';

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
  const words = cronInWords(w.cron);
  return words ? `${words} for ${duration} (${w.timeZone})` : `Cron ${w.cron} for ${duration} (${w.timeZone})`;
}
