import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { CheckboxField, FormAlert, SelectField, TextField, splitErrors, useFormValidation } from '@/components/form';
import { TagInput } from '@/components/tags';
import type { MonitorKind } from '@/gql/graphql';
import { cronInWords } from '@/lib/cron';
import { timeZones } from '@/lib/time-zones';
import { useMonitorTags } from '../api/get-monitor-tags';
import { formatInterval, KIND_LABELS } from './format';
import { alertingRules, FIELDS, rulesFor, tagsOf, type FailureMode, type Field, type FieldValues, type HeartbeatMode, type MonitorFormState } from './monitor-form-values';

const HEARTBEAT_MODES: readonly { value: HeartbeatMode; label: string; hint: string }[] = [
  { value: 'interval', label: 'Every interval', hint: 'e.g. every hour, from its last ping' },
  { value: 'cron', label: 'On a cron schedule', hint: 'At the times your job’s crontab runs it' },
];

const KINDS: readonly { kind: MonitorKind; hint: string }[] = [
  { kind: 'HTTP', hint: 'A website or API answers' },
  { kind: 'TCP', hint: 'A port accepts connections' },
  { kind: 'DNS', hint: 'A name resolves' },
  { kind: 'TLS', hint: 'A certificate is valid' },
  { kind: 'HEARTBEAT', hint: 'A job pings Beacon' },
];

export const INTERVAL_OPTIONS = [
  { value: '10', label: '10 seconds' },
  { value: '30', label: '30 seconds' },
  { value: '60', label: '1 minute' },
  { value: '300', label: '5 minutes' },
  { value: '600', label: '10 minutes' },
  { value: '3600', label: '1 hour' },
];

const METHOD_OPTIONS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => ({ value: m, label: m }));
const RECORD_OPTIONS = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'].map((r) => ({ value: r, label: r }));
/** "Down after" choices: in a row, or (within a window) just counted. */
function thresholdOptions(mode: FailureMode) {
  return Array.from({ length: 10 }, (_, i) => ({
    value: String(i + 1),
    label: i === 0 ? '1 failed check' : mode === 'window' ? `${i + 1} failed checks` : `${i + 1} failed checks in a row`,
  }));
}

const FAILURE_MODES: readonly { value: FailureMode; label: string; hint: string }[] = [
  { value: 'consecutive', label: 'Failures in a row', hint: 'Beacon re-checks quickly after a failure, so a single blip is not an outage' },
  { value: 'window', label: 'Failures within a time window', hint: 'For checks that fail now and then: counted over minutes, no quick re-checks' },
];

/** The interval choices, plus the monitor's own when it was set to another value over the API. */
function intervalOptions(current: string) {
  if (INTERVAL_OPTIONS.some((o) => o.value === current) || !/^\d+$/.test(current)) return INTERVAL_OPTIONS;
  const label = formatInterval(Number(current)).replace(/^every /, '');
  return [...INTERVAL_OPTIONS, { value: current, label }].sort((a, b) => Number(a.value) - Number(b.value));
}

export interface MonitorFormProps {
  /** The form's accessible name, e.g. "Create monitor". */
  label: string;
  initial: MonitorFormState;
  /** An existing monitor's kind cannot change: it is shown, not offered. */
  kindFixed?: boolean;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The mutation's error: field errors go under their fields, the rest above the form. */
  error: unknown;
  /** What a `FORBIDDEN` answer means here. */
  forbiddenMessage: string;
  onSubmit: (state: MonitorFormState) => void;
  /** Called when the kind changes (e.g. to forget the last server error). */
  onKindChange?: () => void;
  /** Next to the submit button, e.g. a Cancel link. */
  secondaryAction?: ReactNode;
}

/**
 * A monitor's settings, shared by the create and edit pages: the kind, what it checks, how often
 * and after how many failures it counts as down. Mistakes are named next to their field
 * (client-side first, then the server's), and the first one gets focus.
 */
