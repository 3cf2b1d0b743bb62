import { validators, type Validator } from '@/components/form';
import type { CreateMonitorInput, MonitorKind, UpdateMonitorInput } from '@/gql/graphql';
import type { MonitorSettings } from '../api/get-monitor-settings';

/** Every field of the monitor form by its server name, so `BAD_USER_INPUT` field errors land next to the right input. */
export type Field =
  | 'name'
  | 'http.url'
  | 'http.method'
  | 'http.expectedStatus'
  | 'tcp.host'
  | 'tcp.port'
  | 'dns.name'
  | 'dns.recordType'
  | 'dns.expected'
  | 'tls.host'
  | 'tls.port'
  | 'heartbeat.graceSeconds'
  | 'heartbeat.cron'
  | 'heartbeat.timeZone'
  | 'tags'
  | 'intervalSeconds'
  | 'failureThreshold'
  // Alerting. The two `…Seconds` fields hold minutes as typed; they are named after the API's
  // fields so its `BAD_USER_INPUT` errors land next to them.
  | 'failureMode'
  | 'failureWindowSeconds'
  | 'flapDetection'
  | 'flapThreshold'
  | 'flapWindowSeconds'
  // Milliseconds as typed; empty: off.
  | 'degradedResponseMs';

export const FIELDS: readonly Field[] = [
  'name',
  'http.url',
  'http.method',
  'http.expectedStatus',
  'tcp.host',
  'tcp.port',
  'dns.name',
  'dns.recordType',
  'dns.expected',
  'tls.host',
  'tls.port',
  'heartbeat.graceSeconds',
  'heartbeat.cron',
  'heartbeat.timeZone',
  'tags',
  'intervalSeconds',
  'failureThreshold',
  'failureMode',
  'failureWindowSeconds',
  'flapDetection',
  'flapThreshold',
  'flapWindowSeconds',
  'degradedResponseMs',
];

/** How failures count: `failureThreshold` in a row (with quick re-checks), or within a time window. */
export type FailureMode = 'consecutive' | 'window';

/** The server's defaults for the alerting settings (a new monitor sends only what differs). */
export const ALERTING_DEFAULTS = { failureWindowSeconds: 0, flapThreshold: 6, flapWindowSeconds: 3600, degradedResponseMs: 0 } as const;

/** The alerting settings as the API takes them. */
export interface AlertingSettings {
  failureWindowSeconds: number;
  flapThreshold: number;
  flapWindowSeconds: number;
  /** 0: off. */
  degradedResponseMs: number;
}

/** A heartbeat's schedule: a ping every interval, or at the times of a cron expression. */
export type HeartbeatMode = 'interval' | 'cron';

/** Every field as typed; `tags` holds the chips comma-joined. */
export type FieldValues = Record<Field, string>;

/** What the form holds: the kind, the heartbeat's schedule mode and every field as typed. */
export interface MonitorFormState {
  kind: MonitorKind;
  heartbeatMode: HeartbeatMode;
  values: FieldValues;
}

/** A new monitor's fields; a heartbeat's cron is read in the browser's zone unless changed. */
export function initialValues(timeZone: string): FieldValues {
  return { ...INITIAL_VALUES, 'heartbeat.timeZone': timeZone };
}

export const INITIAL_VALUES: FieldValues = {
  name: '',
  'http.url': '',
  'http.method': 'GET',
  'http.expectedStatus': '',
  'tcp.host': '',
  'tcp.port': '',
  'dns.name': '',
  'dns.recordType': 'A',
  'dns.expected': '',
  'tls.host': '',
  'tls.port': '443',
  'heartbeat.graceSeconds': '300',
  'heartbeat.cron': '',
  'heartbeat.timeZone': 'UTC',
  tags: '',
  intervalSeconds: '60',
  failureThreshold: '2',
  failureMode: 'consecutive',
  failureWindowSeconds: '10',
  flapDetection: 'on',
  flapThreshold: String(ALERTING_DEFAULTS.flapThreshold),
  flapWindowSeconds: String(ALERTING_DEFAULTS.flapWindowSeconds / 60),
  degradedResponseMs: '',
};

const HTTP_URL = /^https?:\/\/[^\s/]+/i;
const STATUS_PATTERN = /^(\d{3}(-\d{3})?|[1-5]xx)$/i;

const url: Validator = (value) => {
  if (value.trim() === '') return 'Enter the URL to check.';
  return HTTP_URL.test(value.trim()) ? undefined : 'Enter the URL to check, starting with http:// or https://.';
};
const port =
  (label: string): Validator =>
  (value) => {
    if (value.trim() === '') return `Enter ${label}.`;
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= 65_535 ? undefined : `${label.charAt(0).toUpperCase()}${label.slice(1)} must be a number from 1 to 65535.`;
  };
