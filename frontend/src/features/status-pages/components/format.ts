import type { IncidentImpact, PublicComponentStatus, PublicPageStatus, StatusIncidentStatus } from '@/gql/graphql';

export type Tone = 'good' | 'minor' | 'partial' | 'major' | 'maintenance' | 'none';

export const PAGE_STATUS: Readonly<Record<PublicPageStatus, { label: string; tone: Tone }>> = {
  OPERATIONAL: { label: 'All systems operational', tone: 'good' },
  DEGRADED: { label: 'Degraded performance', tone: 'minor' },
  PARTIAL_OUTAGE: { label: 'Partial outage', tone: 'partial' },
  MAJOR_OUTAGE: { label: 'Major outage', tone: 'major' },
  MAINTENANCE: { label: 'Under maintenance', tone: 'maintenance' },
};

export const COMPONENT_STATUS: Readonly<Record<PublicComponentStatus, { label: string; tone: Tone }>> = {
  OPERATIONAL: { label: 'Operational', tone: 'good' },
  DEGRADED: { label: 'Degraded', tone: 'minor' },
  PARTIAL_OUTAGE: { label: 'Partial outage', tone: 'partial' },
  OUTAGE: { label: 'Outage', tone: 'major' },
  MAINTENANCE: { label: 'Maintenance', tone: 'maintenance' },
  UNKNOWN: { label: 'No data', tone: 'none' },
};

/** What an incident does to a component, worst last. */
export const IMPACT: Readonly<Record<IncidentImpact, { label: string; tone: Tone; rank: number }>> = {
  DEGRADED: { label: 'Degraded performance', tone: 'minor', rank: 1 },
  PARTIAL: { label: 'Partial outage', tone: 'partial', rank: 2 },
  MAJOR: { label: 'Major outage', tone: 'major', rank: 3 },
};

export const IMPACTS: readonly IncidentImpact[] = ['DEGRADED', 'PARTIAL', 'MAJOR'];

/** The worst of some impacts; null for none (an incident that names no component). */
export function worstImpact(impacts: readonly IncidentImpact[]): IncidentImpact | null {
  return impacts.reduce<IncidentImpact | null>((worst, impact) => (worst === null || IMPACT[impact].rank > IMPACT[worst].rank ? impact : worst), null);
}

/** Where an incident is: the words of its timeline. */
export const INCIDENT_STATUS: Readonly<Record<StatusIncidentStatus, { label: string; hint: string }>> = {
  INVESTIGATING: { label: 'Investigating', hint: 'Something is wrong; the cause is not known yet.' },
  IDENTIFIED: { label: 'Identified', hint: 'The cause is known and a fix is under way.' },
  MONITORING: { label: 'Monitoring', hint: 'A fix is out; watching that it holds.' },
  RESOLVED: { label: 'Resolved', hint: 'Over: the incident moves to the history.' },
};

export const INCIDENT_STATUSES: readonly StatusIncidentStatus[] = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];

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
export function dayDetails(day: { date: unknown; uptimePercent?: number | null; downtimeSeconds: number; outages: number; incidents?: readonly string[] }) {
  const date = formatDay(day.date);
  const incidents = day.incidents ?? [];
  const told = incidents.length === 0 ? '' : `; ${incidents.length === 1 ? 'incident' : 'incidents'}: ${incidents.join('; ')}`;
  if (day.uptimePercent === null || day.uptimePercent === undefined) {
    return { date, uptime: 'No data', downtime: null, outages: null, incidents, label: `${date}: no data${told}` };
  }
  const uptime = `${formatPercent(day.uptimePercent)} uptime`;
  const downtime = day.downtimeSeconds > 0 ? `${formatDuration(day.downtimeSeconds)} down` : 'No downtime';
  const outages = day.outages === 0 ? 'No outages' : day.outages === 1 ? '1 outage' : `${day.outages} outages`;
  return { date, uptime, downtime, outages, incidents, label: `${date}: ${uptime}, ${downtime.toLowerCase()}, ${outages.toLowerCase()}${told}` };
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
