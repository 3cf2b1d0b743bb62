/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * Implement the DateTime<Utc> scalar
   *
   * The input/output is a string in RFC3339 format.
   */
  DateTime: { input: any; output: any; }
  /**
   * ISO 8601 calendar date without timezone.
   * Format: %Y-%m-%d
   *
   * # Examples
   *
   * * `1994-11-13`
   * * `2000-02-24`
   */
  NaiveDate: { input: any; output: any; }
  /** A multipart file upload */
  Upload: { input: any; output: any; }
};

export type AcceptInvitationInput = {
  /** Needed only when you have no account yet. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Your password: a new one if you have no account yet, your current one otherwise. */
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};

export type AcceptInvitationPayload = {
  role: Role;
  /** The organization joined; log in to it. */
  tenantSlug: Scalars['String']['output'];
};

/** What a signed acknowledge link in an alert is about (no login needed). */
export type AcknowledgeLink = {
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  acknowledgedBy?: Maybe<Scalars['String']['output']>;
  monitorName: Scalars['String']['output'];
  openedAt: Scalars['DateTime']['output'];
  organizationName: Scalars['String']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type AffectedComponent = {
  componentId: Scalars['ID']['output'];
  impact: IncidentImpact;
  /** Its public name. */
  name: Scalars['String']['output'];
};

export type AffectedComponentInput = {
  /** A component of the incident's page (`StatusPageComponent.id`). */
  componentId: Scalars['ID']['input'];
  impact: IncidentImpact;
};

/** A notification channel. Its secret (token, webhook URL, signing secret) is never returned. */
export type AlertChannel = {
  addresses: Array<Scalars['String']['output']>;
  /** The alert's text in the channel's own wording (template language); null: Beacon's. */
  bodyTemplate?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Whether a token (or secret URL, or signing secret) is stored. */
  hasSecret: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  kind: AlertChannelKind;
  name: Scalars['String']['output'];
  /** After a signing-secret rotation: until when the previous secret also signs. */
  previousSecretValidUntil?: Maybe<Scalars['DateTime']['output']>;
  priority?: Maybe<Scalars['Int']['output']>;
  recipient?: Maybe<Scalars['String']['output']>;
  routing: AlertRouting;
  /** The alert's title in the channel's own wording (template language); null: Beacon's. */
  titleTemplate?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** The receiver; for kinds whose URL embeds a token, its origin only. */
  url?: Maybe<Scalars['String']['output']>;
};

/**
 * A channel's settings. Which fields a kind uses: see the channel kinds in the docs; a field
 * the kind does not use is refused.
 */
export type AlertChannelInput = {
  addresses?: Array<Scalars['String']['input']>;
  /**
   * The alert's text, in Beacon's template language (empty: Beacon's own wording; omitted on
   * update: unchanged).
   */
  bodyTemplate?: InputMaybe<Scalars['String']['input']>;
  /** Required when creating; cannot change. */
  kind?: InputMaybe<AlertChannelKind>;
  name: Scalars['String']['input'];
  /** ntfy 1–5, Pushover −2–2, Gotify 0–10. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Telegram chat id, Pushover user key or Matrix room id. */
  recipient?: InputMaybe<Scalars['String']['input']>;
  /**
   * The alert's title, in Beacon's template language (empty: Beacon's own wording; omitted
   * on update: unchanged); an email's subject. Not for webhooks (their JSON is documented).
   */
  titleTemplate?: InputMaybe<Scalars['String']['input']>;
  /** Bot token, routing key, API key, application or access token. Omit to keep the stored one. */
  token?: InputMaybe<Scalars['String']['input']>;
  /** The receiver or incoming-webhook URL, topic URL, server, or API base. */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type AlertChannelKind =
  | 'DISCORD'
  | 'EMAIL'
  | 'GOOGLE_CHAT'
  | 'GOTIFY'
  | 'MATRIX'
  | 'MATTERMOST'
  | 'NTFY'
  | 'OPSGENIE'
  | 'PAGER_DUTY'
  | 'PUSHOVER'
  | 'ROCKET_CHAT'
  | 'SLACK'
  /** A Microsoft Teams Workflows webhook (Adaptive Card). */
  | 'TEAMS'
  | 'TELEGRAM'
  /** A generic webhook, signed per Standard Webhooks. */
  | 'WEBHOOK';

/** A channel as `createAlertChannel` and `rotateAlertChannelSigningSecret` return it. */
export type AlertChannelWithSecret = {
  channel: AlertChannel;
  /** A webhook's signing secret (`whsec_…`): shown this once, never again. */
  signingSecret?: Maybe<Scalars['String']['output']>;
};

export type AlertDelivery = {
  /** Every attempt, oldest first. */
  attemptLog: Array<AlertDeliveryAttempt>;
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  event: AlertDeliveryEvent;
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  maxAttempts: Scalars['Int']['output'];
  monitorId?: Maybe<Scalars['ID']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  status: AlertDeliveryStatus;
  /**
   * What the message says: `monitor.down`, `monitor.up`, `monitor.flapping`,
   * `monitor.settled`, `monitor.degraded`, `monitor.healthy`, `certificate.expiring`,
   * `certificate.renewed`, `incident.update` or `test` (docs/webhooks.md).
   */
  type: Scalars['String']['output'];
};

export type AlertDeliveryAttempt = {
  at: Scalars['DateTime']['output'];
  attempt: Scalars['Int']['output'];
  durationMs: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  /** The receiver's HTTP status, when it answered. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type AlertDeliveryConnection = {
  /** A list of edges. */
  edges: Array<AlertDeliveryEdge>;
  /** A list of nodes. */
  nodes: Array<AlertDelivery>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type AlertDeliveryEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AlertDelivery;
};

export type AlertDeliveryEvent =
  | 'CERTIFICATE'
  | 'DEGRADED'
  | 'DOWN'
  | 'INCIDENT'
  | 'TEST'
  | 'UP';

export type AlertDeliveryStatus =
  /** Failed its last attempt; `requeueAlertDelivery` sends it again. */
  | 'DEAD'
  | 'DELIVERED'
  | 'QUEUED'
  /** Being sent now. */
  | 'RUNNING';

/** An alert as a channel with the given templates would word it. */
export type AlertMessagePreview = {
  body: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type AlertRouteEvent =
  /** Its TLS certificate expires within the monitor's warning window, and when it was renewed. */
  | 'CERTIFICATE_EXPIRING'
  /** It works but needs attention, and when that ends. */
  | 'DEGRADED'
  /** A monitor went down (and flapping notices). */
  | 'DOWN'
  /**
   * An update posted on a status page incident that affects it (routes for every monitor
   * hear every incident).
   */
  | 'INCIDENT_UPDATE'
  /** It recovered (and settled notices). */
  | 'UP';

/** Which monitors notify a channel, for which events. */
export type AlertRouting = {
  allMonitors: Scalars['Boolean']['output'];
  events: Array<AlertRouteEvent>;
  monitorIds: Array<Scalars['ID']['output']>;
  /** Every monitor with one of these tags, now and later. */
  tags: Array<Scalars['String']['output']>;
};

export type AlertRoutingInput = {
  /** Every monitor of the organization, now and later (then `monitorIds` is ignored). */
  allMonitors: Scalars['Boolean']['input'];
  /** Empty: the channel is notified of nothing (tests still work). */
  events: Array<AlertRouteEvent>;
  monitorIds?: Array<Scalars['ID']['input']>;
  /** And every monitor with one of these tags, now and later (unless `allMonitors`). */
  tags?: Array<Scalars['String']['input']>;
};

export type ApiKey = {
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the key, to recognise it. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  scope: ApiKeyScope;
};

export type ApiKeyScope =
  | 'READ'
  | 'READ_WRITE';

export type AuditEvent = {
  action: Scalars['String']['output'];
  actorApiKeyId?: Maybe<Scalars['ID']['output']>;
  actorName: Scalars['String']['output'];
  actorUserId?: Maybe<Scalars['ID']['output']>;
  /** Changed fields as a JSON object. */
  changes: Scalars['String']['output'];
  clientIp: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  entityId?: Maybe<Scalars['ID']['output']>;
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  requestId: Scalars['String']['output'];
};

export type AuditEventConnection = {
  /** A list of edges. */
  edges: Array<AuditEventEdge>;
  /** A list of nodes. */
  nodes: Array<AuditEvent>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type AuditEventEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AuditEvent;
};

export type AuditFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorUserId?: InputMaybe<Scalars['ID']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  entityType?: InputMaybe<Scalars['String']['input']>;
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type CheckResult = {
  checkedAt: Scalars['DateTime']['output'];
  connectMs?: Maybe<Scalars['Int']['output']>;
  dnsMs?: Maybe<Scalars['Int']['output']>;
  durationMs: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  firstByteMs?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  status: CheckStatus;
  statusCode?: Maybe<Scalars['Int']['output']>;
  tlsExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  tlsMs?: Maybe<Scalars['Int']['output']>;
};

export type CheckStatus =
  | 'DEGRADED'
  | 'DOWN'
  | 'UP';

export type CreateApiKeyInput = {
  name: Scalars['String']['input'];
  scope: ApiKeyScope;
};

/** A new key: `secret` is shown this once and never again. */
export type CreateApiKeyPayload = {
  key: ApiKey;
  secret: Scalars['String']['output'];
};

/** A window: a name, what it covers, and exactly one of `startsAt`+`endsAt`, `weekly`, `cron`. */
export type CreateMaintenanceWindowInput = {
  cron?: InputMaybe<CronInput>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** One monitor; omit this and `tag` for every monitor of the organization. */
  monitorId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Every monitor with this tag (not together with `monitorId`). */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** An IANA time zone for recurring windows; default UTC. */
  timeZone?: Scalars['String']['input'];
  weekly?: InputMaybe<WeeklyInput>;
};

/** A new monitor: a name and exactly one of `http`, `tcp`, `dns`, `tls`, `heartbeat`. */
export type CreateMonitorInput = {
  /**
   * A response slower than this many milliseconds (1 up to the timeout) makes it DEGRADED:
   * it works, but needs attention. 0 (default): off. Not for heartbeats.
   */
  degradedResponseMs?: InputMaybe<Scalars['Int']['input']>;
  dns?: InputMaybe<DnsSettingsInput>;
  /** Consecutive failures before DOWN (1 to 10); default 2. */
  failureThreshold?: InputMaybe<Scalars['Int']['input']>;
  /**
   * 0 (default): `failureThreshold` counts failures in a row. 60 s to 24 h: that many
   * failures within this window make it DOWN, without quick re-checks.
   */
  failureWindowSeconds?: InputMaybe<Scalars['Int']['input']>;
  /**
   * State changes (down or up) within `flapWindowSeconds` that make it flapping (3 to 50);
   * 0 turns flap detection off. Default 6.
   */
  flapThreshold?: InputMaybe<Scalars['Int']['input']>;
  /** 5 min to 24 h; default 3600. */
  flapWindowSeconds?: InputMaybe<Scalars['Int']['input']>;
  heartbeat?: InputMaybe<HeartbeatSettingsInput>;
  http?: InputMaybe<HttpSettingsInput>;
  /** 10 s to 24 h; default 60. */
  intervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  /** Consecutive successes before UP again (1 to 10); default 1. */
  recoveryThreshold?: InputMaybe<Scalars['Int']['input']>;
  /** Quick re-checks while failing below the threshold; default 20. */
  retryIntervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Up to 10 labels (lowercase a-z 0-9 - _ . :, 1 to 32 characters) for filters and
   * maintenance windows.
   */
  tags?: Array<Scalars['String']['input']>;
  tcp?: InputMaybe<HostPortInput>;
  /** 1 to 60 s, at most the interval; default 10. */
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  tls?: InputMaybe<TlsSettingsInput>;
};

export type CreateStatusIncidentInput = {
  components?: Array<AffectedComponentInput>;
  /** The first update's text, up to 5,000 characters. */
  message: Scalars['String']['input'];
  /** When it began, if before now. */
  startedAt?: InputMaybe<Scalars['DateTime']['input']>;
  status?: StatusIncidentStatus;
  /** One line, up to 120 characters. */
  title: Scalars['String']['input'];
};

export type CronInput = {
  durationMinutes: Scalars['Int']['input'];
  /** Five fields: minute hour day-of-month month day-of-week. */
  expression: Scalars['String']['input'];
};

/** A hostname of the organization's own that serves a status page once verified. */
export type CustomDomain = {
  /** Create one of these records at your DNS provider, then verify. */
  dnsRecords: Array<DnsRecord>;
  hostname: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Verified domains get a certificate on their first visit and serve the page. */
  verified: Scalars['Boolean']['output'];
  verifiedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One UTC day of a monitor, for uptime bars. */
export type DailyUptime = {
  date: Scalars['NaiveDate']['output'];
  stats: UptimeStats;
};

export type DnsRecord = {
  name: Scalars['String']['output'];
  /** `CNAME` or `TXT`. */
  type: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type DnsSettings = {
  expected?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  recordType: Scalars['String']['output'];
};

export type DnsSettingsInput = {
  expected?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** A, AAAA, CNAME, MX, TXT or NS. */
  recordType: Scalars['String']['input'];
};

export type EditStatusIncidentInput = {
  /** Replaces the affected components. */
  components: Array<AffectedComponentInput>;
  title: Scalars['String']['input'];
};

export type EmailStatus =
  | 'DEAD'
  | 'QUEUED'
  | 'SENDING'
  | 'SENT';

export type EscalationPolicy = {
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** How many monitors use it. */
  monitorCount: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /**
   * 0: stop after the last step. Otherwise the last step repeats this often until the
   * outage is acknowledged or resolved.
   */
  repeatEveryMinutes: Scalars['Int']['output'];
  /** Step 1's wait is counted from the outage's start, each later step's from the step before. */
  steps: Array<EscalationStep>;
  updatedAt: Scalars['DateTime']['output'];
};

export type EscalationPolicyInput = {
  name: Scalars['String']['input'];
  /** 0 (no repeat) or 5 to 1440. */
  repeatEveryMinutes: Scalars['Int']['input'];
  /** 1 to 10 steps. */
  steps: Array<EscalationStepInput>;
};

/**
 * One step: after `waitMinutes` (step 1: from the outage's start; later steps: from the step
 * before), notify `channels`.
 */
export type EscalationStep = {
  channels: Array<AlertChannel>;
  waitMinutes: Scalars['Int']['output'];
};

export type EscalationStepInput = {
  /** 1 to 10 of the organization's channels. */
  channelIds: Array<Scalars['ID']['input']>;
  /** 0 to 1440. */
  waitMinutes: Scalars['Int']['input'];
};

export type Header = {
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type HeaderInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type HeartbeatSettings = {
  /** The job's schedule; null when a ping is expected every `intervalSeconds`. */
  cron?: Maybe<Scalars['String']['output']>;
  graceSeconds: Scalars['Int']['output'];
  timeZone?: Maybe<Scalars['String']['output']>;
};

export type HeartbeatSettingsInput = {
  /**
   * The job's schedule as a five-field cron expression; without it a ping is expected every
   * `intervalSeconds`.
   */
  cron?: InputMaybe<Scalars['String']['input']>;
  graceSeconds?: Scalars['Int']['input'];
  /** The IANA time zone `cron` is read in; default UTC. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type HostPort = {
  host: Scalars['String']['output'];
  port: Scalars['Int']['output'];
};

export type HostPortInput = {
  host: Scalars['String']['input'];
  port: Scalars['Int']['input'];
};

export type HttpSettings = {
  body?: Maybe<Scalars['String']['output']>;
  expectedStatus: Array<Scalars['String']['output']>;
  followRedirects: Scalars['Boolean']['output'];
  headers: Array<Header>;
  jsonComparison?: Maybe<Scalars['String']['output']>;
  jsonPath?: Maybe<Scalars['String']['output']>;
  jsonValue?: Maybe<Scalars['String']['output']>;
  keyword?: Maybe<Scalars['String']['output']>;
  keywordAbsent: Scalars['Boolean']['output'];
  method: Scalars['String']['output'];
  tlsWarnDays: Scalars['Int']['output'];
  url: Scalars['String']['output'];
  verifyTls: Scalars['Boolean']['output'];
};

export type HttpSettingsInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** `200`, `200-299` or `2xx`; none means 200 to 399. */
  expectedStatus?: Array<Scalars['String']['input']>;
  followRedirects?: Scalars['Boolean']['input'];
  headers?: Array<HeaderInput>;
  jsonComparison?: InputMaybe<Scalars['String']['input']>;
  /**
   * A JSONPath such as `$.status`; with `jsonComparison` (eq, ne, contains, lt, gt,
   * exists) and `jsonValue`.
   */
  jsonPath?: InputMaybe<Scalars['String']['input']>;
  jsonValue?: InputMaybe<Scalars['String']['input']>;
  keyword?: InputMaybe<Scalars['String']['input']>;
  keywordAbsent?: Scalars['Boolean']['input'];
  method?: Scalars['String']['input'];
  tlsWarnDays?: Scalars['Int']['input'];
  url: Scalars['String']['input'];
  verifyTls?: Scalars['Boolean']['input'];
};

/** An outage of one monitor: opened when it went DOWN, resolved when it came back UP. */
export type Incident = {
  /** Someone took it: its escalation stopped. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The member's name, or "link in alert". */
  acknowledgedBy?: Maybe<Scalars['String']['output']>;
  /** The error of the check that opened it. */
  cause: Scalars['String']['output'];
  /** When this monitor was down because a monitor it depends on was: that monitor's outage. */
  causedBy?: Maybe<Incident>;
  /** From opening to resolution; null while open. */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  monitorId: Scalars['ID']['output'];
  monitorName: Scalars['String']['output'];
  openedAt: Scalars['DateTime']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * No alert went out: it began in maintenance, while a monitor it depends on was down, or
   * while the monitor was flapping.
   */
  suppressed: Scalars['Boolean']['output'];
  /** Oldest first: opened, notified, escalated, acknowledged, resolved. */
  timeline: Array<IncidentEvent>;
};

export type IncidentConnection = {
  /** A list of edges. */
  edges: Array<IncidentEdge>;
  /** A list of nodes. */
  nodes: Array<Incident>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type IncidentEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Incident;
};

export type IncidentEvent = {
  at: Scalars['DateTime']['output'];
  kind: IncidentEventKind;
  message: Scalars['String']['output'];
};

/** What happened to an outage. */
export type IncidentEventKind =
  | 'ACKNOWLEDGED'
  | 'ESCALATED'
  | 'NOTIFIED'
  | 'OPENED'
  | 'RESOLVED';

export type IncidentFilter = {
  monitorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only open (`true`) or only resolved (`false`) incidents. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
};

export type IncidentImpact =
  /** Slower or less reliable than usual. */
  | 'DEGRADED'
  /** Out. */
  | 'MAJOR'
  /** Out for some users or features. */
  | 'PARTIAL';

/** An invitation not yet accepted, revoked or expired. */
export type Invitation = {
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  role: Role;
};

/** An invitation as its link shows it, before accepting. */
export type InvitationPreview = {
  email: Scalars['String']['output'];
  /** The address has an account: accept with its password. Otherwise choose a name and one. */
  existingAccount: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** Who sent it, if they are still known. */
  inviterName?: Maybe<Scalars['String']['output']>;
  role: Role;
  tenantName: Scalars['String']['output'];
  tenantSlug: Scalars['String']['output'];
};

export type InviteMemberInput = {
  email: Scalars['String']['input'];
  role: Role;
};

export type LogInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** Which organization; optional on a tenant host or for members of one organization. */
  tenantSlug?: InputMaybe<Scalars['String']['input']>;
};

export type LogInResult = SessionPayload | TenantChoicePayload;

export type MaintenanceWindow = {
  activeNow: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** A recurring window's starts, as a cron expression read in `timeZone`. */
  cron?: Maybe<Scalars['String']['output']>;
  durationMinutes?: Maybe<Scalars['Int']['output']>;
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The one monitor it covers; with `tag` also null, every monitor of the organization. */
  monitorId?: Maybe<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  /** The next start, if there is one. */
  nextStart?: Maybe<Scalars['DateTime']['output']>;
  /** A one-off window's start and end. */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every monitor with this tag, including ones tagged later. */
  tag?: Maybe<Scalars['String']['output']>;
  timeZone: Scalars['String']['output'];
};

export type Me = {
  role: Role;
  tenant: Tenant;
  user: User;
};

export type Member = {
  joinedAt: Scalars['DateTime']['output'];
  role: Role;
  user: User;
};

export type Monitor = {
  createdAt: Scalars['DateTime']['output'];
  /**
   * One entry per UTC day for the last `days` days (1 to 90), oldest first; days without
   * checks have zero checks and no uptime.
   */
  dailyUptime: Array<DailyUptime>;
  /** A response slower than this many milliseconds makes it DEGRADED; 0: off. */
  degradedResponseMs: Scalars['Int']['output'];
  /**
   * Down only because a monitor it depends on is down: its alerts are held back and its
   * outage is attached to that monitor's outage.
   */
  dependencyDown: Scalars['Boolean']['output'];
  /** The monitors that depend on this one, A to Z. */
  dependents: Array<Monitor>;
  /** The monitors this one depends on, A to Z. */
  dependsOn: Array<Monitor>;
  dns?: Maybe<DnsSettings>;
  /**
   * Who is notified, step by step, until someone acknowledges an outage. Null: only the
   * channels' routing.
   */
  escalationPolicy?: Maybe<MonitorEscalationPolicy>;
  failureThreshold: Scalars['Int']['output'];
  /**
   * 0: `failureThreshold` counts consecutive failures. Otherwise `failureThreshold` failures
   * within this many seconds make it DOWN (no quick re-checks).
   */
  failureWindowSeconds: Scalars['Int']['output'];
  /** State changes (down or up) within `flapWindowSeconds` that make it flapping; 0: off. */
  flapThreshold: Scalars['Int']['output'];
  flapWindowSeconds: Scalars['Int']['output'];
  /**
   * Set while it is flapping: one alert said so, further outages are recorded silently
   * until it settles (no change for `flapWindowSeconds`), which is announced too.
   */
  flappingSince?: Maybe<Scalars['DateTime']['output']>;
  heartbeat?: Maybe<HeartbeatSettings>;
  http?: Maybe<HttpSettings>;
  id: Scalars['ID']['output'];
  /** Whether a maintenance window covers this monitor now (no alerts; not counted in uptime). */
  inMaintenance: Scalars['Boolean']['output'];
  /** Outages, newest first (at most 100). */
  incidents: Array<Incident>;
  intervalSeconds: Scalars['Int']['output'];
  kind: MonitorKind;
  lastCheckedAt?: Maybe<Scalars['DateTime']['output']>;
  lastDurationMs?: Maybe<Scalars['Int']['output']>;
  lastError?: Maybe<Scalars['String']['output']>;
  lastPingAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Average response time per hour over the last 24 hours, oldest first (null for an hour
   * without checks): a list row's sparkline.
   */
  latencyTrend: Array<Maybe<Scalars['Float']['output']>>;
  name: Scalars['String']['output'];
  nextCheckAt: Scalars['DateTime']['output'];
  /** For heartbeat monitors: the URL a job calls (GET, POST or HEAD) when it runs. */
  pingUrl?: Maybe<Scalars['String']['output']>;
  /** The latest checks, newest first (at most 100). */
  recentChecks: Array<CheckResult>;
  recoveryThreshold: Scalars['Int']['output'];
  retryIntervalSeconds: Scalars['Int']['output'];
  status: MonitorStatus;
  statusChangedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sorted labels. */
  tags: Array<Scalars['String']['output']>;
  /** The URL, `host:port` or DNS name checked; empty for a heartbeat. */
  target: Scalars['String']['output'];
  tcp?: Maybe<HostPort>;
  timeoutSeconds: Scalars['Int']['output'];
  tls?: Maybe<TlsSettings>;
  updatedAt: Scalars['DateTime']['output'];
  /** Uptime and latency over the last day, week, month or quarter. */
  uptime: UptimeStats;
};


export type MonitorDailyUptimeArgs = {
  days?: Scalars['Int']['input'];
};


export type MonitorIncidentsArgs = {
  first?: Scalars['Int']['input'];
};


export type MonitorRecentChecksArgs = {
  first?: Scalars['Int']['input'];
};


export type MonitorUptimeArgs = {
  period: UptimePeriod;
};

/**
 * A check a subscriber watches: the monitor's status after it, and the previous status when
 * the check changed it.
 */
export type MonitorCheckEvent = {
  checkStatus: CheckStatus;
  checkedAt: Scalars['DateTime']['output'];
  durationMs: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  monitorId: Scalars['ID']['output'];
  monitorName: Scalars['String']['output'];
  /** The status before this check, when the check changed it. */
  previousStatus?: Maybe<MonitorStatus>;
  status: MonitorStatus;
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type MonitorConnection = {
  /** A list of edges. */
  edges: Array<MonitorEdge>;
  /** A list of nodes. */
  nodes: Array<Monitor>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** One edge of the dependency graph: `monitorId` depends on `dependsOnId`. */
export type MonitorDependency = {
  dependsOnId: Scalars['ID']['output'];
  monitorId: Scalars['ID']['output'];
};

/** Every monitor that depends on another or is depended on, and the edges between them. */
export type MonitorDependencyGraph = {
  dependencies: Array<MonitorDependency>;
  monitors: Array<Monitor>;
};

/** An edge in a connection. */
export type MonitorEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Monitor;
};

/** The escalation policy a monitor follows, by name; `escalationPolicy(id:)` has its steps. */
export type MonitorEscalationPolicy = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type MonitorFilter = {
  kind?: InputMaybe<MonitorKind>;
  status?: InputMaybe<MonitorStatus>;
  /** Monitors carrying this tag. */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** Part of the name or target, case-insensitive. */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type MonitorKind =
  | 'DNS'
  | 'HEARTBEAT'
  | 'HTTP'
  | 'TCP'
  | 'TLS';

/** The order of the monitors list. */
export type MonitorOrder =
  /** A to Z, ignoring case. */
  | 'NAME'
  /** Newest first. */
  | 'NEWEST'
  /** Worst first: down, degraded, pending, up, paused. */
  | 'STATUS';

export type MonitorStatus =
  | 'DEGRADED'
  | 'DOWN'
  | 'PAUSED'
  | 'PENDING'
  | 'UP';

export type Mutation = {
  /**
   * Accepts an invitation from its link: creates your account if you have none (the link
   * proves the email), or checks your password if you do. Then log in to the organization.
   */
  acceptInvitation: AcceptInvitationPayload;
  /**
   * Stops the escalation of an open outage: someone has it. Members and above; an outage
   * already acknowledged or over is returned as it is.
   */
  acknowledgeIncident: Incident;
  /** Public, with the signed token from an alert's acknowledge link. */
  acknowledgeWithLink: AcknowledgeLink;
  /** Adds a custom domain to a page; it serves the page once verified. Admins and owners. */
  addCustomDomain: CustomDomain;
  /**
   * Changes a member's role. Owners and admins; only owners grant or remove ownership; the
   * last owner keeps it. Someone outside the organization is `NOT_FOUND`.
   */
  changeMemberRole: Member;
  /** Changes your password; your other sessions end. */
  changePassword: Scalars['Boolean']['output'];
  /**
   * Confirms a subscription with the token of its confirmation email; false for an unknown
   * (or replaced) token.
   */
  confirmStatusSubscription: Scalars['Boolean']['output'];
  /** Creates a channel. Admins and owners. A webhook's signing secret is in the answer, once. */
  createAlertChannel: AlertChannelWithSecret;
  /** Creates a key for integrators. Owners and admins, signed in as themselves (not with a key). */
  createApiKey: CreateApiKeyPayload;
  /**
   * Admins and owners. 1 to 10 steps, each with 1 to 10 of the organization's channels and
   * `waitMinutes` 0 to 1440; `repeatEveryMinutes` 0 or 5 to 1440. Field errors name e.g.
   * `steps[1].channelIds`, `steps[0].waitMinutes`, `repeatEveryMinutes`, `name`.
   */
  createEscalationPolicy: EscalationPolicy;
  /**
   * Announces maintenance: no alerts, and checks not counted in uptime, while it is active.
   * Members and above. Another organization's monitor is `NOT_FOUND`.
   */
  createMaintenanceWindow: MaintenanceWindow;
  /** Creates a monitor; its first check runs within a minute. Members and above. */
  createMonitor: Monitor;
  /** Opens an incident on a page with its first update. Members and above. */
  createStatusIncident: StatusIncident;
  /** Creates a page (the default page when `slug` is empty). Members and above. */
  createStatusPage: StatusPage;
  /** Deletes a channel, its routes and its deliveries. Admins and owners. */
  deleteAlertChannel: Scalars['ID']['output'];
  /** Deletes a policy. Monitors that used it go back to routing only. */
  deleteEscalationPolicy: EscalationPolicy;
  /** Ends and removes a window. Members and above. */
  deleteMaintenanceWindow: MaintenanceWindow;
  /** Deletes a monitor with its history; returns it as it was. Members and above. */
  deleteMonitor: Monitor;
  /** Deletes an incident and its timeline; returns its id. Members and above. */
  deleteStatusIncident: Scalars['ID']['output'];
  /** Deletes a page; returns it as it was. Members and above. */
  deleteStatusPage: StatusPage;
  /** A copy of a monitor, named "<name> (copy)". Members and above. */
  duplicateMonitor: Monitor;
  /** Changes the title and the affected components. Members and above. */
  editStatusIncident: StatusIncident;
  /** Corrects the message of one update. Members and above. */
  editStatusIncidentUpdate: StatusIncident;
  /** Emails an invitation to join with a role. Owners and admins; only owners invite owners. */
  inviteMember: Invitation;
  /** Logs in; a member of several organizations first gets the choice. */
  logIn: LogInResult;
  /** Ends this browser's session. */
  logOut: Scalars['Boolean']['output'];
  /** Ends every session of yours, in every organization. Returns how many were ended. */
  logOutEverywhere: Scalars['Int']['output'];
  /** Stops checking a monitor; its history stays. Members and above. */
  pauseMonitor: Monitor;
  /**
   * Adds an update to the timeline; `RESOLVED` resolves it, another status reopens it.
   * Members and above.
   */
  postStatusIncidentUpdate: StatusIncident;
  /**
   * Publishes a detected outage (`Incident.id`) on a page that shows its monitor, as an
   * incident that resolves by itself when the outage ends. Members and above.
   */
  publishOutage: StatusIncident;
  /** Lifts a suspension. */
  reactivateTenant: Tenant;
  /** Exchanges the refresh-token cookie for a new access token (and a new cookie). */
  refreshSession: SessionPayload;
  /** Removes a custom domain; it loses TLS at once. Admins and owners. */
  removeCustomDomain: CustomDomain;
  /**
   * Removes a member and ends their sessions in this organization. Owners and admins; the
   * last owner cannot be removed.
   */
  removeMember: Scalars['Boolean']['output'];
  /** Removes a page's logo or favicon. Members and above. */
  removeStatusPageImage: StatusPage;
  /** Removes a subscriber; returns its id. Members and above. */
  removeStatusPageSubscriber: Scalars['ID']['output'];
  /** Emails a reset link if the address has an account. Always answers `true`. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Mails a link that opens the page at `slug` when `email` is in one of its domains. The
   * answer is the same whether or not it is (no enumeration). Limited per IP and address.
   */
  requestStatusPageAccess: SubscribePayload;
  /** Sends a dead delivery again with fresh attempts. Members and above. */
  requeueAlertDelivery: AlertDelivery;
  /** Gives a dead message a fresh set of attempts. Platform admins only. */
  requeueEmail: OutboxEmail;
  /**
   * Emails a fresh verification link if the address has an unverified account. Always answers
   * `true`, the same way whether or not it has one.
   */
  resendVerificationEmail: Scalars['Boolean']['output'];
  /** Sets a new password with the token from a reset link; ends every session. */
  resetPassword: Scalars['Boolean']['output'];
  /** Checks a paused monitor again, from a fresh start. Members and above. */
  resumeMonitor: Monitor;
  /** Revokes a key at once. Owners and admins. Another organization's key is `NOT_FOUND`. */
  revokeApiKey: ApiKey;
  /** Withdraws a pending invitation. Owners and admins. */
  revokeInvitation: Scalars['Boolean']['output'];
  /** Ends one of your sessions (another browser or device). Someone else's is `NOT_FOUND`. */
  revokeSession: Scalars['Boolean']['output'];
  /**
   * A webhook's new signing secret (shown once); the previous one keeps signing beside it for
   * 24 hours so receivers can switch over. Admins and owners.
   */
  rotateAlertChannelSigningSecret: AlertChannelWithSecret;
  /**
   * Queues a test message to check that delivery works; returns at once, before sending.
   * Platform admins only.
   */
  sendTestEmail: OutboxEmail;
  /** Sets which monitors notify the channel, for which events. Admins and owners. */
  setAlertChannelRouting: AlertChannel;
  /**
   * Replaces the monitors this one depends on (at most 20). A cycle, itself, or more than 20
   * is a field error on `dependsOn`; another organization's monitor is `NOT_FOUND`. While a
   * monitor it depends on is down, its own outages send no alerts. Members and above.
   */
  setMonitorDependencies: Monitor;
  /** Makes a monitor follow a policy (`policyId: null` clears it). Members and above. */
  setMonitorEscalationPolicy: Monitor;
  /**
   * Sets who may see a page. Members and above. Any change (a new password, other domains)
   * ends the access visitors were given before it.
   */
  setStatusPageAccess: StatusPage;
  /**
   * Sets what a page shows, in this order: monitors under public names, optionally grouped.
   * Another organization's monitor is `NOT_FOUND`. Members and above.
   */
  setStatusPageComponents: StatusPage;
  /**
   * Sets a page's logo or favicon from an upload (GraphQL multipart request with the
   * `Apollo-Require-Preflight` header): PNG, JPEG or WebP whose bytes match its type, at most
   * 512 KiB and 4096×4096 pixels (1024×1024 for a favicon); stored re-encoded. Members and
   * above.
   */
  setStatusPageImage: StatusPage;
  /**
   * Creates an organization at `<tenantSlug>.<BASE_DOMAIN>` with you as its owner, and emails
   * a verification link.
   */
  signUp: SignUpPayload;
  /**
   * Subscribes an address to the page at `slug` of this host's organization (optionally to
   * some of its components, by `PublicComponent.id`). No login: a confirmation email is sent
   * and nothing else until it is opened. Limited per client IP and per address.
   */
  subscribeToStatusPage: SubscribePayload;
  /** Suspends an organization: its users and keys get `FORBIDDEN`, its hosts lose TLS. */
  suspendTenant: Tenant;
  /** Queues a test message to the channel; watch it in `alertDeliveries`. Members and above. */
  testAlertChannel: AlertDelivery;
  /**
   * Opens a password-protected page at `slug` of this host's organization. No login; limited
   * per client IP. A wrong password is `BAD_USER_INPUT` on `password`.
   */
  unlockStatusPage: StatusPageAccessGrant;
  /** Ends a subscription with the token its emails carry; false when there is none (any more). */
  unsubscribeFromStatusPage: Scalars['Boolean']['output'];
  /** Changes a channel (its kind stays). Admins and owners. */
  updateAlertChannel: AlertChannel;
  /** Replaces a policy's name, steps and repeat. Running escalations follow the new steps. */
  updateEscalationPolicy: EscalationPolicy;
  /** Changes a monitor. Members and above. */
  updateMonitor: Monitor;
  /** Changes a page's path, title and description. Members and above. */
  updateStatusPage: StatusPage;
  /**
   * Looks up the domain's DNS record; once found, the domain is verified and allowed TLS.
   * Admins and owners.
   */
  verifyCustomDomain: CustomDomain;
  /**
   * Confirms an email address with the token from the verification link. A link opened a
   * second time answers `alreadyVerified` when the address is verified.
   */
  verifyEmail: VerifyEmailPayload;
};


export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


export type MutationAcknowledgeIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAcknowledgeWithLinkArgs = {
  token: Scalars['String']['input'];
};


export type MutationAddCustomDomainArgs = {
  hostname: Scalars['String']['input'];
  pageId: Scalars['ID']['input'];
};


export type MutationChangeMemberRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationConfirmStatusSubscriptionArgs = {
  token: Scalars['String']['input'];
};


export type MutationCreateAlertChannelArgs = {
  input: AlertChannelInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateEscalationPolicyArgs = {
  input: EscalationPolicyInput;
};


export type MutationCreateMaintenanceWindowArgs = {
  input: CreateMaintenanceWindowInput;
};


export type MutationCreateMonitorArgs = {
  input: CreateMonitorInput;
};


export type MutationCreateStatusIncidentArgs = {
  input: CreateStatusIncidentInput;
  pageId: Scalars['ID']['input'];
};


export type MutationCreateStatusPageArgs = {
  input: StatusPageInput;
};


export type MutationDeleteAlertChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteEscalationPolicyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteMaintenanceWindowArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteMonitorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteStatusIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteStatusPageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDuplicateMonitorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEditStatusIncidentArgs = {
  id: Scalars['ID']['input'];
  input: EditStatusIncidentInput;
};


export type MutationEditStatusIncidentUpdateArgs = {
  id: Scalars['ID']['input'];
  message: Scalars['String']['input'];
};


export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


export type MutationLogInArgs = {
  input: LogInInput;
};


export type MutationPauseMonitorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPostStatusIncidentUpdateArgs = {
  id: Scalars['ID']['input'];
  input: StatusIncidentUpdateInput;
};


export type MutationPublishOutageArgs = {
  outageId: Scalars['ID']['input'];
  pageId: Scalars['ID']['input'];
};


export type MutationReactivateTenantArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveCustomDomainArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationRemoveStatusPageImageArgs = {
  kind: StatusPageImageKind;
  pageId: Scalars['ID']['input'];
};


export type MutationRemoveStatusPageSubscriberArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationRequestStatusPageAccessArgs = {
  email: Scalars['String']['input'];
  slug?: Scalars['String']['input'];
};


export type MutationRequeueAlertDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequeueEmailArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResendVerificationEmailArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


export type MutationResumeMonitorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateAlertChannelSigningSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendTestEmailArgs = {
  input: SendTestEmailInput;
};


export type MutationSetAlertChannelRoutingArgs = {
  id: Scalars['ID']['input'];
  input: AlertRoutingInput;
};


export type MutationSetMonitorDependenciesArgs = {
  dependsOn: Array<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationSetMonitorEscalationPolicyArgs = {
  id: Scalars['ID']['input'];
  policyId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationSetStatusPageAccessArgs = {
  input: StatusPageAccessInput;
  pageId: Scalars['ID']['input'];
};


export type MutationSetStatusPageComponentsArgs = {
  components: Array<StatusPageComponentInput>;
  id: Scalars['ID']['input'];
};


export type MutationSetStatusPageImageArgs = {
  file: Scalars['Upload']['input'];
  kind: StatusPageImageKind;
  pageId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationSubscribeToStatusPageArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  componentIds?: Array<Scalars['ID']['input']>;
  email: Scalars['String']['input'];
  slug?: Scalars['String']['input'];
};


export type MutationSuspendTenantArgs = {
  id: Scalars['ID']['input'];
};


export type MutationTestAlertChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnlockStatusPageArgs = {
  password: Scalars['String']['input'];
  slug?: Scalars['String']['input'];
};


export type MutationUnsubscribeFromStatusPageArgs = {
  token: Scalars['String']['input'];
};


export type MutationUpdateAlertChannelArgs = {
  id: Scalars['ID']['input'];
  input: AlertChannelInput;
};


export type MutationUpdateEscalationPolicyArgs = {
  id: Scalars['ID']['input'];
  input: EscalationPolicyInput;
};


export type MutationUpdateMonitorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMonitorInput;
};


export type MutationUpdateStatusPageArgs = {
  id: Scalars['ID']['input'];
  input: StatusPageInput;
};


export type MutationVerifyCustomDomainArgs = {
  id: Scalars['ID']['input'];
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};

/** A message in the email outbox. */
export type OutboxEmail = {
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  maxAttempts: Scalars['Int']['output'];
  nextAttemptAt: Scalars['DateTime']['output'];
  recipient: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  status: EmailStatus;
  subject: Scalars['String']['output'];
};

export type OutboxEmailConnection = {
  /** A list of edges. */
  edges: Array<OutboxEmailEdge>;
  /** A list of nodes. */
  nodes: Array<OutboxEmail>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type OutboxEmailEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: OutboxEmail;
};

/** Information about pagination in a connection */
export type PageInfo = {
  /** When paginating forwards, the cursor to continue. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PublicAffectedComponent = {
  impact: IncidentImpact;
  name: Scalars['String']['output'];
};

export type PublicComponent = {
  /** One bar per UTC day, oldest first. */
  days: Array<PublicDay>;
  /** Empty outside any group. */
  group: Scalars['String']['output'];
  /** What subscribers choose components by, and the badges' address. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Average response time per hour over the last 24 hours, oldest first. */
  responseMs: Array<Maybe<Scalars['Float']['output']>>;
  status: PublicComponentStatus;
  /** Over the 90 days; null without checks. */
  uptimePercent?: Maybe<Scalars['Float']['output']>;
};

export type PublicComponentStatus =
  | 'DEGRADED'
  | 'MAINTENANCE'
  | 'OPERATIONAL'
  | 'OUTAGE'
  /** A published incident says part of it is out. */
  | 'PARTIAL_OUTAGE'
  /** Paused, or not checked yet. */
  | 'UNKNOWN';

export type PublicDay = {
  date: Scalars['NaiveDate']['output'];
  downtimeSeconds: Scalars['Int']['output'];
  /** Titles of the published incidents of this component that touched the day. */
  incidents: Array<Scalars['String']['output']>;
  outages: Scalars['Int']['output'];
  /** Null for a day without checks. */
  uptimePercent?: Maybe<Scalars['Float']['output']>;
};

export type PublicIncident = {
  components: Array<PublicAffectedComponent>;
  id: Scalars['ID']['output'];
  impact?: Maybe<IncidentImpact>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: StatusIncidentStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Oldest first. */
  updates: Array<PublicIncidentUpdate>;
};

/** A page of the public incident history. */
export type PublicIncidentHistory = {
  /** Pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  incidents: Array<PublicIncident>;
};

export type PublicIncidentUpdate = {
  createdAt: Scalars['DateTime']['output'];
  message: Scalars['String']['output'];
  status: StatusIncidentStatus;
};

export type PublicMaintenance = {
  active: Scalars['Boolean']['output'];
  /** The public names of the components it covers. */
  components: Array<Scalars['String']['output']>;
  endsAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  startsAt: Scalars['DateTime']['output'];
};

export type PublicOutage = {
  components: Array<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  startedAt: Scalars['DateTime']['output'];
};

export type PublicPageStatus =
  | 'DEGRADED'
  | 'MAINTENANCE'
  | 'MAJOR_OUTAGE'
  | 'OPERATIONAL'
  | 'PARTIAL_OUTAGE';

export type PublicStatusPage = {
  /** Published incidents not resolved yet, newest first, with their timelines. */
  activeIncidents: Array<PublicIncident>;
  activeOutages: Array<PublicOutage>;
  components: Array<PublicComponent>;
  description: Scalars['String']['output'];
  faviconUrl?: Maybe<Scalars['String']['output']>;
  /** When this view was built (it is cached for up to a minute, less after a status change). */
  generatedAt: Scalars['DateTime']['output'];
  /** Resolved incidents, newest first (`first` 1 to 100, default 10). */
  incidentHistory: PublicIncidentHistory;
  /** Its logo and favicon (paths on this host), if set. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Maintenance in progress, then announced, touching this page's components. */
  maintenance: Array<PublicMaintenance>;
  organization: Scalars['String']['output'];
  /** Resolved outages of the last 90 days, newest first (at most 20). */
  recentOutages: Array<PublicOutage>;
  /** The worst of the components. */
  status: PublicPageStatus;
  title: Scalars['String']['output'];
};


export type PublicStatusPageIncidentHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What anyone may know of the organization whose host they are on (its login page names it). */
export type PublicTenant = {
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

export type Query = {
  /**
   * Public: what the acknowledge link `token` is about. An invalid or expired token is
   * `NOT_FOUND`.
   */
  acknowledgeLink: AcknowledgeLink;
  /** One channel; another organization's is `NOT_FOUND`. */
  alertChannel: AlertChannel;
  /** The organization's channels, oldest first. Viewers and above. */
  alertChannels: Array<AlertChannel>;
  /** A channel's deliveries, newest first, each with its attempts. */
  alertDeliveries: AlertDeliveryConnection;
  /** This organization's API keys, newest first. Owners and admins. */
  apiKeys: Array<ApiKey>;
  /** The organization's audit trail, newest first, `first` ≤ 100 per page. Owners and admins. */
  auditEvents: AuditEventConnection;
  /** The organization the caller (a user or an API key) acts in. */
  currentTenant: Tenant;
  /** Messages that failed their last attempt, the most recent first. Platform admins only. */
  deadEmails: OutboxEmailConnection;
  /** The organization's escalation policies, A to Z. Viewers and above. */
  escalationPolicies: Array<EscalationPolicy>;
  /** One policy; another organization's is `NOT_FOUND`. */
  escalationPolicy: EscalationPolicy;
  /**
   * The active organization whose host (`<slug>.<BASE_DOMAIN>`) this request came to, if any.
   * Needs no login.
   */
  hostTenant?: Maybe<PublicTenant>;
  /** Outages across this organization's monitors, newest first. */
  incidents: IncidentConnection;
  /**
   * The invitation behind a link's token, to show before accepting. Needs no login; an
   * unknown, used or expired token is `BAD_USER_INPUT` on `token`.
   */
  invitation: InvitationPreview;
  /** Invitations not yet accepted, revoked or expired. Owners and admins. */
  invitations: Array<Invitation>;
  /** This organization's maintenance windows, oldest first. */
  maintenanceWindows: Array<MaintenanceWindow>;
  /** The caller, their organization and role. */
  me: Me;
  /** The organization's members. Everyone in the organization. */
  members: Array<Member>;
  /** One monitor; another organization's is `NOT_FOUND`. */
  monitor: Monitor;
  /** Every monitor that depends on another or is depended on, and the edges between them. */
  monitorDependencyGraph: MonitorDependencyGraph;
  /** The tags this organization's monitors use, A to Z (at most 500). */
  monitorTags: Array<Scalars['String']['output']>;
  /** This organization's monitors, newest first, filtered by status, kind or text. */
  monitors: MonitorConnection;
  /** The active organizations you belong to (for switching between them), oldest first. */
  myOrganizations: Array<TenantOption>;
  /** Your signed-in sessions in every organization, newest first. */
  mySessions: Array<Session>;
  /** One outbox message by id. Platform admins only. */
  outboxEmail: OutboxEmail;
  /**
   * Renders the templates against a sample alert of `event` (Beacon's own wording where a
   * template is empty). A template that does not parse or render is a field error on
   * `titleTemplate` or `bodyTemplate` naming the problem and line.
   */
  previewAlertMessage: AlertMessagePreview;
  /**
   * The public status page at `slug` of the organization whose host this request came to
   * (the default page when `slug` is empty); null when there is none. Needs no login, shows
   * only public names, and is served from a cache a status change clears.
   *
   * A restricted page answers `STATUS_PAGE_LOCKED` (with `extensions.access`: `PASSWORD` or
   * `EMAIL_DOMAIN`, and `extensions.title`) unless `accessToken` is a grant for it from
   * `unlockStatusPage` or a mailed link.
   */
  publicStatusPage?: Maybe<PublicStatusPage>;
  /** Version information; needs no authentication. */
  serverInfo: ServerInfo;
  /** One incident; another organization's is `NOT_FOUND`. */
  statusIncident: StatusIncident;
  /** A page's incidents, newest first; `active` keeps only open (`true`) or resolved ones. */
  statusIncidents: StatusIncidentConnection;
  /** One page; another organization's is `NOT_FOUND`. */
  statusPage: StatusPage;
  /** A page's subscribers, newest first. Viewers and above. */
  statusPageSubscribers: StatusSubscriberConnection;
  /**
   * Every subscriber of a page as CSV (email, status, components, subscribed_at,
   * confirmed_at). Admins and owners.
   */
  statusPageSubscribersCsv: Scalars['String']['output'];
  /** This organization's status pages, the default one first. */
  statusPages: Array<StatusPage>;
  /**
   * The subscription a confirmation or unsubscribe link's token names, on the host of its
   * organization (null elsewhere, or for an unknown token): what the visitor is asked to
   * confirm or end.
   */
  statusSubscription?: Maybe<StatusSubscriptionView>;
  /** Every organization, newest first, optionally by status. Platform admins only. */
  tenants: TenantConnection;
};


export type QueryAcknowledgeLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryAlertChannelArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAlertDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  channelId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDeadEmailsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEscalationPolicyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IncidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvitationArgs = {
  token: Scalars['String']['input'];
};


export type QueryMonitorArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMonitorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MonitorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<MonitorOrder>;
};


export type QueryOutboxEmailArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPreviewAlertMessageArgs = {
  bodyTemplate?: InputMaybe<Scalars['String']['input']>;
  event?: AlertRouteEvent;
  titleTemplate?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPublicStatusPageArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  slug?: Scalars['String']['input'];
};


export type QueryStatusIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStatusIncidentsArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  pageId: Scalars['ID']['input'];
};


export type QueryStatusPageArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStatusPageSubscribersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  pageId: Scalars['ID']['input'];
};


export type QueryStatusPageSubscribersCsvArgs = {
  pageId: Scalars['ID']['input'];
};


export type QueryStatusSubscriptionArgs = {
  token: Scalars['String']['input'];
};


export type QueryTenantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TenantStatus>;
};

export type ResetPasswordInput = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};

/** A member's role: owner > admin > member > viewer. */
export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

export type SendTestEmailInput = {
  /** Where to send the test message. */
  to: Scalars['String']['input'];
};

/** Facts about the running Beacon server. */
export type ServerInfo = {
  /** Version of the GraphQL API contract; bumped on breaking changes. */
  apiVersion: Scalars['String']['output'];
  /** Organizations live at `<slug>.<baseDomain>`. */
  baseDomain: Scalars['String']['output'];
  /** Semantic version of the server build. */
  version: Scalars['String']['output'];
};

/** A signed-in browser or device. */
export type Session = {
  /** The session of this very browser. */
  current: Scalars['Boolean']['output'];
  /** The session (refresh-token family) id. */
  id: Scalars['ID']['output'];
  /** When its token was last issued (at login or the last refresh). */
  lastActiveAt: Scalars['DateTime']['output'];
  /** The organization it is bound to. */
  tenantSlug: Scalars['String']['output'];
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** A logged-in session. The refresh token is set as an HttpOnly cookie, never returned. */
export type SessionPayload = {
  accessToken: Scalars['String']['output'];
  /** Seconds until the access token expires; refresh before then. */
  expiresIn: Scalars['Int']['output'];
  role: Role;
  tenant: Tenant;
  user: User;
};

export type SignUpInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
  tenantName: Scalars['String']['input'];
  tenantSlug: Scalars['String']['input'];
};

export type SignUpPayload = {
  /** What to tell the user (the same whether or not the email was already registered). */
  message: Scalars['String']['output'];
  /** The organization's address, `<slug>.<BASE_DOMAIN>`. */
  tenantHost: Scalars['String']['output'];
};

/** An incident as its organization manages it. */
export type StatusIncident = {
  components: Array<AffectedComponent>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The worst impact on a component; null when it names none. */
  impact?: Maybe<IncidentImpact>;
  /** The detected outage it was published from. */
  outageId?: Maybe<Scalars['ID']['output']>;
  pageId: Scalars['ID']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: StatusIncidentStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Oldest first. */
  updates: Array<StatusIncidentUpdate>;
};

export type StatusIncidentConnection = {
  /** A list of edges. */
  edges: Array<StatusIncidentEdge>;
  /** A list of nodes. */
  nodes: Array<StatusIncident>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type StatusIncidentEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: StatusIncident;
};

export type StatusIncidentStatus =
  | 'IDENTIFIED'
  | 'INVESTIGATING'
  | 'MONITORING'
  | 'RESOLVED';

export type StatusIncidentUpdate = {
  createdAt: Scalars['DateTime']['output'];
  /** When its message was last corrected. */
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  status: StatusIncidentStatus;
};

export type StatusIncidentUpdateInput = {
  message: Scalars['String']['input'];
  status: StatusIncidentStatus;
};

/** A page as its organization manages it. */
export type StatusPage = {
  /** Who may see it. */
  access: StatusPageAccess;
  atomUrl: Scalars['String']['output'];
  /** Detected outages of its components are published as incidents without a click. */
  autoPublishOutages: Scalars['Boolean']['output'];
  components: Array<StatusPageComponent>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /** Custom domains serving this page. */
  domains: Array<CustomDomain>;
  faviconUrl?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Its logo and favicon (paths on its host), if set. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Its outages and maintenance as feeds. */
  rssUrl: Scalars['String']['output'];
  /** Empty for the default page at `/` of the organization's host; otherwise its path. */
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Where the public sees it. */
  url: Scalars['String']['output'];
};

/** Who may see a page (its password is never returned). */
export type StatusPageAccess = {
  emailDomains: Array<Scalars['String']['output']>;
  /** Whether a password is set (switching to `PASSWORD` then needs no new one). */
  hasPassword: Scalars['Boolean']['output'];
  mode: StatusPageAccessMode;
};

/** What opens a restricted page: pass `token` as `publicStatusPage(accessToken:)`. */
export type StatusPageAccessGrant = {
  expiresAt: Scalars['DateTime']['output'];
  token: Scalars['String']['output'];
};

export type StatusPageAccessInput = {
  /** For `EMAIL_DOMAIN`: domains such as `example.com` (at most 20). */
  emailDomains?: Array<Scalars['String']['input']>;
  mode: StatusPageAccessMode;
  /** A new password (8 to 128 characters); omit to keep the current one. */
  password?: InputMaybe<Scalars['String']['input']>;
};

export type StatusPageAccessMode =
  /** Visitors who open a link mailed to an address in one of `emailDomains`. */
  | 'EMAIL_DOMAIN'
  /** Visitors who give the page's password. */
  | 'PASSWORD'
  /** Anyone. */
  | 'PUBLIC';

/** A monitor on a page, under the name the public sees. */
export type StatusPageComponent = {
  /** Empty outside any group. */
  group: Scalars['String']['output'];
  /** The component's own id (not the monitor's): what its public badges are addressed by. */
  id: Scalars['ID']['output'];
  monitorId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  responseBadgeUrl: Scalars['String']['output'];
  /**
   * SVG badges for READMEs: current status, uptime over 30 days (`?days=1..90`), average
   * response time over the last day.
   */
  statusBadgeUrl: Scalars['String']['output'];
  uptimeBadgeUrl: Scalars['String']['output'];
};

export type StatusPageComponentInput = {
  group?: Scalars['String']['input'];
  monitorId: Scalars['ID']['input'];
  /** The name the public sees. */
  name: Scalars['String']['input'];
};

export type StatusPageImageKind =
  /** The browser tab's icon (up to 1024×1024). */
  | 'FAVICON'
  /** Shown in the page's header (up to 4096×4096). */
  | 'LOGO';

export type StatusPageInput = {
  /** Publish detected outages of its components as incidents without a click. */
  autoPublishOutages?: Scalars['Boolean']['input'];
  description?: Scalars['String']['input'];
  /** Empty for the default page at `/`; otherwise 1 to 40 of a-z 0-9 and '-'. */
  slug?: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/** A page's subscriber as the organization sees it. */
export type StatusSubscriber = {
  /** The components chosen; empty for all of them. */
  components: Array<SubscribedComponent>;
  /** Confirmed through the emailed link; only confirmed subscribers are mailed. */
  confirmed: Scalars['Boolean']['output'];
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

export type StatusSubscriberConnection = {
  /** A list of edges. */
  edges: Array<StatusSubscriberEdge>;
  /** A list of nodes. */
  nodes: Array<StatusSubscriber>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type StatusSubscriberEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: StatusSubscriber;
};

/** A subscription as the holder of its token sees it. */
export type StatusSubscriptionView = {
  /** Public names of the components chosen; empty for all of them. */
  components: Array<Scalars['String']['output']>;
  confirmed: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  /** The page's path on this host. */
  pagePath: Scalars['String']['output'];
  pageTitle: Scalars['String']['output'];
};

/** The same answer whatever the address's state (no enumeration). */
export type SubscribePayload = {
  message: Scalars['String']['output'];
};

export type SubscribedComponent = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Subscription = {
  /** Every completed check of one monitor. Another organization's monitor is `NOT_FOUND`. */
  checkCompleted: MonitorCheckEvent;
  /** Every status change of this organization's monitors (up, down, degraded), as it happens. */
  monitorStatusChanged: MonitorCheckEvent;
};


export type SubscriptionCheckCompletedArgs = {
  monitorId: Scalars['ID']['input'];
};

/** An organization. */
export type Tenant = {
  createdAt: Scalars['DateTime']['output'];
  /** `<slug>.<BASE_DOMAIN>`. */
  host: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  status: TenantStatus;
};

/** The user belongs to several organizations: log in again with one of these `tenantSlug`s. */
export type TenantChoicePayload = {
  tenants: Array<TenantOption>;
};

export type TenantConnection = {
  /** A list of edges. */
  edges: Array<TenantEdge>;
  /** A list of nodes. */
  nodes: Array<Tenant>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
};

/** An edge in a connection. */
export type TenantEdge = {
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Tenant;
};

/** An organization a user belongs to. */
export type TenantOption = {
  /** `<slug>.<BASE_DOMAIN>`, where its members log in. */
  host: Scalars['String']['output'];
  name: Scalars['String']['output'];
  role: Role;
  slug: Scalars['String']['output'];
};

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type TlsSettings = {
  host: Scalars['String']['output'];
  port: Scalars['Int']['output'];
  warnDays: Scalars['Int']['output'];
};

export type TlsSettingsInput = {
  host: Scalars['String']['input'];
  port?: Scalars['Int']['input'];
  warnDays?: Scalars['Int']['input'];
};

/**
 * Changes to a monitor; omitted fields keep their value. Settings replace the kind's settings
 * as a whole; the kind cannot change.
 */
export type UpdateMonitorInput = {
  degradedResponseMs?: InputMaybe<Scalars['Int']['input']>;
  dns?: InputMaybe<DnsSettingsInput>;
  failureThreshold?: InputMaybe<Scalars['Int']['input']>;
  failureWindowSeconds?: InputMaybe<Scalars['Int']['input']>;
  flapThreshold?: InputMaybe<Scalars['Int']['input']>;
  flapWindowSeconds?: InputMaybe<Scalars['Int']['input']>;
  heartbeat?: InputMaybe<HeartbeatSettingsInput>;
  http?: InputMaybe<HttpSettingsInput>;
  intervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  recoveryThreshold?: InputMaybe<Scalars['Int']['input']>;
  retryIntervalSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the tags; `[]` removes them all. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  tcp?: InputMaybe<HostPortInput>;
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  tls?: InputMaybe<TlsSettingsInput>;
};

/** A window for uptime and latency. */
export type UptimePeriod =
  /** The last 24 hours. */
  | 'DAY'
  /** The last 30 days. */
  | 'MONTH'
  /** The last 90 days. */
  | 'QUARTER'
  /** The last 7 days. */
  | 'WEEK';

/**
 * Checks and latency over a window, from the hourly rollups. Percentiles are upper bounds of
 * latency buckets (10, 25, 50, 100, 200, 300, 500, 750 ms, 1, 1.5, 2, 3, 5, 10, 30 s).
 */
export type UptimeStats = {
  averageMs?: Maybe<Scalars['Float']['output']>;
  checks: Scalars['Int']['output'];
  degraded: Scalars['Int']['output'];
  failures: Scalars['Int']['output'];
  p50Ms?: Maybe<Scalars['Int']['output']>;
  p95Ms?: Maybe<Scalars['Int']['output']>;
  p99Ms?: Maybe<Scalars['Int']['output']>;
  /** Successful (up or degraded) checks in percent; null without checks. */
  uptimePercent?: Maybe<Scalars['Float']['output']>;
};

export type User = {
  email: Scalars['String']['output'];
  emailVerified: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type VerifyEmailPayload = {
  /** It already was: the link had been used before. */
  alreadyVerified: Scalars['Boolean']['output'];
  /** The address is verified. */
  verified: Scalars['Boolean']['output'];
};

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type WeeklyInput = {
  days: Array<Weekday>;
  durationMinutes: Scalars['Int']['input'];
  /** `HH:MM` in the window's time zone. */
  startTime: Scalars['String']['input'];
};

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role, user: { email: string, name: string }, tenant: { slug: string, name: string, host: string } } };

export type MyOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationsQuery = { myOrganizations: Array<{ slug: string, name: string, role: Role, host: string }> };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, lastActiveAt: any, userAgent?: string | null, tenantSlug: string, current: boolean }> };

export type LogOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutEverywhereMutation = { logOutEverywhere: number };

export type RevokeSessionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type AcknowledgeLinkQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type AcknowledgeLinkQuery = { acknowledgeLink: { monitorName: string, organizationName: string, openedAt: any, resolvedAt?: any | null, acknowledgedAt?: any | null, acknowledgedBy?: string | null } };

export type AcknowledgeWithLinkMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type AcknowledgeWithLinkMutation = { acknowledgeWithLink: { monitorName: string, organizationName: string, openedAt: any, resolvedAt?: any | null, acknowledgedAt?: any | null, acknowledgedBy?: string | null } };

export type AlertChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertChannelsQuery = { alertChannels: Array<{ id: string, name: string, kind: AlertChannelKind, url?: string | null, recipient?: string | null, addresses: Array<string>, hasSecret: boolean, createdAt: any, routing: { allMonitors: boolean, monitorIds: Array<string>, tags: Array<string>, events: Array<AlertRouteEvent> } }> };

export type AlertChannelQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AlertChannelQuery = { alertChannel: { id: string, name: string, kind: AlertChannelKind, url?: string | null, recipient?: string | null, priority?: number | null, addresses: Array<string>, hasSecret: boolean, previousSecretValidUntil?: any | null, titleTemplate?: string | null, bodyTemplate?: string | null, createdAt: any, updatedAt: any, routing: { allMonitors: boolean, monitorIds: Array<string>, tags: Array<string>, events: Array<AlertRouteEvent> } } };

export type AlertDeliveriesQueryVariables = Exact<{
  channelId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AlertDeliveriesQuery = { alertDeliveries: { nodes: Array<{ id: string, event: AlertDeliveryEvent, type: string, status: AlertDeliveryStatus, monitorId?: string | null, attempts: number, maxAttempts: number, lastStatusCode?: number | null, lastError?: string | null, nextAttemptAt?: any | null, deliveredAt?: any | null, createdAt: any, attemptLog: Array<{ attempt: number, statusCode?: number | null, error?: string | null, durationMs: number, at: any }> }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type CreateAlertChannelMutationVariables = Exact<{
  input: AlertChannelInput;
}>;


export type CreateAlertChannelMutation = { createAlertChannel: { signingSecret?: string | null, channel: { id: string, name: string, kind: AlertChannelKind } } };

export type UpdateAlertChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: AlertChannelInput;
}>;


export type UpdateAlertChannelMutation = { updateAlertChannel: { id: string, name: string, url?: string | null, recipient?: string | null, priority?: number | null, addresses: Array<string>, hasSecret: boolean, titleTemplate?: string | null, bodyTemplate?: string | null, updatedAt: any } };

export type PreviewAlertMessageQueryVariables = Exact<{
  titleTemplate?: InputMaybe<Scalars['String']['input']>;
  bodyTemplate?: InputMaybe<Scalars['String']['input']>;
  event: AlertRouteEvent;
}>;


export type PreviewAlertMessageQuery = { previewAlertMessage: { title: string, body: string } };

export type DeleteAlertChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteAlertChannelMutation = { deleteAlertChannel: string };

export type RotateAlertChannelSigningSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateAlertChannelSigningSecretMutation = { rotateAlertChannelSigningSecret: { signingSecret?: string | null, channel: { id: string, previousSecretValidUntil?: any | null } } };

export type SetAlertChannelRoutingMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: AlertRoutingInput;
}>;


export type SetAlertChannelRoutingMutation = { setAlertChannelRouting: { id: string, routing: { allMonitors: boolean, monitorIds: Array<string>, tags: Array<string>, events: Array<AlertRouteEvent> } } };

export type TestAlertChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TestAlertChannelMutation = { testAlertChannel: { id: string, status: AlertDeliveryStatus } };

export type RequeueAlertDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RequeueAlertDeliveryMutation = { requeueAlertDelivery: { id: string, status: AlertDeliveryStatus } };

export type AlertMonitorOptionsQueryVariables = Exact<{
  text?: InputMaybe<Scalars['String']['input']>;
}>;


export type AlertMonitorOptionsQuery = { monitors: { nodes: Array<{ id: string, name: string, target: string }>, pageInfo: { hasNextPage: boolean } } };

export type AlertMonitorNameQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AlertMonitorNameQuery = { monitor: { id: string, name: string } };

export type AlertMonitorTagsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertMonitorTagsQuery = { monitorTags: Array<string> };

export type EscalationPoliciesQueryVariables = Exact<{ [key: string]: never; }>;


export type EscalationPoliciesQuery = { escalationPolicies: Array<{ id: string, name: string, repeatEveryMinutes: number, monitorCount: number, updatedAt: any, steps: Array<{ waitMinutes: number, channels: Array<{ id: string, name: string, kind: AlertChannelKind }> }> }> };

export type EscalationPolicyQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EscalationPolicyQuery = { escalationPolicy: { id: string, name: string, repeatEveryMinutes: number, monitorCount: number, createdAt: any, updatedAt: any, steps: Array<{ waitMinutes: number, channels: Array<{ id: string, name: string, kind: AlertChannelKind }> }> } };

export type CreateEscalationPolicyMutationVariables = Exact<{
  input: EscalationPolicyInput;
}>;


export type CreateEscalationPolicyMutation = { createEscalationPolicy: { id: string, name: string } };

export type UpdateEscalationPolicyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: EscalationPolicyInput;
}>;


export type UpdateEscalationPolicyMutation = { updateEscalationPolicy: { id: string, name: string, repeatEveryMinutes: number, monitorCount: number, createdAt: any, updatedAt: any, steps: Array<{ waitMinutes: number, channels: Array<{ id: string, name: string, kind: AlertChannelKind }> }> } };

export type DeleteEscalationPolicyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteEscalationPolicyMutation = { deleteEscalationPolicy: { id: string, name: string } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, key: { id: string, name: string, prefix: string, scope: ApiKeyScope, createdAt: any } } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scope: ApiKeyScope, createdAt: any, lastUsedAt?: any | null, revokedAt?: any | null }> };

export type RevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt?: any | null } };