const expectedStatus: Validator = (value) => {
  const parts = splitList(value);
  return parts.every((p) => STATUS_PATTERN.test(p)) ? undefined : 'Expected status codes look like 200, 200-299 or 2xx, separated by commas.';
};
const MAX_GRACE_SECONDS = 604_800;
const graceSeconds: Validator = (value) => {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_GRACE_SECONDS
    ? undefined
    : 'Enter the grace period as a whole number of seconds, from 0 to 604,800 (a week).';
};
const cronExpression: Validator = (value) => {
  if (value.trim() === '') return 'Enter the cron expression of the job’s schedule.';
  return value.trim().split(/\s+/).length === 5 ? undefined : 'A cron expression has five fields: minute hour day-of-month month day-of-week.';
};

const wholeNumber =
  (message: string, min: number, max: number): Validator =>
  (value) => {
    const n = Number(value);
    return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? undefined : message;
  };
const failureWindowMinutes = wholeNumber('Enter the window as a whole number of minutes, from 1 to 1,440 (a day).', 1, 1440);
const flapThreshold = wholeNumber('Enter the number of changes as a whole number from 3 to 50.', 3, 50);
const flapWindowMinutes = wholeNumber('Enter the flap window as a whole number of minutes, from 5 to 1,440 (a day).', 5, 1440);
const slowResponse = wholeNumber('Enter the response time as a whole number of milliseconds, from 1 to 60,000, or leave it empty.', 1, 60_000);
const degradedResponseMs: Validator = (value) => (value.trim() === '' ? undefined : slowResponse(value));

/** The client-side checks of the alerting fields that are in use. */
export function alertingRules(values: Pick<FieldValues, 'failureMode' | 'flapDetection'>): Partial<Record<Field, Validator>> {
  const rules: Partial<Record<Field, Validator>> = { degradedResponseMs };
  if (values.failureMode === 'window') rules.failureWindowSeconds = failureWindowMinutes;
  if (values.flapDetection === 'on') {
    rules.flapThreshold = flapThreshold;
    rules.flapWindowSeconds = flapWindowMinutes;
  }
  return rules;
}

/** The alerting settings from the form: 0 turns the window (and flap detection) off. */
export function alertingOf(v: FieldValues): AlertingSettings {
  const flap = v.flapDetection === 'on';
  return {
    failureWindowSeconds: v.failureMode === 'window' ? Number(v.failureWindowSeconds) * 60 : 0,
    flapThreshold: flap ? Number(v.flapThreshold) : 0,
    // Off keeps the window the server has (it must stay 300..86400).
    flapWindowSeconds: flap ? Number(v.flapWindowSeconds) * 60 : ALERTING_DEFAULTS.flapWindowSeconds,
    degradedResponseMs: v.degradedResponseMs.trim() === '' ? 0 : Number(v.degradedResponseMs),
  };
}

/** The alerting settings that differ from `from` (the server's defaults, or the saved monitor's). */
function changedAlerting(v: FieldValues, from: AlertingSettings): Partial<AlertingSettings> {
  const next = alertingOf(v);
  const changed: Partial<AlertingSettings> = {};
  if (next.failureWindowSeconds !== from.failureWindowSeconds) changed.failureWindowSeconds = next.failureWindowSeconds;
  if (next.flapThreshold !== from.flapThreshold) changed.flapThreshold = next.flapThreshold;
  // With detection off the window is not shown, so it is left as it is.
  if (next.flapThreshold !== 0 && next.flapWindowSeconds !== from.flapWindowSeconds) changed.flapWindowSeconds = next.flapWindowSeconds;
  if (next.degradedResponseMs !== from.degradedResponseMs) changed.degradedResponseMs = next.degradedResponseMs;
  return changed;
}

