import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert, SelectField, splitErrors, TextField, useFormValidation, validators } from '@/components/form';
import type { StatusIncidentStatus } from '@/gql/graphql';
import { useNow } from '@/lib/use-now';
import type { ManagedIncident } from '../api/status-incidents';
import { useCreateStatusIncident } from '../api/status-incidents';
import { AffectedComponentsField } from './affected-components-field';
import { INCIDENT_STATUS, INCIDENT_STATUSES } from './format';
import { affectedInput, componentErrors, toPublicIncident, type ImpactChoice, type PageComponentOption } from './incident-draft';
import { IncidentPreview } from './incident-preview';
import { TextAreaField } from './text-area-field';

type Field = 'title' | 'status' | 'message';
const FIELDS: readonly string[] = ['title', 'message'];
const RULES = { title: validators.required('a title for the incident'), message: validators.required('a message for visitors') };
export const STATUS_OPTIONS = INCIDENT_STATUSES.map((s) => ({ value: s, label: INCIDENT_STATUS[s].label }));
export const TITLE_MAX = 120;
export const MESSAGE_MAX = 5000;

const FORBIDDEN = { FORBIDDEN: 'Only members, admins and owners can post incidents.', NOT_FOUND: 'A component was removed from the page. Reload and try again.' };

/** Focus moves to the first field a new server error names. */
export function useFocusServerError(formRef: React.RefObject<HTMLFormElement | null>, error: unknown, names: readonly string[]) {
  useEffect(() => {
    if (!error) return;
    const first = Array.from(formRef.current?.elements ?? []).find(
      (el): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
        (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && names.includes(el.name),
    );
    first?.focus();
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
}

/**
 * "New incident": title, status, the first message and the affected components, with a live
 * preview beside it rendered by the public page's own card, so what you see is what visitors get.
 */
export function IncidentComposer({ pageId, components, onCreated }: { pageId: string; components: readonly PageComponentOption[]; onCreated: (incident: ManagedIncident) => void }) {
  const create = useCreateStatusIncident(pageId);
  const formRef = useRef<HTMLFormElement>(null);
  const now = useNow(30_000);
  const [values, setValues] = useState<Record<Field, string>>({ title: '', status: 'INVESTIGATING', message: '' });
  const [choice, setChoice] = useState<ImpactChoice>({});
  const [sent, setSent] = useState<readonly { componentId: string }[]>([]);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(RULES);
  const { fields: serverFields, general } = splitErrors(create.error, [...FIELDS, ...sent.map((_, i) => `components.${i}.componentId`)], FORBIDDEN);
  const rowErrors = componentErrors(create.error, sent);
  useFocusServerError(formRef, create.error, [...Object.keys(serverFields), ...Object.keys(rowErrors).map((id) => `component-${id}`)]);

  const set = (field: Field, value: string) => {
    clearError(field);
    if (create.isError) create.reset();
    setValues((current) => ({ ...current, [field]: value }));
  };

  const status = values.status as StatusIncidentStatus;
  const affected = affectedInput(components, choice);
  const names = new Map(components.map((c) => [c.id, c.name]));
  const at = new Date(now).toISOString();
  const preview = toPublicIncident({
    id: 'preview',
    title: values.title.trim() || 'Your incident’s title',
    status,
    components: affected.map((a) => ({ name: names.get(a.componentId) ?? '', impact: a.impact })),
    updates: [{ status, message: values.message.trim() || 'Your first update for visitors.', createdAt: at }],
    startedAt: at,
    resolvedAt: status === 'RESOLVED' ? at : null,
  });

  return (
    <div className="inc-compose">
      <div className="inc-compose__form">
        {general ? <FormAlert>{general}</FormAlert> : null}
        <form
          ref={formRef}
          className="form"
          aria-label="New incident"
          noValidate
          onSubmit={handleSubmit(values, () => {
            setSent(affected);
            create.mutate({ title: values.title.trim(), status, message: values.message.trim(), components: affected }, { onSuccess: onCreated });
          })}
        >
          <TextField
            label="Title"
            name="title"
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            error={errors.title ?? serverFields.title}
            hint="One line visitors understand, e.g. “Checkout is failing for some customers”."
            maxLength={TITLE_MAX}
            required
          />
          <SelectField
            label="Status"
            name="status"
            value={values.status}
            options={STATUS_OPTIONS}
            onChange={(e) => set('status', e.target.value)}
            hint={INCIDENT_STATUS[status].hint}
          />
          <TextAreaField
            label="Message"
            name="message"
            value={values.message}
            onChange={(e) => set('message', e.target.value)}
            error={errors.message ?? serverFields.message}
            hint="The first update: what is happening and what you are doing. Line breaks are kept."
            rows={5}
            maxLength={MESSAGE_MAX}
            required
          />
          <AffectedComponentsField
            components={components}
            value={choice}
            onChange={(next) => {
              if (create.isError) create.reset();
              setChoice(next);
            }}
            errors={rowErrors}
          />
          <div className="form__actions">
            <Button type="submit" pending={create.isPending} pendingLabel="Publishing…">
              Publish incident
            </Button>
          </div>
        </form>
      </div>
      <IncidentPreview incident={preview} headingLevel={2} />
    </div>
  );
}
