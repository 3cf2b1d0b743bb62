import type { AlertChannelKind, AlertRouteEvent } from '@/gql/graphql';

/** The settings a channel kind may use (names of `AlertChannelInput` fields). */
export type ChannelField = 'url' | 'token' | 'recipient' | 'priority' | 'addresses';

export interface FieldSpec {
  label: string;
  hint: string;
  placeholder?: string;
  required: boolean;
  /** Never returned by the server: on edit, empty keeps the stored one. */
  secret?: boolean;
}

export interface PrioritySpec {
  label: string;
  hint: string;
  options: ReadonlyArray<{ value: number; label: string }>;
  initial: number;
}

export interface KindSpec {
  kind: AlertChannelKind;
  label: string;
  /** Two letters shown in the kind's colour (no external images). */
  monogram: string;
  /** One line on the kind card. */
  summary: string;
  url?: FieldSpec;
  token?: FieldSpec;
  recipient?: FieldSpec;
  priority?: PrioritySpec;
  addresses?: { hint: string };
}

/** Kinds whose URL is itself the secret (an incoming webhook): the server returns its origin only. */
function incomingWebhook(label: string, hint: string, placeholder: string): FieldSpec {
  return { label, hint, placeholder, required: true, secret: true };
}

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'EMAIL',
    label: 'Email',
    monogram: '@',
    summary: 'Mail up to 10 addresses.',
    addresses: { hint: 'Up to 10 addresses; each gets its own message.' },
  },
  {
    kind: 'WEBHOOK',
    label: 'Webhook',
    monogram: '{}',
    summary: 'A signed JSON POST to your own endpoint.',
    url: {
      label: 'Receiver URL',
      hint: 'Beacon POSTs a JSON body here, signed per Standard Webhooks. You get the signing secret once, after creating the channel.',
      placeholder: 'https://example.com/hooks/beacon',
      required: true,
    },
  },
  {
    kind: 'SLACK',
    label: 'Slack',
    monogram: 'Sl',
    summary: 'A message in a Slack channel.',
    url: incomingWebhook(
      'Incoming webhook URL',
      'In Slack: Apps → Incoming Webhooks → Add to Slack, pick the channel, then copy the “Webhook URL”.',
      'https://hooks.slack.com/services/…',
    ),
  },
  {
    kind: 'DISCORD',
    label: 'Discord',
    monogram: 'Dc',
    summary: 'A message in a Discord channel.',
    url: incomingWebhook(
      'Webhook URL',
      'In Discord: Server Settings → Integrations → Webhooks → New Webhook, then “Copy Webhook URL”.',
      'https://discord.com/api/webhooks/…',
    ),
  },
  {
    kind: 'TEAMS',
    label: 'Microsoft Teams',
    monogram: 'Te',
    summary: 'An Adaptive Card through a Teams workflow.',
    url: incomingWebhook(
      'Workflow webhook URL',
      'In Teams: the channel’s ⋯ → Workflows → “Post to a channel when a webhook request is received”, then copy the URL it shows.',
      'https://prod-00.westus.logic.azure.com/workflows/…',
    ),
  },
  {
    kind: 'GOOGLE_CHAT',
    label: 'Google Chat',
    monogram: 'GC',
    summary: 'A message in a Google Chat space.',
    url: incomingWebhook('Webhook URL', 'In the space: Apps & integrations → Webhooks → Add webhook, then copy its URL.', 'https://chat.googleapis.com/v1/spaces/…'),
  },
  {
    kind: 'MATTERMOST',
    label: 'Mattermost',
    monogram: 'Mm',
    summary: 'A message in a Mattermost channel.',
    url: incomingWebhook('Incoming webhook URL', 'In Mattermost: Integrations → Incoming Webhooks → Add Incoming Webhook, then copy the URL.', 'https://chat.example.com/hooks/…'),
  },
  {
    kind: 'ROCKET_CHAT',
    label: 'Rocket.Chat',
    monogram: 'RC',
    summary: 'A message in a Rocket.Chat channel.',
    url: incomingWebhook('Webhook URL', 'In Rocket.Chat: Administration → Integrations → New → Incoming, then copy the Webhook URL.', 'https://chat.example.com/hooks/…'),
  },
  {
    kind: 'TELEGRAM',
    label: 'Telegram',
    monogram: 'Tg',
    summary: 'A message from your bot to a chat.',
    token: { label: 'Bot token', hint: 'From @BotFather after /newbot, e.g. 123456:ABC-DEF…', required: true, secret: true },
    recipient: { label: 'Chat ID', hint: 'The chat, group or channel the bot posts to, e.g. -1001234567890 or @mychannel.', required: true },
    url: { label: 'API base URL', hint: 'Optional: only for a self-hosted Bot API server.', placeholder: 'https://api.telegram.org', required: false },
  },
  {
    kind: 'PAGER_DUTY',
    label: 'PagerDuty',
    monogram: 'PD',
    summary: 'Trigger and resolve PagerDuty incidents.',
    token: {
      label: 'Integration (routing) key',
      hint: 'In PagerDuty: the service → Integrations → Add “Events API V2”, then copy its Integration Key.',
      required: true,
      secret: true,
    },
    url: { label: 'Events API URL', hint: 'Optional: e.g. the EU endpoint https://events.eu.pagerduty.com.', placeholder: 'https://events.pagerduty.com', required: false },
  },
  {
    kind: 'OPSGENIE',
    label: 'Opsgenie',
    monogram: 'Og',
    summary: 'Open and close Opsgenie alerts.',
    token: { label: 'API key', hint: 'In Opsgenie: Teams → your team → Integrations → Add “API”, then copy its API key.', required: true, secret: true },
    url: { label: 'API URL', hint: 'Optional: https://api.eu.opsgenie.com for EU accounts.', placeholder: 'https://api.opsgenie.com', required: false },
  },
  {
    kind: 'NTFY',
    label: 'ntfy',
    monogram: 'nt',
    summary: 'A push notification on an ntfy topic.',
    url: { label: 'Topic URL', hint: 'The server and topic, e.g. https://ntfy.sh/my-alerts. Subscribe to it in the ntfy app.', placeholder: 'https://ntfy.sh/my-alerts', required: true },
    token: { label: 'Access token', hint: 'Optional: for a protected topic (tk_…).', required: false, secret: true },
    priority: {
      label: 'Priority',
      hint: 'Urgent notifications bypass “do not disturb” on most phones.',
      options: [
        { value: 1, label: '1 · Min' },
        { value: 2, label: '2 · Low' },
        { value: 3, label: '3 · Default' },
        { value: 4, label: '4 · High' },
        { value: 5, label: '5 · Urgent' },
      ],
      initial: 4,
    },
  },
  {
    kind: 'PUSHOVER',
    label: 'Pushover',
    monogram: 'Po',
    summary: 'A push notification through Pushover.',
    token: { label: 'Application token', hint: 'Create an application at pushover.net/apps/build and copy its API token.', required: true, secret: true },
    recipient: { label: 'User or group key', hint: 'Shown on your Pushover dashboard once logged in.', required: true },
    priority: {
      label: 'Priority',
      hint: 'Emergency repeats until someone acknowledges it in the app.',
      options: [
        { value: -2, label: '−2 · Lowest (no notification)' },
        { value: -1, label: '−1 · Low (quiet)' },
        { value: 0, label: '0 · Normal' },
        { value: 1, label: '1 · High (bypasses quiet hours)' },
        { value: 2, label: '2 · Emergency' },
      ],
      initial: 1,
    },
    url: { label: 'API URL', hint: 'Optional: only to send through a proxy.', placeholder: 'https://api.pushover.net', required: false },
  },
  {
    kind: 'GOTIFY',
    label: 'Gotify',
    monogram: 'Go',
    summary: 'A message on your Gotify server.',
    url: { label: 'Server URL', hint: 'Your Gotify server’s address.', placeholder: 'https://gotify.example.com', required: true },
    token: { label: 'Application token', hint: 'In Gotify: Apps → Create application, then copy its token.', required: true, secret: true },
    priority: {
      label: 'Priority',
      hint: 'Gotify’s Android app shows 8 and above as a heads-up notification.',
      options: Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) })),
      initial: 8,
    },
  },
  {
    kind: 'MATRIX',
    label: 'Matrix',
    monogram: 'Mx',
    summary: 'A message in a Matrix room.',
    url: { label: 'Homeserver URL', hint: 'The homeserver the bot account lives on.', placeholder: 'https://matrix.org', required: true },
    token: { label: 'Access token', hint: 'The bot account’s access token (Element: Settings → Help & About → Access token).', required: true, secret: true },
    recipient: { label: 'Room ID', hint: 'Room settings → Advanced → Internal room ID, e.g. !abc123:matrix.org. Invite the bot to the room first.', required: true },
  },
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