export type AuditEventsQueryVariables = Exact<{
  filter?: InputMaybe<AuditFilter>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsQuery = { auditEvents: { pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, action: string, entityType: string, entityId?: string | null, actorUserId?: string | null, actorApiKeyId?: string | null, actorName: string, requestId: string, clientIp: string, changes: string, createdAt: any }> } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { __typename: 'SessionPayload', accessToken: string, expiresIn: number, role: Role, user: { id: string, email: string, name: string, emailVerified: boolean }, tenant: { id: string, slug: string, name: string, host: string } } | { __typename: 'TenantChoicePayload', tenants: Array<{ slug: string, name: string, role: Role, host: string }> } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { logOut: boolean };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, expiresIn: number, role: Role, user: { id: string, email: string, name: string, emailVerified: boolean }, tenant: { id: string, slug: string, name: string, host: string } } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResendVerificationEmailMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type ResendVerificationEmailMutation = { resendVerificationEmail: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { message: string, tenantHost: string } };

export type VerifyEmailMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type VerifyEmailMutation = { verifyEmail: { verified: boolean, alreadyVerified: boolean } };

export type AcknowledgeIncidentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcknowledgeIncidentMutation = { acknowledgeIncident: { id: string, acknowledgedAt?: any | null, acknowledgedBy?: string | null } };