/** The chips of the `tags` field. */
export function tagsOf(values: FieldValues): string[] {
  return values.tags.split(',').filter(Boolean);
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The client-side checks of a kind's fields (the server checks again). */
export function rulesFor(kind: MonitorKind, heartbeatMode: HeartbeatMode = 'interval'): Partial<Record<Field, Validator>> {
  const name = validators.required('a name for the monitor');
  switch (kind) {
    case 'HTTP':
      return { name, 'http.url': url, 'http.expectedStatus': expectedStatus };
    case 'TCP':
      return { name, 'tcp.host': validators.required('the host to connect to'), 'tcp.port': port('the port') };
    case 'DNS':
      return { name, 'dns.name': validators.required('the DNS name to resolve') };
    case 'TLS':
      return { name, 'tls.host': validators.required('the host whose certificate to check'), 'tls.port': port('the port') };
    case 'HEARTBEAT':
      return heartbeatMode === 'cron'
        ? { name, 'heartbeat.cron': cronExpression, 'heartbeat.graceSeconds': graceSeconds }
        : { name, 'heartbeat.graceSeconds': graceSeconds };
  }
}

/** A new monitor from the form; alerting settings only where they differ from the server's defaults. */
export function toCreateInput({ kind, heartbeatMode, values: v }: MonitorFormState): CreateMonitorInput {
  const input: CreateMonitorInput = {
    name: v.name.trim(),
    tags: tagsOf(v),
    intervalSeconds: Number(v.intervalSeconds),
    failureThreshold: Number(v.failureThreshold),
    ...changedAlerting(v, ALERTING_DEFAULTS),
  };
  switch (kind) {
    case 'HTTP':
      input.http = { url: v['http.url'].trim(), method: v['http.method'], expectedStatus: splitList(v['http.expectedStatus']) };
      break;
    case 'TCP':
      input.tcp = { host: v['tcp.host'].trim(), port: Number(v['tcp.port']) };
      break;
    case 'DNS':
      input.dns = { name: v['dns.name'].trim(), recordType: v['dns.recordType'], expected: v['dns.expected'].trim() || null };
      break;
    case 'TLS':
      input.tls = { host: v['tls.host'].trim(), port: Number(v['tls.port']) };
      break;
    case 'HEARTBEAT':
      input.heartbeat =
        heartbeatMode === 'cron'
          ? { graceSeconds: Number(v['heartbeat.graceSeconds']), cron: v['heartbeat.cron'].trim().replace(/\s+/g, ' '), timeZone: v['heartbeat.timeZone'] }
          : { graceSeconds: Number(v['heartbeat.graceSeconds']) };
      break;
  }
  return input;
}

/**
 * The changes to an existing monitor. The API replaces a kind's settings as a whole, so the
 * settings this form does not show (HTTP headers, body, keyword, JSON assertion, TLS warning
 * days…) are sent back as they were instead of falling back to their defaults.
 */
export function toUpdateInput(state: MonitorFormState, current: MonitorSettings): UpdateMonitorInput {
  const created = toCreateInput(state);
  const input: UpdateMonitorInput = {
    name: created.name,
    tags: created.tags ?? [],
    intervalSeconds: created.intervalSeconds ?? null,
    failureThreshold: created.failureThreshold ?? null,
    // Omitted alerting settings stay as they are.
    ...changedAlerting(state.values, current),
  };
  if (created.http) {
    const http = current.http;
    input.http = {
      ...created.http,
      headers: http?.headers.map((h) => ({ name: h.name, value: h.value })) ?? [],
      body: http?.body ?? null,
      followRedirects: http?.followRedirects ?? true,
      verifyTls: http?.verifyTls ?? true,
      keyword: http?.keyword ?? null,
      keywordAbsent: http?.keywordAbsent ?? false,
      jsonPath: http?.jsonPath ?? null,
      jsonComparison: http?.jsonComparison ?? null,
      jsonValue: http?.jsonValue ?? null,
      tlsWarnDays: http?.tlsWarnDays ?? 14,
    };
  }
  if (created.tcp) input.tcp = created.tcp;
  if (created.dns) input.dns = created.dns;
  if (created.tls) input.tls = { ...created.tls, warnDays: current.tls?.warnDays ?? 14 };
  // Back to an interval: `cron: null` clears the schedule (settings are replaced as a whole).
  if (created.heartbeat) input.heartbeat = { cron: null, ...created.heartbeat };
  return input;
}

/** The form's fields filled from a monitor's settings. */
export function valuesFromSettings(m: MonitorSettings, timeZone = 'UTC'): MonitorFormState {
  const values: FieldValues = {
    ...initialValues(timeZone),
    name: m.name,
    tags: m.tags.join(','),
    intervalSeconds: String(m.intervalSeconds),
    failureThreshold: String(m.failureThreshold),
    failureMode: m.failureWindowSeconds > 0 ? 'window' : 'consecutive',
    failureWindowSeconds: m.failureWindowSeconds > 0 ? String(Math.round(m.failureWindowSeconds / 60)) : INITIAL_VALUES.failureWindowSeconds,
    flapDetection: m.flapThreshold > 0 ? 'on' : 'off',
    flapThreshold: m.flapThreshold > 0 ? String(m.flapThreshold) : INITIAL_VALUES.flapThreshold,
    flapWindowSeconds: String(Math.round(m.flapWindowSeconds / 60)),
    degradedResponseMs: m.degradedResponseMs > 0 ? String(m.degradedResponseMs) : '',
  };
  if (m.http) {
    values['http.url'] = m.http.url;
    values['http.method'] = m.http.method;
    values['http.expectedStatus'] = m.http.expectedStatus.join(', ');
  }
  if (m.tcp) {
    values['tcp.host'] = m.tcp.host;
    values['tcp.port'] = String(m.tcp.port);
  }
  if (m.dns) {
    values['dns.name'] = m.dns.name;
    values['dns.recordType'] = m.dns.recordType;
    values['dns.expected'] = m.dns.expected ?? '';
  }
  if (m.tls) {
    values['tls.host'] = m.tls.host;
    values['tls.port'] = String(m.tls.port);
  }
  if (m.heartbeat) {
    values['heartbeat.graceSeconds'] = String(m.heartbeat.graceSeconds);
    values['heartbeat.cron'] = m.heartbeat.cron ?? '';
    values['heartbeat.timeZone'] = m.heartbeat.timeZone ?? timeZone;
  }
  return { kind: m.kind, heartbeatMode: m.heartbeat?.cron ? 'cron' : 'interval', values };
}
