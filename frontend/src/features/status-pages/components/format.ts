import type { PublicComponentStatus, PublicPageStatus } from '@/gql/graphql';

export type Tone = 'good' | 'minor' | 'major' | 'maintenance' | 'none';

export const PAGE_STATUS: Readonly<Record<PublicPageStatus, { label: string; tone: Tone }>> = {
  OPERATIONAL: { label: 'All systems operational', tone: 'good' },
  DEGRADED: { label: 'Degraded performance', tone: 'minor' },
  PARTIAL_OUTAGE: { label: 'Partial outage', tone: 'major' },
  MAJOR_OUTAGE: { label: 'Major outage', tone: 'major' },
  MAINTENANCE: { label: 'Under maintenance', tone: 'maintenance' },
};

export const COMPONENT_STATUS: Readonly<Record<PublicComponentStatus, { label: string; tone: Tone }>> = {
  OPERATIONAL: { label: 'Operational', tone: 'good' },
  DEGRADED: { label: 'Degraded', tone: 'minor' },
  PARTIAL_OUTAGE: { label: 'Partial outage', tone: 'major' },
  OUTAGE: { label: 'Outage', tone: 'major' },
  MAINTENANCE: { label: 'Maintenance', tone: 'maintenance' },
  UNKNOWN: { label: 'No data', tone: 'none' },
};

/**
 * A day's bar colour: grey without checks; green with no outage and (rounded) full uptime;
 * amber for a blip (down less than about a quarter of an hour, ≥ 99 %); red below 99 %.
 */
export function dayTone(day: { uptimePercent?: number | null; outages: number; downtimeSeconds: number }): Tone {
  const percent = day.uptimePercent;
  if (percent === null || percent === undefined) return 'none';
  if (day.outages === 0 && day.downtimeSeconds === 0 && percent >= 99.99) return 'good';
  if (percent >= 99) return 'minor';
  return 'major';
}

/** Uptime with two decimals, truncated so that 99.999 % never reads 100.00 %; a dash without data. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '—';
  return `${(Math.floor(percent * 100) / 100).toFixed(2)} %`;
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar day (`2026-11-03`, a UTC day) as "Tue, Nov 3, 2026". */
export function formatDay(date: unknown): string {
  const value = String(date);
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? value : DAY_FORMAT.format(parsed);
}

/** A moment in the visitor's locale and time zone, e.g. "Nov 3, 2026, 14:05". */
export function formatMoment(value: unknown): string {
  if (typeof value !== 'string') return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Seconds between two timestamps (the second defaults to now). */
export function secondsBetween(from: unknown, to: unknown, now: number = Date.now()): number {
  const start = typeof from === 'string' ? Date.parse(from) : NaN;
  const end = typeof to === 'string' ? Date.parse(to) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return 0;
  return Math.max(0, (end - start) / 1000);
}

/** What a day's bar says: date, uptime, downtime and outages. */
export function dayDetails(day: { date: unknown; uptimePercent?: number | null; downtimeSeconds: number; outages: number }) {
  const date = formatDay(day.date);
  if (day.uptimePercent === null || day.uptimePercent === undefined) {
    return { date, uptime: 'No data', downtime: null, outages: null, label: `${date}: no data` };
  }
  const uptime = `${formatPercent(day.uptimePercent)} uptime`;
  const downtime = day.downtimeSeconds > 0 ? `${formatDuration(day.downtimeSeconds)} down` : 'No downtime';
  const outages = day.outages === 0 ? 'No outages' : day.outages === 1 ? '1 outage' : `${day.outages} outages`;
  return { date, uptime, downtime, outages, label: `${date}: ${uptime}, ${downtime.toLowerCase()}, ${outages.toLowerCase()}` };
}

/** Components by group, keeping page order: ungrouped ones first, then groups in order of first appearance. */
export function groupComponents<T extends { group: string }>(components: readonly T[]): { group: string; components: T[] }[] {
  const groups = new Map<string, T[]>();
  groups.set('', []);
  for (const component of components) {
    const list = groups.get(component.group) ?? [];
    list.push(component);
    groups.set(component.group, list);
  }
  return Array.from(groups, ([group, list]) => ({ group, components: list })).filter((g) => g.components.length > 0);
}
