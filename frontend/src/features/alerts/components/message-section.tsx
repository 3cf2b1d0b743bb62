import { useId, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { Button } from '@/components/button';
import { splitErrors } from '@/components/form';
import type { AlertChannelKind, AlertRouteEvent } from '@/gql/graphql';
import { useDebounced } from '@/lib/use-debounced';
import { useAlertMessagePreview, type MessageTemplates } from '../api/alert-channels';
import { ROUTE_EVENTS } from './kinds';

/** The most a template may hold (the server refuses longer). */
export const MAX_TEMPLATE_LENGTH = 1_000;
/** How long typing pauses before the preview asks again. */
export const PREVIEW_DEBOUNCE_MS = 300;

export type TemplateField = keyof MessageTemplates;
export const TEMPLATE_FIELDS: readonly TemplateField[] = ['titleTemplate', 'bodyTemplate'];

/** What a template may use, in the order the reference lists them. */
export const TEMPLATE_VARIABLES: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'monitor.name', description: 'The monitor’s name' },
  { name: 'monitor.url', description: 'What it checks' },
  { name: 'organization.name', description: 'Your organization' },
  { name: 'event', description: 'down, up, flapping, settled, degraded, healthy, certificate.expiring, certificate.renewed, incident.update or test' },
  { name: 'incident.cause', description: 'Why it failed' },
  { name: 'incident.startedAt', description: 'When the outage began' },
  { name: 'incident.resolvedAt', description: 'When it ended (recoveries)' },
  { name: 'incident.acknowledgeUrl', description: 'The acknowledge link' },
  { name: 'degradation.since', description: 'When it became degraded (degraded and certificate alerts)' },
  { name: 'degradation.reason', description: 'What the check saw, e.g. the certificate expires in 9 days' },
  { name: 'degradation.certificateExpiresAt', description: 'When the certificate expires' },
  { name: 'statusIncident.title', description: 'The status page incident (incident updates)' },
  { name: 'statusIncident.status', description: 'investigating, identified, monitoring or resolved' },
  { name: 'statusIncident.message', description: 'The update’s text' },
  { name: 'statusIncident.pageUrl', description: 'The status page’s address' },
  { name: 'title', description: 'Beacon’s own title' },
  { name: 'details', description: 'Beacon’s own text' },
];

export function hasTemplates(templates: { titleTemplate?: string | null; bodyTemplate?: string | null }): boolean {
  return Boolean(templates.titleTemplate?.trim() || templates.bodyTemplate?.trim());
}

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

interface TemplateInputProps {
  label: string;
  error?: string | undefined;
  hint: ReactNode;
  multiline?: boolean;
  inputRef: Ref<FieldElement>;
}

/** A labelled monospace template box (one line for the title, several for the body), its error under it. */
function TemplateInput({
  label,
  error,
  hint,
  multiline = false,
  inputRef,
  ...rest
}: TemplateInputProps & Omit<InputHTMLAttributes<HTMLInputElement> & TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  const common = {
    id,
    className: error ? 'form__input alert-template__input form__input--invalid' : 'form__input alert-template__input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    autoComplete: 'off',
    autoCapitalize: 'none',
    spellCheck: false,
    maxLength: MAX_TEMPLATE_LENGTH,
  } as const;
  return (
    <div className="form__field">
      <label className="form__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} {...rest} rows={5} ref={inputRef as Ref<HTMLTextAreaElement>} />
      ) : (
        <input {...common} {...rest} type="text" ref={inputRef as Ref<HTMLInputElement>} />
      )}
      {error ? (
        <p className="form__error" id={`${id}-error`}>
          <span className="form__error-icon" aria-hidden="true">
            ⚠
          </span>
          {error}
        </p>
      ) : null}
      <p className="form__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

