import type { IncidentImpact, StatusIncidentStatus } from '@/gql/graphql';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { sentence } from '@/components/form-errors';
import type { PublicIncidentData } from '../api/get-public-status-page';
import type { ManagedIncident } from '../api/status-incidents';
import { worstImpact } from './format';

/** A page's component as an incident can name it. */
export interface PageComponentOption {
  readonly id: string;
  readonly name: string;
  readonly group: string;
}

/** The impact chosen per component id; a component left out is not affected. */
export type ImpactChoice = Readonly<Record<string, IncidentImpact | undefined>>;

/** The chosen components in page order, as the API takes them. */
export function affectedInput(components: readonly PageComponentOption[], choice: ImpactChoice) {
  return components.flatMap((c) => {
    const impact = choice[c.id];
    return impact ? [{ componentId: c.id, impact }] : [];
  });
}

export function choiceOf(incident: Pick<ManagedIncident, 'components'>): ImpactChoice {
  return Object.fromEntries(incident.components.map((c) => [c.componentId, c.impact]));
}

/**
 * The server's `components.<index>.componentId` errors, moved to the component they concern
 * (the index is a place in the list sent, which {@link affectedInput} built).
 */
export function componentErrors(error: unknown, sent: readonly { componentId: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof GraphQLRequestError)) return out;
  for (const [field, message] of Object.entries(error.fields)) {
    const match = /^components\.(\d+)\.\w+$/.exec(field);
    const id = match ? sent[Number(match[1])]?.componentId : undefined;
    if (id) out[id] = sentence(message);
  }
  return out;
}

export interface IncidentDraft {
  readonly id: string;
  readonly title: string;
  readonly status: StatusIncidentStatus;
  readonly components: readonly { name: string; impact: IncidentImpact }[];
  readonly updates: readonly { status: StatusIncidentStatus; message: string; createdAt: string }[];
  readonly startedAt: string;
  readonly resolvedAt?: string | null;
}

/** What visitors would see of an incident: the public shape, as the public page renders it. */
export function toPublicIncident(draft: IncidentDraft): PublicIncidentData {
  const last = draft.updates[draft.updates.length - 1];
  return {
    id: draft.id,
    title: draft.title,
    status: draft.status,
    impact: worstImpact(draft.components.map((c) => c.impact)),
    components: draft.components.map((c) => ({ name: c.name, impact: c.impact })),
    updates: [...draft.updates],
    startedAt: draft.startedAt,
    resolvedAt: draft.resolvedAt ?? null,
    updatedAt: last?.createdAt ?? draft.startedAt,
  };
}

/** A managed incident in the public shape (optionally with an update about to be posted). */
export function publicOfManaged(incident: ManagedIncident, extra?: { status: StatusIncidentStatus; message: string; createdAt: string }): PublicIncidentData {
  const updates = incident.updates.map((u) => ({ status: u.status, message: u.message, createdAt: String(u.createdAt) }));
  return toPublicIncident({
    id: incident.id,
    title: incident.title,
    status: extra?.status ?? incident.status,
    components: incident.components,
    updates: extra ? [...updates, extra] : updates,
    startedAt: String(incident.startedAt),
    resolvedAt: extra ? (extra.status === 'RESOLVED' ? extra.createdAt : null) : incident.resolvedAt ? String(incident.resolvedAt) : null,
  });
}
