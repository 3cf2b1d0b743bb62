import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { FormAlert, TextField, splitErrors } from '@/components/form';
import { QueryState } from '@/components/query-state';
import type { AlertChannelKind, EscalationPolicyInput } from '@/gql/graphql';
import { useAlertChannels } from '../api/alert-channels';
import { KindIcon } from './kind-icon';
import {
  MAX_STEPS,
  channelsField,
  draftOf,
  emptyStep,
  policyFields,
  toPolicyInput,
  validatePolicy,
  waitField,
  type DraftStep,
  type PolicyDraft,
} from './escalation-format';

interface ChannelOption {
  id: string;
  name: string;
  kind: AlertChannelKind;
}

type SavedPolicy = Parameters<typeof draftOf>[0];

/** Focuses the first input (in the form's order) that an error names. */
function focusFirst(form: HTMLFormElement | null, found: Record<string, string>) {
  if (!form) return;
  const first = Array.from(form.elements).find((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.name in found);
  first?.focus();
}

export interface EscalationEditorProps {
  policy: SavedPolicy;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onEdit: () => void;
  onSubmit: (input: EscalationPolicyInput) => void;
  secondaryAction?: ReactNode;
}

/** The policy editor once the organization's channels are known. */
export function EscalationEditor(props: EscalationEditorProps) {
  const channels = useAlertChannels();
  return (
    <QueryState
      query={channels}
      what="the alert channels"
      skeletonLines={4}
      isEmpty={(data) => data.length === 0}
      empty={
        <EmptyState
          title="Add an alert channel first."
          action={
            <Link className={buttonClass()} to="/app/alerts/new">
              Add channel
            </Link>
          }
        >
          Each step of a policy notifies one or more of your alert channels.
        </EmptyState>
      }
    >
      {(data) => <EditorForm {...props} channels={data} />}
    </QueryState>
  );
}

function EditorForm({
  policy,
  label,
  submitLabel,
  pendingLabel,
  pending,
  error,
  onEdit,
  onSubmit,
  secondaryAction,
  channels,
}: EscalationEditorProps & { channels: readonly ChannelOption[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const focusAfterRender = useRef<string | null>(null);
  const { fields: serverErrors, general } = splitErrors(error, policyFields(draft.steps.length), {
    FORBIDDEN: 'Only admins and owners can change escalation policies.',
  });
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };

  // Focus after a step moved, was added or removed (the element exists only after rendering).
  useEffect(() => {
    const selector = focusAfterRender.current;
    focusAfterRender.current = null;
    if (selector) formRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  // The server's field errors move focus to the first field they name.
  useEffect(() => {
    if (Object.keys(serverErrors).length > 0) focusFirst(formRef.current, serverErrors);
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  const edited = (...fields: string[]) => {
    onEdit();
    if (fields.length === 0) setClientErrors({});
    else
      setClientErrors((current) => {
        const next = { ...current };
        for (const f of fields) delete next[f];
        return next;
      });
  };
  const updateStep = (index: number, change: Partial<DraftStep>, field: string) => {
    edited(field);
    setDraft((d) => ({ ...d, steps: d.steps.map((s, i) => (i === index ? { ...s, ...change } : s)) }));
  };
  const moveStep = (index: number, by: -1 | 1) => {
    const step = draft.steps[index];
    const target = index + by;
    if (!step || target < 0 || target >= draft.steps.length) return;
    edited();
    const steps = [...draft.steps];
    steps.splice(index, 1);
    steps.splice(target, 0, step);
    setDraft((d) => ({ ...d, steps }));
    // Keep focus on the button that moved it, or its partner when the step reached an end.
    const atEnd = target === 0 || target === steps.length - 1;
    focusAfterRender.current = `[data-step="${step.key}"] [data-move="${atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}"]`;
  };
  const removeStep = (index: number) => {
    edited();
    const steps = draft.steps.filter((_, i) => i !== index);
    setDraft((d) => ({ ...d, steps }));
    const neighbour = steps[Math.min(index, steps.length - 1)];
    focusAfterRender.current = neighbour ? `[data-step="${neighbour.key}"] input` : '[data-add-step]';
  };
  const addStep = () => {
    edited();
    const step = emptyStep('10');
    setDraft((d) => ({ ...d, steps: [...d.steps, step] }));
    focusAfterRender.current = `[data-step="${step.key}"] input`;
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form
        ref={formRef}
        className="form escalation-form"
        aria-label={label}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found = validatePolicy(draft);
          setClientErrors(found);
          if (Object.keys(found).length > 0) {
            focusFirst(formRef.current, found);
            return;
          }
          onSubmit(toPolicyInput(draft));
        }}
      >
        <TextField
          label="Name"
          name="name"
          value={draft.name}
          error={errors.name}
          hint="e.g. “Production on-call”."
          onChange={(e) => {
            edited('name');
            setDraft((d) => ({ ...d, name: e.target.value }));
          }}
          required
        />
        <div className="escalation-steps">
          <h2 className="form__label escalation-steps__title" id="escalation-steps-title">
            Steps
          </h2>
          <p className="form__hint">Beacon works down the steps until someone acknowledges the outage or it resolves.</p>
          {errors.steps ? <FormAlert>{errors.steps}</FormAlert> : null}
          <ol className="escalation-steps__list" aria-labelledby="escalation-steps-title">
            {draft.steps.map((step, index) => (
              <StepEditor
                key={step.key}
                step={step}
                index={index}
                count={draft.steps.length}
                channels={channels}
                waitError={errors[waitField(index)]}
                channelsError={errors[channelsField(index)]}
                onWait={(value) => updateStep(index, { waitMinutes: value }, waitField(index))}
                onChannels={(ids) => updateStep(index, { channelIds: ids }, channelsField(index))}
                onMove={(by) => moveStep(index, by)}
                onRemove={() => removeStep(index)}
              />
            ))}
          </ol>
          {draft.steps.length < MAX_STEPS ? (
            <div>
              <Button variant="secondary" onClick={addStep} data-add-step="">
                Add step
              </Button>
            </div>
          ) : (
            <p className="muted">A policy has at most {MAX_STEPS} steps.</p>
          )}
        </div>
        <TextField
          label="Repeat the last step every (minutes)"
          name="repeatEveryMinutes"
          type="text"
          inputMode="numeric"
          value={draft.repeatEveryMinutes}
          error={errors.repeatEveryMinutes}
          hint="0: stop after the last step. Otherwise 5 to 1,440: the last step repeats until the outage is acknowledged or resolved."
          onChange={(e) => {
            edited('repeatEveryMinutes');
            setDraft((d) => ({ ...d, repeatEveryMinutes: e.target.value }));
          }}
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

function StepEditor({
  step,
  index,
  count,
  channels,
  waitError,
  channelsError,
  onWait,
  onChannels,
  onMove,
  onRemove,
}: {
  step: DraftStep;
  index: number;
  count: number;
  channels: readonly ChannelOption[];
  waitError: string | undefined;
  channelsError: string | undefined;
  onWait: (value: string) => void;
  onChannels: (ids: string[]) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const number = index + 1;
  const toggle = (channelId: string, on: boolean) => {
    // Keep the organization's order, whatever order they were ticked in.
    const chosen = new Set(step.channelIds);
    if (on) chosen.add(channelId);
    else chosen.delete(channelId);
    onChannels(channels.filter((c) => chosen.has(c.id)).map((c) => c.id));
  };
  return (
    <li className="escalation-step" data-step={step.key} data-testid="escalation-step">
      <fieldset className="escalation-step__fieldset">
        <legend className="escalation-step__legend">Step {number}</legend>
        <TextField
          label="Wait (minutes)"
          name={waitField(index)}
          type="text"
          inputMode="numeric"
          value={step.waitMinutes}
          error={waitError}
          hint={index === 0 ? 'Counted from the start of the outage; 0 notifies at once.' : `Counted from step ${index}.`}
          onChange={(e) => onWait(e.target.value)}
        />
        <fieldset className="escalation-step__channels" aria-describedby={channelsError ? `${id}-error` : undefined} aria-invalid={channelsError ? true : undefined}>
          <legend className="form__label">Notify</legend>
          <ul className="escalation-step__channel-list">
            {channels.map((c) => (
              <li key={c.id}>
                <label className="escalation-step__channel">
                  <input
                    type="checkbox"
                    className="form__checkbox"
                    name={channelsField(index)}
                    checked={step.channelIds.includes(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                  />
                  <KindIcon kind={c.kind} />
                  <span>{c.name}</span>
                </label>
              </li>
            ))}
          </ul>
          {channelsError ? (
            <p className="form__error" id={`${id}-error`}>
              <span className="form__error-icon" aria-hidden="true">
                ⚠
              </span>
              {channelsError}
            </p>
          ) : null}
        </fieldset>
        <div className="escalation-step__actions">
          <Button variant="ghost" size="sm" data-move="up" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move step ${number} up`}>
            <span aria-hidden="true">↑</span> Up
          </Button>
          <Button variant="ghost" size="sm" data-move="down" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move step ${number} down`}>
            <span aria-hidden="true">↓</span> Down
          </Button>
          <Button variant="ghost" size="sm" disabled={count === 1} onClick={onRemove} aria-label={`Remove step ${number}`}>
            Remove
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