export interface MessageSectionProps {
  /** The channel's kind: for email, the title is the subject. */
  kind: AlertChannelKind;
  values: MessageTemplates;
  onChange: (field: TemplateField, value: string) => void;
  /** The save's field errors (the preview's own come under the fields too). */
  errorOf: (name: string) => string | undefined;
  /** Open at first (a template is stored). */
  initiallyOpen: boolean;
}

/**
 * A channel's own wording: title and body templates, a reference of the variables (click to
 * insert where the caret is), and a live preview of a sample alert as the server renders it.
 */
export function MessageSection({ kind, values, onChange, errorOf, initiallyOpen }: MessageSectionProps) {
  const email = kind === 'EMAIL';
  const [open, setOpen] = useState(initiallyOpen);
  const [event, setEvent] = useState<AlertRouteEvent>('DOWN');
  const ids = useId();
  const refs = useRef<Record<TemplateField, FieldElement | null>>({ titleTemplate: null, bodyTemplate: null });
  const lastFocused = useRef<TemplateField>('bodyTemplate');
  const pendingCaret = useRef<{ field: TemplateField; at: number } | null>(null);

  const debounced = useDebounced(values, PREVIEW_DEBOUNCE_MS);
  const preview = useAlertMessagePreview(debounced, event, open);
  // The preview's errors stay until the next answer (no flicker while the next one loads).
  const [settledError, setSettledError] = useState<Error | null>(null);
  if (!preview.isFetching && preview.error !== settledError) setSettledError(preview.error);
  const { fields: previewErrors, general: previewGeneral } = splitErrors(settledError, TEMPLATE_FIELDS);
  const custom = hasTemplates(values);
  // A save's error on a template opens the section so it can be seen (and focused).
  const saveError = TEMPLATE_FIELDS.some((field) => errorOf(field));
  const isOpen = open || saveError;

  // After inserting a variable, the caret goes after it in the field it went into.
  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    if (!pending) return;
    pendingCaret.current = null;
    const element = refs.current[pending.field];
    element?.focus();
    element?.setSelectionRange(pending.at, pending.at);
  });

  const insert = (variable: string) => {
    const field = lastFocused.current;
    const element = refs.current[field];
    const current = values[field];
    const text = `{{ ${variable} }}`;
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const next = (current.slice(0, start) + text + current.slice(end)).slice(0, MAX_TEMPLATE_LENGTH);
    pendingCaret.current = { field, at: Math.min(start + text.length, next.length) };
    onChange(field, next);
  };


  // The last preview that rendered stays (dimmed) while a template has an error.
  const [lastGood, setLastGood] = useState<{ title: string; body: string } | undefined>(preview.data);
  if (preview.data && preview.data !== lastGood) setLastGood(preview.data);
  const templateError = Object.keys(previewErrors).length > 0;
  const shown = preview.data ?? (templateError ? lastGood : undefined);
  return (
    <details className="alert-message" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="message-section">
      <summary className="alert-message__summary">
        <span className="alert-message__heading">Message</span>
        {custom ? <span className="badge badge--accent">Custom</span> : <span className="alert-message__default">Beacon’s wording</span>}
      </summary>
      <div className="alert-message__body">
        <p className="form__hint alert-message__lead">
          Word the alert your way with templates (<code>{'{{ monitor.name }}'}</code>, <code>{'{% if event == "down" %}…{% endif %}'}</code>); leave a box
          empty for Beacon’s own wording.{' '}
          {email
            ? 'The subject template words the email’s subject line, the body template its text.'
            : 'Webhooks send the documented JSON; templates shape the text of chat and push messages.'}
        </p>
        <div className="alert-message__grid">
          <div className="alert-message__fields">
            <TemplateInput
              label={email ? 'Subject template' : 'Title template'}
              name="titleTemplate"
              value={values.titleTemplate}
              error={errorOf('titleTemplate') ?? previewErrors.titleTemplate}
              hint={`${email ? 'The email’s subject: one line' : 'One line'}, e.g. {{ monitor.name }} is {{ event | upper }}`}
              placeholder="{{ title }}"
              inputRef={(element) => {
                refs.current.titleTemplate = element;
              }}
              onFocus={() => {
                lastFocused.current = 'titleTemplate';
              }}
              onChange={(e) => onChange('titleTemplate', e.target.value)}
            />
            <TemplateInput
              label="Body template"
              name="bodyTemplate"
              value={values.bodyTemplate}
              error={errorOf('bodyTemplate') ?? previewErrors.bodyTemplate}
              hint={`${email ? 'The email’s text. ' : ''}Up to ${MAX_TEMPLATE_LENGTH.toLocaleString('en')} characters per template.`}
              placeholder="{{ details }}"
              multiline
              inputRef={(element) => {
                refs.current.bodyTemplate = element;
              }}
              onFocus={() => {
                lastFocused.current = 'bodyTemplate';
              }}
              onChange={(e) => onChange('bodyTemplate', e.target.value)}
            />
            <div className="alert-message__vars">
              <p className="alert-message__subhead" id={`${ids}-vars`}>
                Variables
              </p>
              <p className="form__hint">Choose one to insert it where the caret is.</p>
              <ul className="alert-message__var-list" aria-labelledby={`${ids}-vars`}>
                {TEMPLATE_VARIABLES.map((variable) => (
                  <li key={variable.name}>
                    <button
                      type="button"
                      className="alert-message__var"
                      // Keeps the caret where it was in the field (a click would take focus first).
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => insert(variable.name)}
                    >
                      <span className="visually-hidden">Insert </span>
                      <code>{variable.name}</code>
                    </button>
                    <span className="alert-message__var-desc">{variable.description}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <Button
                variant="secondary"
                size="sm"
                disabled={!custom}
                onClick={() => {
                  TEMPLATE_FIELDS.forEach((field) => onChange(field, ''));
                  refs.current.titleTemplate?.focus();
                }}
              >
                Reset to Beacon’s wording
              </Button>
            </div>
          </div>
          <section className="alert-preview" aria-labelledby={`${ids}-preview`}>
            <div className="alert-preview__head">
              <p className="alert-message__subhead" id={`${ids}-preview`}>
                Preview
              </p>
              <div className="alert-preview__events" role="group" aria-label="Sample event">
                {ROUTE_EVENTS.map((option) => (
                  <button
                    key={option.value}
                    type="button"
                    className="alert-preview__event"
                    aria-pressed={event === option.value}
                    onClick={() => setEvent(option.value)}
                  >
                    {option.sampleLabel}
                  </button>
                ))}
              </div>
            </div>
            <div className="alert-preview__message" data-testid="message-preview" aria-busy={preview.isFetching}>
              {settledError && !templateError ? (
                <div className="alert-preview__error" role="alert">
                  <p>The preview didn’t load: {previewGeneral ?? 'something went wrong.'}</p>
                  <Button variant="secondary" size="sm" onClick={() => void preview.refetch()}>
                    Try again
                  </Button>
                </div>
              ) : shown ? (
                <div className={templateError ? 'alert-preview__card alert-preview__card--stale' : 'alert-preview__card'}>
                  <p className="alert-preview__title" data-testid="preview-title">
                    {email ? <span className="alert-preview__label">Subject: </span> : null}
                    {shown.title}
                  </p>
                  <p className="alert-preview__text" data-testid="preview-body">
                    {shown.body}
                  </p>
                </div>
              ) : templateError ? (
                <p className="muted">Fix the template marked with ⚠ to see the preview.</p>
              ) : (
                <p className="muted">Loading the preview…</p>
              )}
            </div>
            <p className="form__hint">
              {templateError && shown ? 'Showing the last preview that worked. ' : ''}A sample {ROUTE_EVENTS.find((e) => e.value === event)?.sample ?? 'alert'}
              {email ? ', as the email would read' : ', as it would read'}.
            </p>
          </section>
        </div>
      </div>
    </details>
  );
}