export function kindSpec(kind: AlertChannelKind): KindSpec {
  return BY_KIND.get(kind) ?? { kind, label: kind, monogram: kind.slice(0, 2), summary: '' };
}

/**
 * Whether a kind's message text follows the channel's templates: all but the generic webhook
 * (its JSON body is a documented schema). For email, the title is the subject.
 */
export function supportsTemplates(kind: AlertChannelKind): boolean {
  return kind !== 'WEBHOOK';
}

/** The fields a kind uses, in the order the form shows them. */
export function fieldsOf(spec: KindSpec): ChannelField[] {
  const order: ChannelField[] = ['addresses', 'url', 'token', 'recipient', 'priority'];
  return order.filter((field) => spec[field] !== undefined);
}

/** A kind from a URL parameter, or null. */
export function parseKind(value: string | null): AlertChannelKind | null {
  const upper = (value ?? '').toUpperCase().replaceAll('-', '_');
  return BY_KIND.has(upper as AlertChannelKind) ? (upper as AlertChannelKind) : null;
}

/** An event a route can ask for: how the routing form, its summary and the preview name it. */
export interface RouteEventSpec {
  value: AlertRouteEvent;
  /** The checkbox's name (DOWN and UP keep "Down" and "Up": e2e specs find them by it). */
  label: string;
  hint: string;
  /** In a routing summary: "All monitors · down, up, degraded". */
  short: string;
  /** The preview's choice and its hint ("A sample down alert"). */
  sampleLabel: string;
  sample: string;
}