export type IncidentsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IncidentFilter>;
}>;


export type IncidentsQuery = { incidents: { nodes: Array<{ id: string, monitorId: string, monitorName: string, openedAt: any, resolvedAt?: any | null, durationSeconds?: number | null, cause: string, suppressed: boolean, acknowledgedAt?: any | null, acknowledgedBy?: string | null, timeline: Array<{ at: any, kind: IncidentEventKind, message: string }>, causedBy?: { id: string, monitorId: string, monitorName: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type PublishPageOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishPageOptionsQuery = { statusPages: Array<{ id: string, title: string, url: string, components: Array<{ monitorId: string }> }> };

export type PublishOutageMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  outageId: Scalars['ID']['input'];
}>;


export type PublishOutageMutation = { publishOutage: { id: string, pageId: string, title: string } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { tenantSlug: string, role: Role } };

export type InvitationQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type InvitationQuery = { invitation: { email: string, role: Role, tenantName: string, tenantSlug: string, inviterName?: string | null, existingAccount: boolean, expiresAt: any } };

export type MaintenanceWindowsQueryVariables = Exact<{ [key: string]: never; }>;


export type MaintenanceWindowsQuery = { maintenanceWindows: Array<{ id: string, name: string, monitorId?: string | null, tag?: string | null, startsAt?: any | null, endsAt?: any | null, cron?: string | null, durationMinutes?: number | null, timeZone: string, activeNow: boolean, nextStart?: any | null, createdAt: any }> };

export type MaintenanceMonitorOptionsQueryVariables = Exact<{
  text?: InputMaybe<Scalars['String']['input']>;
}>;


export type MaintenanceMonitorOptionsQuery = { monitors: { nodes: Array<{ id: string, name: string }>, pageInfo: { hasNextPage: boolean } } };

export type MaintenanceTagOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MaintenanceTagOptionsQuery = { monitorTags: Array<string> };

export type MaintenanceMonitorNameQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MaintenanceMonitorNameQuery = { monitor: { id: string, name: string } };

export type CreateMaintenanceWindowMutationVariables = Exact<{
  input: CreateMaintenanceWindowInput;
}>;


export type CreateMaintenanceWindowMutation = { createMaintenanceWindow: { id: string, name: string } };

export type DeleteMaintenanceWindowMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteMaintenanceWindowMutation = { deleteMaintenanceWindow: { id: string, name: string } };

export type MonitorDependencyGraphQueryVariables = Exact<{ [key: string]: never; }>;


export type MonitorDependencyGraphQuery = { monitorDependencyGraph: { monitors: Array<{ id: string, name: string, status: MonitorStatus, dependencyDown: boolean }>, dependencies: Array<{ monitorId: string, dependsOnId: string }> } };

export type SetMonitorDependenciesMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  dependsOn: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type SetMonitorDependenciesMutation = { setMonitorDependencies: { id: string, dependencyDown: boolean, dependsOn: Array<{ id: string, name: string, status: MonitorStatus, dependencyDown: boolean }> } };

export type DependencyMonitorOptionsQueryVariables = Exact<{
  text?: InputMaybe<Scalars['String']['input']>;
}>;


export type DependencyMonitorOptionsQuery = { monitors: { nodes: Array<{ id: string, name: string, target: string, status: MonitorStatus }>, pageInfo: { hasNextPage: boolean } } };

export type MonitorEscalationOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MonitorEscalationOptionsQuery = { escalationPolicies: Array<{ id: string, name: string }> };

export type SetMonitorEscalationPolicyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  policyId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SetMonitorEscalationPolicyMutation = { setMonitorEscalationPolicy: { id: string, escalationPolicy?: { id: string, name: string } | null } };

export type AcknowledgeMonitorIncidentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcknowledgeMonitorIncidentMutation = { acknowledgeIncident: { id: string, acknowledgedAt?: any | null, acknowledgedBy?: string | null } };

export type MonitorSettingsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MonitorSettingsQuery = { monitor: { id: string, name: string, kind: MonitorKind, tags: Array<string>, intervalSeconds: number, timeoutSeconds: number, retryIntervalSeconds: number, failureThreshold: number, recoveryThreshold: number, failureWindowSeconds: number, flapThreshold: number, flapWindowSeconds: number, degradedResponseMs: number, http?: { url: string, method: string, body?: string | null, expectedStatus: Array<string>, followRedirects: boolean, verifyTls: boolean, keyword?: string | null, keywordAbsent: boolean, jsonPath?: string | null, jsonComparison?: string | null, jsonValue?: string | null, tlsWarnDays: number, headers: Array<{ name: string, value: string }> } | null, tcp?: { host: string, port: number } | null, dns?: { name: string, recordType: string, expected?: string | null } | null, tls?: { host: string, port: number, warnDays: number } | null, heartbeat?: { graceSeconds: number, cron?: string | null, timeZone?: string | null } | null } };

export type MonitorTagsQueryVariables = Exact<{ [key: string]: never; }>;


export type MonitorTagsQuery = { monitorTags: Array<string> };

export type MonitorQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MonitorQuery = { monitor: { id: string, name: string, kind: MonitorKind, target: string, status: MonitorStatus, tags: Array<string>, intervalSeconds: number, timeoutSeconds: number, failureThreshold: number, recoveryThreshold: number, failureWindowSeconds: number, degradedResponseMs: number, flapThreshold: number, flapWindowSeconds: number, flappingSince?: any | null, lastCheckedAt?: any | null, lastDurationMs?: number | null, lastError?: string | null, statusChangedAt?: any | null, nextCheckAt: any, lastPingAt?: any | null, createdAt: any, pingUrl?: string | null, inMaintenance: boolean, dependencyDown: boolean, escalationPolicy?: { id: string, name: string } | null, heartbeat?: { graceSeconds: number, cron?: string | null, timeZone?: string | null } | null, dependsOn: Array<{ id: string, name: string, status: MonitorStatus, dependencyDown: boolean }>, dependents: Array<{ id: string, name: string, status: MonitorStatus, dependencyDown: boolean }>, day: { checks: number, failures: number, uptimePercent?: number | null, p50Ms?: number | null, p95Ms?: number | null }, week: { checks: number, failures: number, uptimePercent?: number | null, p50Ms?: number | null, p95Ms?: number | null }, month: { checks: number, failures: number, uptimePercent?: number | null, p50Ms?: number | null, p95Ms?: number | null }, quarter: { checks: number, failures: number, uptimePercent?: number | null, p50Ms?: number | null, p95Ms?: number | null }, dailyUptime: Array<{ date: any, stats: { checks: number, failures: number, uptimePercent?: number | null } }>, recentChecks: Array<{ id: string, checkedAt: any, status: CheckStatus, durationMs: number, dnsMs?: number | null, connectMs?: number | null, tlsMs?: number | null, firstByteMs?: number | null, statusCode?: number | null, error?: string | null }>, incidents: Array<{ id: string, openedAt: any, resolvedAt?: any | null, cause: string, suppressed: boolean, acknowledgedAt?: any | null, acknowledgedBy?: string | null, timeline: Array<{ at: any, kind: IncidentEventKind, message: string }>, causedBy?: { id: string, monitorId: string, monitorName: string } | null }> } };

export type MonitorsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MonitorFilter>;
  orderBy?: InputMaybe<MonitorOrder>;
}>;


export type MonitorsQuery = { monitors: { nodes: Array<{ id: string, name: string, kind: MonitorKind, target: string, status: MonitorStatus, dependencyDown: boolean, tags: Array<string>, intervalSeconds: number, lastCheckedAt?: any | null, lastDurationMs?: number | null, lastError?: string | null, lastPingAt?: any | null, latencyTrend: Array<number | null>, uptime: { uptimePercent?: number | null } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type CreateMonitorMutationVariables = Exact<{
  input: CreateMonitorInput;
}>;


export type CreateMonitorMutation = { createMonitor: { id: string, name: string } };

export type UpdateMonitorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateMonitorInput;
}>;


export type UpdateMonitorMutation = { updateMonitor: { id: string, name: string } };

export type PauseMonitorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PauseMonitorMutation = { pauseMonitor: { id: string, status: MonitorStatus } };

export type ResumeMonitorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResumeMonitorMutation = { resumeMonitor: { id: string, status: MonitorStatus } };

export type DuplicateMonitorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DuplicateMonitorMutation = { duplicateMonitor: { id: string, name: string } };

export type DeleteMonitorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteMonitorMutation = { deleteMonitor: { id: string, name: string } };

export type ServerInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerInfoQuery = { serverInfo: { version: string, apiVersion: string } };

export type PublicIncidentFieldsFragment = { id: string, title: string, status: StatusIncidentStatus, impact?: IncidentImpact | null, startedAt: any, resolvedAt?: any | null, updatedAt: any, components: Array<{ name: string, impact: IncidentImpact }>, updates: Array<{ status: StatusIncidentStatus, message: string, createdAt: any }> } & { ' $fragmentName'?: 'PublicIncidentFieldsFragment' };

export type PublicStatusPageQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  accessToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type PublicStatusPageQuery = { publicStatusPage?: { organization: string, title: string, description: string, logoUrl?: string | null, faviconUrl?: string | null, status: PublicPageStatus, generatedAt: any, components: Array<{ id: string, name: string, group: string, status: PublicComponentStatus, uptimePercent?: number | null, responseMs: Array<number | null>, days: Array<{ date: any, uptimePercent?: number | null, downtimeSeconds: number, outages: number, incidents: Array<string> }> }>, activeIncidents: Array<{ ' $fragmentRefs'?: { 'PublicIncidentFieldsFragment': PublicIncidentFieldsFragment } }>, incidentHistory: { hasNextPage: boolean, endCursor?: string | null, incidents: Array<{ ' $fragmentRefs'?: { 'PublicIncidentFieldsFragment': PublicIncidentFieldsFragment } }> }, activeOutages: Array<{ components: Array<string>, startedAt: any, resolvedAt?: any | null }>, recentOutages: Array<{ components: Array<string>, startedAt: any, resolvedAt?: any | null }>, maintenance: Array<{ name: string, components: Array<string>, startsAt: any, endsAt: any, active: boolean }> } | null };

export type PublicIncidentHistoryQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  accessToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type PublicIncidentHistoryQuery = { publicStatusPage?: { incidentHistory: { hasNextPage: boolean, endCursor?: string | null, incidents: Array<{ ' $fragmentRefs'?: { 'PublicIncidentFieldsFragment': PublicIncidentFieldsFragment } }> } } | null };

export type StatusPageMonitorOptionsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<MonitorFilter>;
}>;


export type StatusPageMonitorOptionsQuery = { monitors: { nodes: Array<{ id: string, name: string, target: string, status: MonitorStatus }>, pageInfo: { hasNextPage: boolean } } };

export type UnlockStatusPageMutationVariables = Exact<{
  slug: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type UnlockStatusPageMutation = { unlockStatusPage: { token: string, expiresAt: any } };

export type RequestStatusPageAccessMutationVariables = Exact<{
  slug: Scalars['String']['input'];
  email: Scalars['String']['input'];
}>;


export type RequestStatusPageAccessMutation = { requestStatusPageAccess: { message: string } };

export type StatusIncidentFieldsFragment = { id: string, pageId: string, title: string, status: StatusIncidentStatus, impact?: IncidentImpact | null, outageId?: string | null, startedAt: any, resolvedAt?: any | null, createdAt: any, updatedAt: any, components: Array<{ componentId: string, name: string, impact: IncidentImpact }>, updates: Array<{ id: string, status: StatusIncidentStatus, message: string, createdAt: any, editedAt?: any | null }> } & { ' $fragmentName'?: 'StatusIncidentFieldsFragment' };

export type StatusIncidentsQueryVariables = Exact<{
  pageId: Scalars['ID']['input'];
  active?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StatusIncidentsQuery = { statusIncidents: { nodes: Array<{ id: string, title: string, status: StatusIncidentStatus, impact?: IncidentImpact | null, outageId?: string | null, startedAt: any, resolvedAt?: any | null, updatedAt: any, components: Array<{ componentId: string, name: string, impact: IncidentImpact }> }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type StatusIncidentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StatusIncidentQuery = { statusIncident: { ' $fragmentRefs'?: { 'StatusIncidentFieldsFragment': StatusIncidentFieldsFragment } } };

export type CreateStatusIncidentMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  input: CreateStatusIncidentInput;
}>;


export type CreateStatusIncidentMutation = { createStatusIncident: { ' $fragmentRefs'?: { 'StatusIncidentFieldsFragment': StatusIncidentFieldsFragment } } };

export type PostStatusIncidentUpdateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: StatusIncidentUpdateInput;
}>;


export type PostStatusIncidentUpdateMutation = { postStatusIncidentUpdate: { ' $fragmentRefs'?: { 'StatusIncidentFieldsFragment': StatusIncidentFieldsFragment } } };

export type EditStatusIncidentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: EditStatusIncidentInput;
}>;


export type EditStatusIncidentMutation = { editStatusIncident: { ' $fragmentRefs'?: { 'StatusIncidentFieldsFragment': StatusIncidentFieldsFragment } } };

export type EditStatusIncidentUpdateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  message: Scalars['String']['input'];
}>;


export type EditStatusIncidentUpdateMutation = { editStatusIncidentUpdate: { ' $fragmentRefs'?: { 'StatusIncidentFieldsFragment': StatusIncidentFieldsFragment } } };

export type DeleteStatusIncidentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteStatusIncidentMutation = { deleteStatusIncident: string };

export type StatusPagesQueryVariables = Exact<{ [key: string]: never; }>;


export type StatusPagesQuery = { statusPages: Array<{ id: string, slug: string, title: string, url: string, updatedAt: any, components: Array<{ monitorId: string }>, access: { mode: StatusPageAccessMode } }> };

export type StatusPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StatusPageQuery = { statusPage: { id: string, slug: string, title: string, description: string, autoPublishOutages: boolean, url: string, logoUrl?: string | null, faviconUrl?: string | null, createdAt: any, updatedAt: any, components: Array<{ id: string, monitorId: string, name: string, group: string }>, domains: Array<{ id: string, hostname: string, verified: boolean, verifiedAt?: any | null, dnsRecords: Array<{ type: string, name: string, value: string }> }>, access: { mode: StatusPageAccessMode, emailDomains: Array<string>, hasPassword: boolean } } };

export type CreateStatusPageMutationVariables = Exact<{
  input: StatusPageInput;
}>;


export type CreateStatusPageMutation = { createStatusPage: { id: string, title: string, url: string } };

export type UpdateStatusPageMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: StatusPageInput;
}>;


export type UpdateStatusPageMutation = { updateStatusPage: { id: string, slug: string, title: string, description: string, autoPublishOutages: boolean, url: string, updatedAt: any } };

export type SetStatusPageComponentsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  components: Array<StatusPageComponentInput> | StatusPageComponentInput;
}>;


export type SetStatusPageComponentsMutation = { setStatusPageComponents: { id: string, updatedAt: any, components: Array<{ id: string, monitorId: string, name: string, group: string }> } };

export type DeleteStatusPageMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteStatusPageMutation = { deleteStatusPage: { id: string, title: string } };

export type AddCustomDomainMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  hostname: Scalars['String']['input'];
}>;