export function MonitorForm({
  label,
  initial,
  kindFixed = false,
  submitLabel,
  pendingLabel,
  pending,
  error: mutationError,
  forbiddenMessage,
  onSubmit,
  onKindChange,
  secondaryAction,
}: MonitorFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<MonitorKind>(initial.kind);
  const [heartbeatMode, setHeartbeatMode] = useState<HeartbeatMode>(initial.heartbeatMode);
  const [values, setValues] = useState<FieldValues>(initial.values);
  const failureMode = values.failureMode as FailureMode;
  const flapDetection = values.flapDetection;
  const rules = useMemo(
    () => ({ ...rulesFor(kind, heartbeatMode), ...alertingRules({ failureMode, flapDetection }) }),
    [kind, heartbeatMode, failureMode, flapDetection],
  );
  const suggestions = useMonitorTags().data ?? [];
  const zones = useMemo(() => timeZones(initial.values['heartbeat.timeZone']).map((z) => ({ value: z, label: z.replaceAll('_', ' ') })), [initial.values]);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(rules);
  const { fields: serverFields, general } = splitErrors(mutationError, [...FIELDS, 'kind'], { FORBIDDEN: forbiddenMessage });

  // The server's field errors move focus to the first field they name, like the form's own.
  useEffect(() => {
    const form = formRef.current;
    if (!form || Object.keys(serverFields).length === 0) return;
    const first = Array.from(form.elements).find(
      (el): el is HTMLInputElement | HTMLSelectElement => (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name in serverFields,
    );
    first?.focus();
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutationError]);

  const error = (field: Field) => errors[field] ?? serverFields[field];
  const set = (field: Field, value: string) => {
    clearError(field);
    setValues((current) => ({ ...current, [field]: value }));
  };
  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: error(field),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });
  const cronWords = cronInWords(values['heartbeat.cron']);

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form ref={formRef} className="form" onSubmit={handleSubmit(values, () => onSubmit({ kind, heartbeatMode, values }))} noValidate aria-label={label}>
        {kindFixed ? (
          <div className="monitor-form__kind" data-testid="monitor-kind">
            <span className="form__label">What to check</span>
            <span>
              <strong>{KIND_LABELS[kind]}</strong> <span className="muted">{KINDS.find((k) => k.kind === kind)?.hint}. The kind cannot change.</span>
            </span>
          </div>
        ) : (
          <fieldset className="monitor-kinds">
            <legend>What to check</legend>
            {KINDS.map((k) => (
              <label key={k.kind} className="monitor-kinds__option">
                <input
                  type="radio"
                  name="kind"
                  value={k.kind}
                  checked={kind === k.kind}
                  onChange={() => {
                    setKind(k.kind);
                    onKindChange?.();
                  }}
                />
                <span className="monitor-kinds__text">
                  <strong>{KIND_LABELS[k.kind]}</strong>
                  <span className="muted">{k.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {serverFields.kind ? <FormAlert>{serverFields.kind}</FormAlert> : null}

        <TextField label="Name" {...bind('name')} hint="How the monitor appears in lists and alerts, e.g. “Website”." required />

        {kind === 'HTTP' ? (
          <>
            <TextField label="URL" type="url" inputMode="url" placeholder="https://example.com/health" {...bind('http.url')} required />
            <div className="monitor-form__row">
              <SelectField label="Method" options={METHOD_OPTIONS} {...bind('http.method')} />
              <TextField label="Expected status" placeholder="200-399" hint="e.g. 200, 200-299 or 2xx; empty means 200 to 399." {...bind('http.expectedStatus')} />
            </div>
          </>
        ) : null}
        {kind === 'TCP' ? (
          <div className="monitor-form__row">
            <TextField label="Host" placeholder="db.example.com" {...bind('tcp.host')} required />
            <TextField label="Port" type="text" inputMode="numeric" placeholder="5432" {...bind('tcp.port')} required />
          </div>
        ) : null}
        {kind === 'DNS' ? (
          <>
            <div className="monitor-form__row">
              <TextField label="DNS name" placeholder="example.com" {...bind('dns.name')} required />
              <SelectField label="Record type" options={RECORD_OPTIONS} {...bind('dns.recordType')} />
            </div>
            <TextField label="Expected answer" hint="Optional: a value the answer must contain." {...bind('dns.expected')} />
          </>
        ) : null}
        {kind === 'TLS' ? (
          <div className="monitor-form__row">
            <TextField label="Host" placeholder="example.com" {...bind('tls.host')} required />
            <TextField label="Port" type="text" inputMode="numeric" {...bind('tls.port')} required />
          </div>
        ) : null}
        {kind === 'HEARTBEAT' ? (
          <>
            <fieldset className="monitor-kinds">
              <legend>The job runs</legend>
              {HEARTBEAT_MODES.map((m) => (
                <label key={m.value} className="monitor-kinds__option">
                  <input type="radio" name="heartbeatMode" value={m.value} checked={heartbeatMode === m.value} onChange={() => setHeartbeatMode(m.value)} />
                  <span className="monitor-kinds__text">
                    <strong>{m.label}</strong>
                    <span className="muted">{m.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {heartbeatMode === 'cron' ? (
              <div className="monitor-form__row">
                <TextField
                  label="Cron expression"
                  placeholder="0 3 * * *"
                  spellCheck={false}
                  autoComplete="off"
                  hint={cronWords ? `${cronWords}.` : 'Five fields: minute hour day-of-month month day-of-week, as in the crontab.'}
                  {...bind('heartbeat.cron')}
                  required
                />
                <SelectField label="Time zone" options={zones} hint="The zone the crontab runs in." {...bind('heartbeat.timeZone')} />
              </div>
            ) : null}
            <TextField
              label="Grace period (seconds)"
              type="text"
              inputMode="numeric"
              hint={
                kindFixed
                  ? 'How long after an expected ping Beacon waits before calling it down.'
                  : 'How long after an expected ping Beacon waits before calling it down. You get the ping URL after creating.'
              }
              {...bind('heartbeat.graceSeconds')}
              required
            />
          </>
        ) : null}

        {kind === 'HEARTBEAT' && heartbeatMode === 'cron' ? null : (
          <div className="monitor-form__row">
            <SelectField label={kind === 'HEARTBEAT' ? 'Expected every' : 'Check every'} options={intervalOptions(values.intervalSeconds)} {...bind('intervalSeconds')} />
          </div>
        )}

        <AlertingFields kind={kind} values={values} bind={bind} set={set} />

        <TagInput
          label="Tags"
          name="tags"
          tags={tagsOf(values)}
          onChange={(tags) => set('tags', tags.join(','))}
          error={error('tags')}
          suggestions={suggestions}
          hint="Optional, up to 10: press Enter or type a comma after each. Filter the list by tag, or scope maintenance to one."
        />
        <div className="form__actions">
          <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </Button>
          {secondaryAction}
        </div>
      </form>
    </>
  );
}

type Bind = (field: Field) => { name: Field; value: string; error: string | undefined; onChange: (e: { target: { value: string } }) => void };

/**
 * When an outage begins (failures in a row, or within a window) and flap control: a monitor
 * that keeps going down and up sends one "flapping" alert instead of one per change.
 */
function AlertingFields({ kind, values, bind, set }: { kind: MonitorKind; values: FieldValues; bind: Bind; set: (field: Field, value: string) => void }) {
  const mode = values.failureMode as FailureMode;
  const flap = values.flapDetection === 'on';
  return (
    <fieldset className="monitor-alerting" data-testid="monitor-alerting">
      <legend className="monitor-alerting__title">Alerting</legend>
      <fieldset className="monitor-kinds">
        <legend>How failures count</legend>
        {FAILURE_MODES.map((m) => (
          <label key={m.value} className="monitor-kinds__option">
            <input type="radio" name="failureMode" value={m.value} checked={mode === m.value} onChange={() => set('failureMode', m.value)} />
            <span className="monitor-kinds__text">
              <strong>{m.label}</strong>
              <span className="muted">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="monitor-form__row">
        <SelectField label="Down after" options={thresholdOptions(mode)} {...bind('failureThreshold')} />
        {mode === 'window' ? (
          <TextField label="Failure window (minutes)" type="text" inputMode="numeric" hint="1 to 1,440 minutes." {...bind('failureWindowSeconds')} required />
        ) : null}
      </div>
      <CheckboxField
        label="Detect flapping"
        name="flapDetection"
        checked={flap}
        onChange={(e) => set('flapDetection', e.target.checked ? 'on' : 'off')}
        hint="When it keeps going down and up, Beacon sends one alert that it is flapping and records further outages without alerting until it settles."
      />
      {flap ? (
        <div className="monitor-form__row">
          <TextField label="Changes (down or up)" type="text" inputMode="numeric" hint="Flapping from this many changes: 3 to 50." {...bind('flapThreshold')} required />
          <TextField label="Flap window (minutes)" type="text" inputMode="numeric" hint="Counted over this many minutes; it settles after as long without a change." {...bind('flapWindowSeconds')} required />
        </div>
      ) : null}
      {kind === 'HEARTBEAT' ? null : (
        <TextField
          label="Degraded above (ms)"
          type="text"
          inputMode="numeric"
          hint="A slower response marks it degraded: it still counts as up, and channels routed to degradations hear it. Empty: off."
          {...bind('degradedResponseMs')}
        />
      )}
    </fieldset>
  );
}