/** Every event a route can ask for, in the order the API takes them. */
export const ROUTE_EVENTS: readonly RouteEventSpec[] = [
  { value: 'DOWN', label: 'Down', hint: 'A monitor went down, or started flapping', short: 'down', sampleLabel: 'Down', sample: 'down alert' },
  { value: 'UP', label: 'Up', hint: 'It recovered, or settled after flapping', short: 'up', sampleLabel: 'Up', sample: 'recovery' },
  {
    value: 'DEGRADED',
    label: 'Degraded',
    hint: 'It works but needs attention, and when that ends',
    short: 'degraded',
    sampleLabel: 'Degraded',
    sample: 'degraded alert',
  },
  {
    value: 'CERTIFICATE_EXPIRING',
    label: 'Certificate expiring',
    hint: 'Its TLS certificate is within the monitor’s warning window, and when it is renewed',
    short: 'certificate expiring',
    sampleLabel: 'Certificate',
    sample: 'certificate expiring alert',
  },
  {
    value: 'INCIDENT_UPDATE',
    label: 'Status page incident updates',
    hint: 'Each update posted on an incident that affects these monitors',
    short: 'incident updates',
    sampleLabel: 'Incident update',
    sample: 'status page incident update',
  },
];

/** A delivery's event, when its message type is not known (older servers). */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  DOWN: 'Down',
  UP: 'Up',
  DEGRADED: 'Degraded',
  CERTIFICATE: 'Certificate',
  INCIDENT: 'Incident update',
  TEST: 'Test',
};

/** Badge tones: what opens something urgent, needs attention soon, closes it, or neither. */
const TONE = { critical: 'badge badge--danger', warning: 'badge badge--warning', resolved: 'badge badge--success', info: 'badge' } as const;

/** A delivery's message type (`AlertDelivery.type`), named for people, with its badge tone. */
export const MESSAGE_TYPES: Readonly<Record<string, { label: string; tone: string }>> = {
  'monitor.down': { label: 'Down', tone: TONE.critical },
  'monitor.up': { label: 'Recovered', tone: TONE.resolved },
  'monitor.flapping': { label: 'Flapping', tone: TONE.critical },
  'monitor.settled': { label: 'Settled', tone: TONE.resolved },
  'monitor.degraded': { label: 'Degraded', tone: TONE.warning },
  'monitor.healthy': { label: 'No longer degraded', tone: TONE.resolved },
  'certificate.expiring': { label: 'Certificate expiring', tone: TONE.warning },
  'certificate.renewed': { label: 'Certificate renewed', tone: TONE.resolved },
  'incident.update': { label: 'Incident update', tone: TONE.info },
  test: { label: 'Test', tone: TONE.info },
};

const EVENT_TONES: Readonly<Record<string, string>> = {
  DOWN: TONE.critical,
  UP: TONE.resolved,
  DEGRADED: TONE.warning,
  CERTIFICATE: TONE.warning,
  INCIDENT: TONE.info,
  TEST: TONE.info,
};

/** How the delivery log names a delivery: by its message type, else by its event. */
export function deliveryLabel(delivery: { event: string; type?: string | null }): { label: string; tone: string } {
  const known = delivery.type ? MESSAGE_TYPES[delivery.type] : undefined;
  if (known) return known;
  return { label: EVENT_LABELS[delivery.event] ?? delivery.type ?? delivery.event, tone: EVENT_TONES[delivery.event] ?? TONE.info };
}

/** "All monitors · down, up", "3 monitors · down, degraded", "1 monitor, tag db · incident updates", "Not routed". */
export function routingSummary(routing: { allMonitors: boolean; monitorIds: readonly string[]; tags?: readonly string[] | null; events: readonly AlertRouteEvent[] }): string {
  const count = routing.monitorIds.length;
  const tags = routing.tags ?? [];
  if (routing.events.length === 0 || (!routing.allMonitors && count === 0 && tags.length === 0)) return 'Not routed';
  const monitors = count === 0 ? null : count === 1 ? '1 monitor' : `${count} monitors`;
  const tagged = tags.length === 0 ? null : `${tags.length === 1 ? 'tag' : 'tags'} ${tags.join(', ')}`;
  const who = routing.allMonitors ? 'All monitors' : [monitors, tagged].filter(Boolean).join(', ');
  const events = ROUTE_EVENTS.filter((e) => routing.events.includes(e.value)).map((e) => e.short);
  return `${who} · ${events.join(', ')}`;
}

/** Where a channel sends: its addresses, recipient or URL (the server gives secret URLs as `https://origin/…`). */
export function destinationOf(channel: { kind: AlertChannelKind; url?: string | null; recipient?: string | null; addresses: readonly string[] }): string {
  if (channel.kind === 'EMAIL') return channel.addresses.join(', ') || '—';
  if (channel.recipient) return channel.recipient;
  if (channel.url) return channel.url;
  return '—';
}