export type AddCustomDomainMutation = { addCustomDomain: { id: string, hostname: string } };

export type VerifyCustomDomainMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VerifyCustomDomainMutation = { verifyCustomDomain: { id: string, hostname: string, verified: boolean } };

export type RemoveCustomDomainMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveCustomDomainMutation = { removeCustomDomain: { id: string, hostname: string } };

export type SetStatusPageImageMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  kind: StatusPageImageKind;
  file: Scalars['Upload']['input'];
}>;


export type SetStatusPageImageMutation = { setStatusPageImage: { id: string, logoUrl?: string | null, faviconUrl?: string | null, updatedAt: any } };

export type RemoveStatusPageImageMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  kind: StatusPageImageKind;
}>;


export type RemoveStatusPageImageMutation = { removeStatusPageImage: { id: string, logoUrl?: string | null, faviconUrl?: string | null, updatedAt: any } };

export type SetStatusPageAccessMutationVariables = Exact<{
  pageId: Scalars['ID']['input'];
  input: StatusPageAccessInput;
}>;


export type SetStatusPageAccessMutation = { setStatusPageAccess: { id: string, title: string, updatedAt: any, access: { mode: StatusPageAccessMode, emailDomains: Array<string>, hasPassword: boolean } } };

export type SubscribeToStatusPageMutationVariables = Exact<{
  slug: Scalars['String']['input'];
  email: Scalars['String']['input'];
  componentIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  accessToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type SubscribeToStatusPageMutation = { subscribeToStatusPage: { message: string } };

export type StatusSubscriptionQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type StatusSubscriptionQuery = { statusSubscription?: { pageTitle: string, pagePath: string, email: string, confirmed: boolean, components: Array<string> } | null };

export type ConfirmStatusSubscriptionMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type ConfirmStatusSubscriptionMutation = { confirmStatusSubscription: boolean };

export type UnsubscribeFromStatusPageMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type UnsubscribeFromStatusPageMutation = { unsubscribeFromStatusPage: boolean };

export type StatusPageSubscribersQueryVariables = Exact<{
  pageId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StatusPageSubscribersQuery = { statusPageSubscribers: { pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, email: string, confirmed: boolean, confirmedAt?: any | null, createdAt: any, components: Array<{ id: string, name: string }> }> } };

export type StatusPageSubscribersCsvQueryVariables = Exact<{
  pageId: Scalars['ID']['input'];
}>;


export type StatusPageSubscribersCsvQuery = { statusPageSubscribersCsv: string };

export type RemoveStatusPageSubscriberMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveStatusPageSubscriberMutation = { removeStatusPageSubscriber: string };

export type ChangeMemberRoleMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  role: Role;
}>;


