import type { MonitorKind, MonitorStatus } from '@/gql/graphql';
import { hasRole, type SessionRole } from '@/lib/session';

export { formatAgo, formatDateTime, formatSeconds } from '@/lib/format';
import { formatSeconds } from '@/lib/format';

export const KIND_LABELS: Readonly<Record<MonitorKind, string>> = {
  HTTP: 'HTTP',
  TCP: 'TCP',
  DNS: 'DNS',
  TLS: 'TLS certificate',
  HEARTBEAT: 'Heartbeat',
};

export const STATUS_LABELS: Readonly<Record<MonitorStatus, string>> = {
  UP: 'Up',
  DOWN: 'Down',
  DEGRADED: 'Degraded',
  PENDING: 'Pending',
  PAUSED: 'Paused',
};

/** Members and above may create and change monitors; viewers only read. */
export function canEditMonitors(role: SessionRole | undefined): boolean {
  return hasRole(role, 'MEMBER');
}

/** The check interval in words: "every 30 s", "every 5 min". */
export function formatInterval(seconds: number): string {
  return `every ${formatSeconds(seconds)}`;
}

/** A `DateTime` from the API (typed `any` by codegen) as a string, or null. */
export function timestamp(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Milliseconds since the epoch of a `DateTime`, or NaN. */
export function epochMs(value: unknown): number {
  return typeof value === 'string' ? new Date(value).getTime() : Number.NaN;
}