export type ChangeMemberRoleMutation = { changeMemberRole: { role: Role } };

export type InvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationsQuery = { invitations: Array<{ id: string, email: string, role: Role, createdAt: any, expiresAt: any }> };

export type MembersQueryVariables = Exact<{ [key: string]: never; }>;


export type MembersQuery = { members: Array<{ role: Role, joinedAt: any, user: { id: string, email: string, name: string } }> };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { inviteMember: { id: string, email: string, role: Role } };

export type RemoveMemberMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { removeMember: boolean };

export type RevokeInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeInvitationMutation = { revokeInvitation: boolean };

export type HostContextQueryVariables = Exact<{ [key: string]: never; }>;


export type HostContextQuery = { serverInfo: { baseDomain: string }, hostTenant?: { slug: string, name: string } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PublicIncidentFieldsFragmentDoc = new TypedDocumentString(`
    fragment PublicIncidentFields on PublicIncident {
  id
  title
  status
  impact
  components {
    name
    impact
  }
  updates {
    status
    message
    createdAt
  }
  startedAt
  resolvedAt
  updatedAt
}
    `, {"fragmentName":"PublicIncidentFields"}) as unknown as TypedDocumentString<PublicIncidentFieldsFragment, unknown>;
export const StatusIncidentFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatusIncidentFields on StatusIncident {
  id
  pageId
  title
  status
  impact
  components {
    componentId
    name
    impact
  }
  updates {
    id
    status
    message
    createdAt
    editedAt
  }
  outageId
  startedAt
  resolvedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"StatusIncidentFields"}) as unknown as TypedDocumentString<StatusIncidentFieldsFragment, unknown>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    user {
      email
      name
    }
    tenant {
      slug
      name
      host
    }
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MyOrganizationsDocument = new TypedDocumentString(`
    query MyOrganizations {
  myOrganizations {
    slug
    name
    role
    host
  }
}
    `) as unknown as TypedDocumentString<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    lastActiveAt
    userAgent
    tenantSlug
    current
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const LogOutEverywhereDocument = new TypedDocumentString(`
    mutation LogOutEverywhere {
  logOutEverywhere
}
    `) as unknown as TypedDocumentString<LogOutEverywhereMutation, LogOutEverywhereMutationVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const AcknowledgeLinkDocument = new TypedDocumentString(`
    query AcknowledgeLink($token: String!) {
  acknowledgeLink(token: $token) {
    monitorName
    organizationName
    openedAt
    resolvedAt
    acknowledgedAt
    acknowledgedBy
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeLinkQuery, AcknowledgeLinkQueryVariables>;
export const AcknowledgeWithLinkDocument = new TypedDocumentString(`
    mutation AcknowledgeWithLink($token: String!) {
  acknowledgeWithLink(token: $token) {
    monitorName
    organizationName
    openedAt
    resolvedAt
    acknowledgedAt
    acknowledgedBy
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeWithLinkMutation, AcknowledgeWithLinkMutationVariables>;
export const AlertChannelsDocument = new TypedDocumentString(`
    query AlertChannels {
  alertChannels {
    id
    name
    kind
    url
    recipient
    addresses
    hasSecret
    routing {
      allMonitors
      monitorIds
      tags
      events
    }
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AlertChannelsQuery, AlertChannelsQueryVariables>;
export const AlertChannelDocument = new TypedDocumentString(`
    query AlertChannel($id: ID!) {
  alertChannel(id: $id) {
    id
    name
    kind
    url
    recipient
    priority
    addresses
    hasSecret
    previousSecretValidUntil
    titleTemplate
    bodyTemplate
    routing {
      allMonitors
      monitorIds
      tags
      events
    }
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<AlertChannelQuery, AlertChannelQueryVariables>;
export const AlertDeliveriesDocument = new TypedDocumentString(`
    query AlertDeliveries($channelId: ID!, $first: Int, $after: String) {
  alertDeliveries(channelId: $channelId, first: $first, after: $after) {
    nodes {
      id
      event
      type
      status
      monitorId
      attempts
      maxAttempts
      lastStatusCode
      lastError
      nextAttemptAt
      deliveredAt
      createdAt
      attemptLog {
        attempt
        statusCode
        error
        durationMs
        at
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AlertDeliveriesQuery, AlertDeliveriesQueryVariables>;
export const CreateAlertChannelDocument = new TypedDocumentString(`
    mutation CreateAlertChannel($input: AlertChannelInput!) {
  createAlertChannel(input: $input) {
    channel {
      id
      name
      kind
    }
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<CreateAlertChannelMutation, CreateAlertChannelMutationVariables>;
export const UpdateAlertChannelDocument = new TypedDocumentString(`
    mutation UpdateAlertChannel($id: ID!, $input: AlertChannelInput!) {
  updateAlertChannel(id: $id, input: $input) {
    id
    name
    url
    recipient
    priority
    addresses
    hasSecret
    titleTemplate
    bodyTemplate
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateAlertChannelMutation, UpdateAlertChannelMutationVariables>;
export const PreviewAlertMessageDocument = new TypedDocumentString(`
    query PreviewAlertMessage($titleTemplate: String, $bodyTemplate: String, $event: AlertRouteEvent!) {
  previewAlertMessage(
    titleTemplate: $titleTemplate
    bodyTemplate: $bodyTemplate
    event: $event
  ) {
    title
    body
  }
}
    `) as unknown as TypedDocumentString<PreviewAlertMessageQuery, PreviewAlertMessageQueryVariables>;
export const DeleteAlertChannelDocument = new TypedDocumentString(`
    mutation DeleteAlertChannel($id: ID!) {
  deleteAlertChannel(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteAlertChannelMutation, DeleteAlertChannelMutationVariables>;
export const RotateAlertChannelSigningSecretDocument = new TypedDocumentString(`
    mutation RotateAlertChannelSigningSecret($id: ID!) {
  rotateAlertChannelSigningSecret(id: $id) {
    channel {
      id
      previousSecretValidUntil
    }
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<RotateAlertChannelSigningSecretMutation, RotateAlertChannelSigningSecretMutationVariables>;
export const SetAlertChannelRoutingDocument = new TypedDocumentString(`
    mutation SetAlertChannelRouting($id: ID!, $input: AlertRoutingInput!) {
  setAlertChannelRouting(id: $id, input: $input) {
    id
    routing {
      allMonitors
      monitorIds
      tags
      events
    }
  }
}
    `) as unknown as TypedDocumentString<SetAlertChannelRoutingMutation, SetAlertChannelRoutingMutationVariables>;
export const TestAlertChannelDocument = new TypedDocumentString(`
    mutation TestAlertChannel($id: ID!) {
  testAlertChannel(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<TestAlertChannelMutation, TestAlertChannelMutationVariables>;
export const RequeueAlertDeliveryDocument = new TypedDocumentString(`
    mutation RequeueAlertDelivery($id: ID!) {
  requeueAlertDelivery(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequeueAlertDeliveryMutation, RequeueAlertDeliveryMutationVariables>;
export const AlertMonitorOptionsDocument = new TypedDocumentString(`
    query AlertMonitorOptions($text: String) {
  monitors(first: 100, filter: {text: $text}) {
    nodes {
      id
      name
      target
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<AlertMonitorOptionsQuery, AlertMonitorOptionsQueryVariables>;
export const AlertMonitorNameDocument = new TypedDocumentString(`
    query AlertMonitorName($id: ID!) {
  monitor(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AlertMonitorNameQuery, AlertMonitorNameQueryVariables>;
export const AlertMonitorTagsDocument = new TypedDocumentString(`
    query AlertMonitorTags {
  monitorTags
}
    `) as unknown as TypedDocumentString<AlertMonitorTagsQuery, AlertMonitorTagsQueryVariables>;
export const EscalationPoliciesDocument = new TypedDocumentString(`
    query EscalationPolicies {
  escalationPolicies {
    id
    name
    steps {
      waitMinutes
      channels {
        id
        name
        kind
      }
    }
    repeatEveryMinutes
    monitorCount
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<EscalationPoliciesQuery, EscalationPoliciesQueryVariables>;
export const EscalationPolicyDocument = new TypedDocumentString(`
    query EscalationPolicy($id: ID!) {
  escalationPolicy(id: $id) {
    id
    name
    steps {
      waitMinutes
      channels {
        id
        name
        kind
      }
    }
    repeatEveryMinutes
    monitorCount
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<EscalationPolicyQuery, EscalationPolicyQueryVariables>;
export const CreateEscalationPolicyDocument = new TypedDocumentString(`
    mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {
  createEscalationPolicy(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateEscalationPolicyMutation, CreateEscalationPolicyMutationVariables>;
export const UpdateEscalationPolicyDocument = new TypedDocumentString(`
    mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {
  updateEscalationPolicy(id: $id, input: $input) {
    id
    name
    steps {
      waitMinutes
      channels {
        id
        name
        kind
      }
    }
    repeatEveryMinutes
    monitorCount
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateEscalationPolicyMutation, UpdateEscalationPolicyMutationVariables>;
export const DeleteEscalationPolicyDocument = new TypedDocumentString(`
    mutation DeleteEscalationPolicy($id: ID!) {
  deleteEscalationPolicy(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DeleteEscalationPolicyMutation, DeleteEscalationPolicyMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    key {
      id
      name
      prefix
      scope
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    id
    name
    prefix
    scope
    createdAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      action
      entityType
      entityId
      actorUserId
      actorApiKeyId
      actorName
      requestId
      clientIp
      changes
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on SessionPayload {
      accessToken
      expiresIn
      user {
        id
        email
        name
        emailVerified
      }
      tenant {
        id
        slug
        name
        host
      }
      role
    }
    ... on TenantChoicePayload {
      tenants {
        slug
        name
        role
        host
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut {
  logOut
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession {
  refreshSession {
    accessToken
    expiresIn
    user {
      id
      email
      name
      emailVerified
    }
    tenant {
      id
      slug
      name
      host
    }
    role
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResendVerificationEmailDocument = new TypedDocumentString(`
    mutation ResendVerificationEmail($email: String!) {
  resendVerificationEmail(email: $email)
}
    `) as unknown as TypedDocumentString<ResendVerificationEmailMutation, ResendVerificationEmailMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    message
    tenantHost
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) {
    verified
    alreadyVerified
  }
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const AcknowledgeIncidentDocument = new TypedDocumentString(`
    mutation AcknowledgeIncident($id: ID!) {
  acknowledgeIncident(id: $id) {
    id
    acknowledgedAt
    acknowledgedBy
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeIncidentMutation, AcknowledgeIncidentMutationVariables>;
export const IncidentsDocument = new TypedDocumentString(`
    query Incidents($first: Int, $after: String, $filter: IncidentFilter) {
  incidents(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      monitorId
      monitorName
      openedAt
      resolvedAt
      durationSeconds
      cause
      suppressed
      acknowledgedAt
      acknowledgedBy
      timeline {
        at
        kind
        message
      }
      causedBy {
        id
        monitorId
        monitorName
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<IncidentsQuery, IncidentsQueryVariables>;
export const PublishPageOptionsDocument = new TypedDocumentString(`
    query PublishPageOptions {
  statusPages {
    id
    title
    url
    components {
      monitorId
    }
  }
}
    `) as unknown as TypedDocumentString<PublishPageOptionsQuery, PublishPageOptionsQueryVariables>;
export const PublishOutageDocument = new TypedDocumentString(`
    mutation PublishOutage($pageId: ID!, $outageId: ID!) {
  publishOutage(pageId: $pageId, outageId: $outageId) {
    id
    pageId
    title
  }
}
    `) as unknown as TypedDocumentString<PublishOutageMutation, PublishOutageMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    tenantSlug
    role
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const InvitationDocument = new TypedDocumentString(`
    query Invitation($token: String!) {
  invitation(token: $token) {
    email
    role
    tenantName
    tenantSlug
    inviterName
    existingAccount
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InvitationQuery, InvitationQueryVariables>;
export const MaintenanceWindowsDocument = new TypedDocumentString(`
    query MaintenanceWindows {
  maintenanceWindows {
    id
    name
    monitorId
    tag
    startsAt
    endsAt
    cron
    durationMinutes
    timeZone
    activeNow
    nextStart
    createdAt
  }
}
    `) as unknown as TypedDocumentString<MaintenanceWindowsQuery, MaintenanceWindowsQueryVariables>;
export const MaintenanceMonitorOptionsDocument = new TypedDocumentString(`
    query MaintenanceMonitorOptions($text: String) {
  monitors(first: 100, filter: {text: $text}) {
    nodes {
      id
      name
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<MaintenanceMonitorOptionsQuery, MaintenanceMonitorOptionsQueryVariables>;
export const MaintenanceTagOptionsDocument = new TypedDocumentString(`
    query MaintenanceTagOptions {
  monitorTags
}
    `) as unknown as TypedDocumentString<MaintenanceTagOptionsQuery, MaintenanceTagOptionsQueryVariables>;
export const MaintenanceMonitorNameDocument = new TypedDocumentString(`
    query MaintenanceMonitorName($id: ID!) {
  monitor(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MaintenanceMonitorNameQuery, MaintenanceMonitorNameQueryVariables>;
export const CreateMaintenanceWindowDocument = new TypedDocumentString(`
    mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {
  createMaintenanceWindow(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateMaintenanceWindowMutation, CreateMaintenanceWindowMutationVariables>;
export const DeleteMaintenanceWindowDocument = new TypedDocumentString(`
    mutation DeleteMaintenanceWindow($id: ID!) {
  deleteMaintenanceWindow(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DeleteMaintenanceWindowMutation, DeleteMaintenanceWindowMutationVariables>;
export const MonitorDependencyGraphDocument = new TypedDocumentString(`
    query MonitorDependencyGraph {
  monitorDependencyGraph {
    monitors {
      id
      name
      status
      dependencyDown
    }
    dependencies {
      monitorId
      dependsOnId
    }
  }
}
    `) as unknown as TypedDocumentString<MonitorDependencyGraphQuery, MonitorDependencyGraphQueryVariables>;
export const SetMonitorDependenciesDocument = new TypedDocumentString(`
    mutation SetMonitorDependencies($id: ID!, $dependsOn: [ID!]!) {
  setMonitorDependencies(id: $id, dependsOn: $dependsOn) {
    id
    dependencyDown
    dependsOn {
      id
      name
      status
      dependencyDown
    }
  }
}
    `) as unknown as TypedDocumentString<SetMonitorDependenciesMutation, SetMonitorDependenciesMutationVariables>;
export const DependencyMonitorOptionsDocument = new TypedDocumentString(`
    query DependencyMonitorOptions($text: String) {
  monitors(first: 100, filter: {text: $text}, orderBy: NAME) {
    nodes {
      id
      name
      target
      status
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<DependencyMonitorOptionsQuery, DependencyMonitorOptionsQueryVariables>;
export const MonitorEscalationOptionsDocument = new TypedDocumentString(`
    query MonitorEscalationOptions {
  escalationPolicies {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MonitorEscalationOptionsQuery, MonitorEscalationOptionsQueryVariables>;
export const SetMonitorEscalationPolicyDocument = new TypedDocumentString(`
    mutation SetMonitorEscalationPolicy($id: ID!, $policyId: ID) {
  setMonitorEscalationPolicy(id: $id, policyId: $policyId) {
    id
    escalationPolicy {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SetMonitorEscalationPolicyMutation, SetMonitorEscalationPolicyMutationVariables>;
export const AcknowledgeMonitorIncidentDocument = new TypedDocumentString(`
    mutation AcknowledgeMonitorIncident($id: ID!) {
  acknowledgeIncident(id: $id) {
    id
    acknowledgedAt
    acknowledgedBy
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeMonitorIncidentMutation, AcknowledgeMonitorIncidentMutationVariables>;
export const MonitorSettingsDocument = new TypedDocumentString(`
    query MonitorSettings($id: ID!) {
  monitor(id: $id) {
    id
    name
    kind
    tags
    intervalSeconds
    timeoutSeconds
    retryIntervalSeconds
    failureThreshold
    recoveryThreshold
    failureWindowSeconds
    flapThreshold
    flapWindowSeconds
    degradedResponseMs
    http {
      url
      method
      headers {
        name
        value
      }
      body
      expectedStatus
      followRedirects
      verifyTls
      keyword
      keywordAbsent
      jsonPath
      jsonComparison
      jsonValue
      tlsWarnDays
    }
    tcp {
      host
      port
    }
    dns {
      name
      recordType
      expected
    }
    tls {
      host
      port
      warnDays
    }
    heartbeat {
      graceSeconds
      cron
      timeZone
    }
  }
}
    `) as unknown as TypedDocumentString<MonitorSettingsQuery, MonitorSettingsQueryVariables>;
export const MonitorTagsDocument = new TypedDocumentString(`
    query MonitorTags {
  monitorTags
}
    `) as unknown as TypedDocumentString<MonitorTagsQuery, MonitorTagsQueryVariables>;
export const MonitorDocument = new TypedDocumentString(`
    query Monitor($id: ID!) {
  monitor(id: $id) {
    id
    name
    kind
    target
    status
    tags
    intervalSeconds
    timeoutSeconds
    failureThreshold
    recoveryThreshold
    failureWindowSeconds
    degradedResponseMs
    flapThreshold
    flapWindowSeconds
    flappingSince
    escalationPolicy {
      id
      name
    }
    lastCheckedAt
    lastDurationMs
    lastError
    statusChangedAt
    nextCheckAt
    lastPingAt
    createdAt
    pingUrl
    heartbeat {
      graceSeconds
      cron
      timeZone
    }
    inMaintenance
    dependencyDown
    dependsOn {
      id
      name
      status
      dependencyDown
    }
    dependents {
      id
      name
      status
      dependencyDown
    }
    day: uptime(period: DAY) {
      checks
      failures
      uptimePercent
      p50Ms
      p95Ms
    }
    week: uptime(period: WEEK) {
      checks
      failures
      uptimePercent
      p50Ms
      p95Ms
    }
    month: uptime(period: MONTH) {
      checks
      failures
      uptimePercent
      p50Ms
      p95Ms
    }
    quarter: uptime(period: QUARTER) {
      checks
      failures
      uptimePercent
      p50Ms
      p95Ms
    }
    dailyUptime(days: 90) {
      date
      stats {
        checks
        failures
        uptimePercent
      }
    }
    recentChecks(first: 60) {
      id
      checkedAt
      status
      durationMs
      dnsMs
      connectMs
      tlsMs
      firstByteMs
      statusCode
      error
    }
    incidents(first: 20) {
      id
      openedAt
      resolvedAt
      cause
      suppressed
      acknowledgedAt
      acknowledgedBy
      timeline {
        at
        kind
        message
      }
      causedBy {
        id
        monitorId
        monitorName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MonitorQuery, MonitorQueryVariables>;
export const MonitorsDocument = new TypedDocumentString(`
    query Monitors($first: Int, $after: String, $filter: MonitorFilter, $orderBy: MonitorOrder) {
  monitors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    nodes {
      id
      name
      kind
      target
      status
      dependencyDown
      tags
      intervalSeconds
      lastCheckedAt
      lastDurationMs
      lastError
      lastPingAt
      uptime(period: DAY) {
        uptimePercent
      }
      latencyTrend
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MonitorsQuery, MonitorsQueryVariables>;
export const CreateMonitorDocument = new TypedDocumentString(`
    mutation CreateMonitor($input: CreateMonitorInput!) {
  createMonitor(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateMonitorMutation, CreateMonitorMutationVariables>;
export const UpdateMonitorDocument = new TypedDocumentString(`
    mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {
  updateMonitor(id: $id, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateMonitorMutation, UpdateMonitorMutationVariables>;
export const PauseMonitorDocument = new TypedDocumentString(`
    mutation PauseMonitor($id: ID!) {
  pauseMonitor(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PauseMonitorMutation, PauseMonitorMutationVariables>;
export const ResumeMonitorDocument = new TypedDocumentString(`
    mutation ResumeMonitor($id: ID!) {
  resumeMonitor(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResumeMonitorMutation, ResumeMonitorMutationVariables>;
export const DuplicateMonitorDocument = new TypedDocumentString(`
    mutation DuplicateMonitor($id: ID!) {
  duplicateMonitor(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DuplicateMonitorMutation, DuplicateMonitorMutationVariables>;
export const DeleteMonitorDocument = new TypedDocumentString(`
    mutation DeleteMonitor($id: ID!) {
  deleteMonitor(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DeleteMonitorMutation, DeleteMonitorMutationVariables>;
export const ServerInfoDocument = new TypedDocumentString(`
    query ServerInfo {
  serverInfo {
    version
    apiVersion
  }
}
    `) as unknown as TypedDocumentString<ServerInfoQuery, ServerInfoQueryVariables>;
export const PublicStatusPageDocument = new TypedDocumentString(`
    query PublicStatusPage($slug: String!, $accessToken: String) {
  publicStatusPage(slug: $slug, accessToken: $accessToken) {
    organization
    title
    description
    logoUrl
    faviconUrl
    status
    components {
      id
      name
      group
      status
      uptimePercent
      days {
        date
        uptimePercent
        downtimeSeconds
        outages
        incidents
      }
      responseMs
    }
    activeIncidents {
      ...PublicIncidentFields
    }
    incidentHistory {
      incidents {
        ...PublicIncidentFields
      }
      hasNextPage
      endCursor
    }
    activeOutages {
      components
      startedAt
      resolvedAt
    }
    recentOutages {
      components
      startedAt
      resolvedAt
    }
    maintenance {
      name
      components
      startsAt
      endsAt
      active
    }
    generatedAt
  }
}
    fragment PublicIncidentFields on PublicIncident {
  id
  title
  status
  impact
  components {
    name
    impact
  }
  updates {
    status
    message
    createdAt
  }
  startedAt
  resolvedAt
  updatedAt
}`) as unknown as TypedDocumentString<PublicStatusPageQuery, PublicStatusPageQueryVariables>;
export const PublicIncidentHistoryDocument = new TypedDocumentString(`
    query PublicIncidentHistory($slug: String!, $after: String, $accessToken: String) {
  publicStatusPage(slug: $slug, accessToken: $accessToken) {
    incidentHistory(after: $after) {
      incidents {
        ...PublicIncidentFields
      }
      hasNextPage
      endCursor
    }
  }
}
    fragment PublicIncidentFields on PublicIncident {
  id
  title
  status
  impact
  components {
    name
    impact
  }
  updates {
    status
    message
    createdAt
  }
  startedAt
  resolvedAt
  updatedAt
}`) as unknown as TypedDocumentString<PublicIncidentHistoryQuery, PublicIncidentHistoryQueryVariables>;
export const StatusPageMonitorOptionsDocument = new TypedDocumentString(`
    query StatusPageMonitorOptions($first: Int, $filter: MonitorFilter) {
  monitors(first: $first, filter: $filter) {
    nodes {
      id
      name
      target
      status
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<StatusPageMonitorOptionsQuery, StatusPageMonitorOptionsQueryVariables>;
export const UnlockStatusPageDocument = new TypedDocumentString(`
    mutation UnlockStatusPage($slug: String!, $password: String!) {
  unlockStatusPage(slug: $slug, password: $password) {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<UnlockStatusPageMutation, UnlockStatusPageMutationVariables>;
export const RequestStatusPageAccessDocument = new TypedDocumentString(`
    mutation RequestStatusPageAccess($slug: String!, $email: String!) {
  requestStatusPageAccess(slug: $slug, email: $email) {
    message
  }
}
    `) as unknown as TypedDocumentString<RequestStatusPageAccessMutation, RequestStatusPageAccessMutationVariables>;
export const StatusIncidentsDocument = new TypedDocumentString(`
    query StatusIncidents($pageId: ID!, $active: Boolean, $first: Int, $after: String) {
  statusIncidents(pageId: $pageId, active: $active, first: $first, after: $after) {
    nodes {
      id
      title
      status
      impact
      components {
        componentId
        name
        impact
      }
      outageId
      startedAt
      resolvedAt
      updatedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StatusIncidentsQuery, StatusIncidentsQueryVariables>;
export const StatusIncidentDocument = new TypedDocumentString(`
    query StatusIncident($id: ID!) {
  statusIncident(id: $id) {
    ...StatusIncidentFields
  }
}
    fragment StatusIncidentFields on StatusIncident {
  id
  pageId
  title
  status
  impact
  components {
    componentId
    name
    impact
  }
  updates {
    id
    status
    message
    createdAt
    editedAt
  }
  outageId
  startedAt
  resolvedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<StatusIncidentQuery, StatusIncidentQueryVariables>;
export const CreateStatusIncidentDocument = new TypedDocumentString(`
    mutation CreateStatusIncident($pageId: ID!, $input: CreateStatusIncidentInput!) {
  createStatusIncident(pageId: $pageId, input: $input) {
    ...StatusIncidentFields
  }
}
    fragment StatusIncidentFields on StatusIncident {
  id
  pageId
  title
  status
  impact
  components {
    componentId
    name
    impact
  }
  updates {
    id
    status
    message
    createdAt
    editedAt
  }
  outageId
  startedAt
  resolvedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateStatusIncidentMutation, CreateStatusIncidentMutationVariables>;
export const PostStatusIncidentUpdateDocument = new TypedDocumentString(`
    mutation PostStatusIncidentUpdate($id: ID!, $input: StatusIncidentUpdateInput!) {
  postStatusIncidentUpdate(id: $id, input: $input) {
    ...StatusIncidentFields
  }
}
    fragment StatusIncidentFields on StatusIncident {
  id
  pageId
  title
  status
  impact
  components {
    componentId
    name
    impact
  }
  updates {
    id
    status
    message
    createdAt
    editedAt
  }
  outageId
  startedAt
  resolvedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<PostStatusIncidentUpdateMutation, PostStatusIncidentUpdateMutationVariables>;
export const EditStatusIncidentDocument = new TypedDocumentString(`
    mutation EditStatusIncident($id: ID!, $input: EditStatusIncidentInput!) {
  editStatusIncident(id: $id, input: $input) {
    ...StatusIncidentFields
  }
}
    fragment StatusIncidentFields on StatusIncident {
  id
  pageId
  title
  status
  impact
  components {
    componentId
    name
    impact
  }
  updates {
    id
    status
    message
    createdAt
    editedAt
  }
  outageId
  startedAt
  resolvedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EditStatusIncidentMutation, EditStatusIncidentMutationVariables>;
export const EditStatusIncidentUpdateDocument = new TypedDocumentString(`
    mutation EditStatusIncidentUpdate($id: ID!, $message: String!) {
  editStatusIncidentUpdate(id: $id, message: $message) {
    ...StatusIncidentFields
  }
}
    fragment StatusIncidentFields on StatusIncident {
  id
  pageId
  title
  status
  impact
  components {
    componentId
    name
    impact
  }
  updates {
    id
    status
    message
    createdAt
    editedAt
  }
  outageId
  startedAt
  resolvedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EditStatusIncidentUpdateMutation, EditStatusIncidentUpdateMutationVariables>;
export const DeleteStatusIncidentDocument = new TypedDocumentString(`
    mutation DeleteStatusIncident($id: ID!) {
  deleteStatusIncident(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteStatusIncidentMutation, DeleteStatusIncidentMutationVariables>;
export const StatusPagesDocument = new TypedDocumentString(`
    query StatusPages {
  statusPages {
    id
    slug
    title
    url
    components {
      monitorId
    }
    access {
      mode
    }
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<StatusPagesQuery, StatusPagesQueryVariables>;
export const StatusPageDocument = new TypedDocumentString(`
    query StatusPage($id: ID!) {
  statusPage(id: $id) {
    id
    slug
    title
    description
    autoPublishOutages
    url
    logoUrl
    faviconUrl
    components {
      id
      monitorId
      name
      group
    }
    domains {
      id
      hostname
      verified
      verifiedAt
      dnsRecords {
        type
        name
        value
      }
    }
    access {
      mode
      emailDomains
      hasPassword
    }
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<StatusPageQuery, StatusPageQueryVariables>;
export const CreateStatusPageDocument = new TypedDocumentString(`
    mutation CreateStatusPage($input: StatusPageInput!) {
  createStatusPage(input: $input) {
    id
    title
    url
  }
}
    `) as unknown as TypedDocumentString<CreateStatusPageMutation, CreateStatusPageMutationVariables>;
export const UpdateStatusPageDocument = new TypedDocumentString(`
    mutation UpdateStatusPage($id: ID!, $input: StatusPageInput!) {
  updateStatusPage(id: $id, input: $input) {
    id
    slug
    title
    description
    autoPublishOutages
    url
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateStatusPageMutation, UpdateStatusPageMutationVariables>;
export const SetStatusPageComponentsDocument = new TypedDocumentString(`
    mutation SetStatusPageComponents($id: ID!, $components: [StatusPageComponentInput!]!) {
  setStatusPageComponents(id: $id, components: $components) {
    id
    components {
      id
      monitorId
      name
      group
    }
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetStatusPageComponentsMutation, SetStatusPageComponentsMutationVariables>;
export const DeleteStatusPageDocument = new TypedDocumentString(`
    mutation DeleteStatusPage($id: ID!) {
  deleteStatusPage(id: $id) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<DeleteStatusPageMutation, DeleteStatusPageMutationVariables>;
export const AddCustomDomainDocument = new TypedDocumentString(`
    mutation AddCustomDomain($pageId: ID!, $hostname: String!) {
  addCustomDomain(pageId: $pageId, hostname: $hostname) {
    id
    hostname
  }
}
    `) as unknown as TypedDocumentString<AddCustomDomainMutation, AddCustomDomainMutationVariables>;
export const VerifyCustomDomainDocument = new TypedDocumentString(`
    mutation VerifyCustomDomain($id: ID!) {
  verifyCustomDomain(id: $id) {
    id
    hostname
    verified
  }
}
    `) as unknown as TypedDocumentString<VerifyCustomDomainMutation, VerifyCustomDomainMutationVariables>;
export const RemoveCustomDomainDocument = new TypedDocumentString(`
    mutation RemoveCustomDomain($id: ID!) {
  removeCustomDomain(id: $id) {
    id
    hostname
  }
}
    `) as unknown as TypedDocumentString<RemoveCustomDomainMutation, RemoveCustomDomainMutationVariables>;
export const SetStatusPageImageDocument = new TypedDocumentString(`
    mutation SetStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!, $file: Upload!) {
  setStatusPageImage(pageId: $pageId, kind: $kind, file: $file) {
    id
    logoUrl
    faviconUrl
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetStatusPageImageMutation, SetStatusPageImageMutationVariables>;
export const RemoveStatusPageImageDocument = new TypedDocumentString(`
    mutation RemoveStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!) {
  removeStatusPageImage(pageId: $pageId, kind: $kind) {
    id
    logoUrl
    faviconUrl
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<RemoveStatusPageImageMutation, RemoveStatusPageImageMutationVariables>;
export const SetStatusPageAccessDocument = new TypedDocumentString(`
    mutation SetStatusPageAccess($pageId: ID!, $input: StatusPageAccessInput!) {
  setStatusPageAccess(pageId: $pageId, input: $input) {
    id
    title
    access {
      mode
      emailDomains
      hasPassword
    }
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetStatusPageAccessMutation, SetStatusPageAccessMutationVariables>;
export const SubscribeToStatusPageDocument = new TypedDocumentString(`
    mutation SubscribeToStatusPage($slug: String!, $email: String!, $componentIds: [ID!]!, $accessToken: String) {
  subscribeToStatusPage(
    slug: $slug
    email: $email
    componentIds: $componentIds
    accessToken: $accessToken
  ) {
    message
  }
}
    `) as unknown as TypedDocumentString<SubscribeToStatusPageMutation, SubscribeToStatusPageMutationVariables>;
export const StatusSubscriptionDocument = new TypedDocumentString(`
    query StatusSubscription($token: String!) {
  statusSubscription(token: $token) {
    pageTitle
    pagePath
    email
    confirmed
    components
  }
}
    `) as unknown as TypedDocumentString<StatusSubscriptionQuery, StatusSubscriptionQueryVariables>;
export const ConfirmStatusSubscriptionDocument = new TypedDocumentString(`
    mutation ConfirmStatusSubscription($token: String!) {
  confirmStatusSubscription(token: $token)
}
    `) as unknown as TypedDocumentString<ConfirmStatusSubscriptionMutation, ConfirmStatusSubscriptionMutationVariables>;
export const UnsubscribeFromStatusPageDocument = new TypedDocumentString(`
    mutation UnsubscribeFromStatusPage($token: String!) {
  unsubscribeFromStatusPage(token: $token)
}
    `) as unknown as TypedDocumentString<UnsubscribeFromStatusPageMutation, UnsubscribeFromStatusPageMutationVariables>;
export const StatusPageSubscribersDocument = new TypedDocumentString(`
    query StatusPageSubscribers($pageId: ID!, $first: Int!, $after: String) {
  statusPageSubscribers(pageId: $pageId, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      email
      confirmed
      confirmedAt
      components {
        id
        name
      }
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<StatusPageSubscribersQuery, StatusPageSubscribersQueryVariables>;
export const StatusPageSubscribersCsvDocument = new TypedDocumentString(`
    query StatusPageSubscribersCsv($pageId: ID!) {
  statusPageSubscribersCsv(pageId: $pageId)
}
    `) as unknown as TypedDocumentString<StatusPageSubscribersCsvQuery, StatusPageSubscribersCsvQueryVariables>;
export const RemoveStatusPageSubscriberDocument = new TypedDocumentString(`
    mutation RemoveStatusPageSubscriber($id: ID!) {
  removeStatusPageSubscriber(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveStatusPageSubscriberMutation, RemoveStatusPageSubscriberMutationVariables>;
export const ChangeMemberRoleDocument = new TypedDocumentString(`
    mutation ChangeMemberRole($userId: ID!, $role: Role!) {
  changeMemberRole(userId: $userId, role: $role) {
    role
  }
}
    `) as unknown as TypedDocumentString<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const InvitationsDocument = new TypedDocumentString(`
    query Invitations {
  invitations {
    id
    email
    role
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InvitationsQuery, InvitationsQueryVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members {
  members {
    user {
      id
      email
      name
    }
    role
    joinedAt
  }
}
    `) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
  }
}
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($userId: ID!) {
  removeMember(userId: $userId)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($id: ID!) {
  revokeInvitation(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const HostContextDocument = new TypedDocumentString(`
    query HostContext {
  serverInfo {
    baseDomain
  }
  hostTenant {
    slug
    name
  }
}
    `) as unknown as TypedDocumentString<HostContextQuery, HostContextQueryVariables>;