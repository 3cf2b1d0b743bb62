import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { FormAlert, SelectField, splitErrors, TextField } from '@/components/form';
import type { AlertChannelInput, AlertChannelKind } from '@/gql/graphql';
import { fieldsOf, kindSpec, supportsTemplates, type FieldSpec, type KindSpec } from './kinds';
import { hasTemplates, MessageSection, TEMPLATE_FIELDS } from './message-section';

export const MAX_ADDRESSES = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ChannelValues {
  name: string;
  url: string;
  token: string;
  recipient: string;
  priority: string;
  addresses: string[];
  titleTemplate: string;
  bodyTemplate: string;
}

/** What an existing channel shows (its secrets are never returned). */
export interface SavedChannel {
  name: string;
  url?: string | null;
  recipient?: string | null;
  priority?: number | null;
  addresses: readonly string[];
  hasSecret: boolean;
  titleTemplate?: string | null;
  bodyTemplate?: string | null;
}

export function initialValues(spec: KindSpec, saved?: SavedChannel): ChannelValues {
  return {
    name: saved?.name ?? '',
    // A secret URL comes back as its origin only: the box starts empty ("leave empty to keep").
    url: spec.url?.secret ? '' : (saved?.url ?? ''),
    token: '',
    recipient: saved?.recipient ?? '',
    priority: String(saved?.priority ?? spec.priority?.initial ?? ''),
    addresses: saved && saved.addresses.length > 0 ? [...saved.addresses] : [''],
    titleTemplate: saved?.titleTemplate ?? '',
    bodyTemplate: saved?.bodyTemplate ?? '',
  };
}

function withoutKeys(errors: Record<string, string>, drop: (key: string) => boolean): Record<string, string> {
  return Object.keys(errors).some(drop) ? Object.fromEntries(Object.entries(errors).filter(([key]) => !drop(key))) : errors;
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Whether a secret field may stay empty: editing a channel that has one stored. */
function keepsStored(spec: FieldSpec | undefined, saved: SavedChannel | undefined): boolean {
  return Boolean(spec?.secret && saved?.hasSecret);
}

/** The client's checks, keyed by input name (`addresses[1]` for one address). */
export function validate(spec: KindSpec, values: ChannelValues, saved?: SavedChannel): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.name.trim() === '') errors.name = 'Enter a name for the channel.';
  if (spec.addresses) {
    const filled = values.addresses.map((a) => a.trim());
    filled.forEach((address, index) => {
      if (address !== '' && !EMAIL.test(address)) errors[`addresses[${index}]`] = 'Enter an email address in the form name@example.com.';
    });
    if (filled.every((a) => a === '')) errors['addresses[0]'] = 'Enter at least one email address.';
  }
  if (spec.url) {
    const url = values.url.trim();
    if (url === '' && spec.url.required && !keepsStored(spec.url, saved)) errors.url = `Enter the ${lower(spec.url.label)}.`;
    else if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) errors.url = 'Enter a full address starting with https://.';
  }
  if (spec.token && values.token.trim() === '' && spec.token.required && !keepsStored(spec.token, saved)) {
    errors.token = `Enter the ${lower(spec.token.label)}.`;
  }
  if (spec.recipient?.required && values.recipient.trim() === '') errors.recipient = `Enter the ${lower(spec.recipient.label)}.`;
  return errors;
}

/**
 * The API input for the kind: only the fields it uses; empty optional fields and empty secrets
 * are left out (on edit, a left-out secret keeps the stored one). A template is sent when set,
 * and as "" when a stored one was cleared (Beacon's own wording again).
 */
export function toInput(kind: AlertChannelKind, values: ChannelValues, create: boolean, saved?: SavedChannel): AlertChannelInput {
  const spec = kindSpec(kind);
  const input: AlertChannelInput = { name: values.name.trim() };
  if (create) input.kind = kind;
  if (spec.addresses) input.addresses = values.addresses.map((a) => a.trim()).filter(Boolean);
  if (spec.url && values.url.trim()) input.url = values.url.trim();
  if (spec.token && values.token.trim()) input.token = values.token.trim();
  if (spec.recipient && values.recipient.trim()) input.recipient = values.recipient.trim();
  if (spec.priority && values.priority !== '') input.priority = Number(values.priority);
  if (supportsTemplates(kind)) {
    for (const field of TEMPLATE_FIELDS) {
      const value = values[field].trim() === '' ? '' : values[field];
      if (value !== '' || saved?.[field]) input[field] = value;
    }
  }
  return input;
}

export interface ChannelFormProps {
  kind: AlertChannelKind;
  /** The accessible name of the form. */
  label: string;
  /** The channel being edited; absent when creating. */
  saved?: SavedChannel;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: AlertChannelInput) => void;
  /** Called on any change (to reset a finished mutation's state). */
  onEdit?: () => void;
  /** Extra actions next to submit (e.g. Cancel). */
  actions?: ReactNode;
  /** Changes when the saved channel does (e.g. its `updatedAt`): typed secrets are then cleared, being stored. */
  savedVersion?: string;
}

/** A channel's name and the settings its kind uses, with where to find each and the server's errors under the fields. */
export function ChannelForm({ kind, label, saved, submitLabel, pendingLabel, pending, error, onSubmit, onEdit, actions, savedVersion }: ChannelFormProps) {
  const spec = kindSpec(kind);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => initialValues(spec, saved));
  // After a save the form stays (and keeps focus); only the secrets typed into it are emptied.
  const [version, setVersion] = useState(savedVersion);
  if (version !== savedVersion) {
    setVersion(savedVersion);
    setValues((current) => ({ ...current, token: '', url: spec.url?.secret ? '' : current.url }));
  }
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formFields = [
    'name',
    'url',
    'token',
    'recipient',
    'priority',
    'addresses',
    ...values.addresses.map((_, i) => `addresses[${i}]`),
    ...(supportsTemplates(kind) ? TEMPLATE_FIELDS : []),
  ];
  const { fields: serverFields, general } = splitErrors(error, formFields, {
    FORBIDDEN: 'Only admins and owners can add or change alert channels.',
  });

  const focusFirst = (names: Record<string, string>) => {
    const first = Array.from(formRef.current?.elements ?? []).find(
      (el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
        (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.name in names,
    );
    first?.focus();
  };

  // The server's field errors move focus to the first field they name, like the form's own.
  useEffect(() => {
    focusFirst(serverFields);
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  const errorOf = (name: string) => errors[name] ?? serverFields[name];
  const set = (field: Exclude<keyof ChannelValues, 'addresses'>, value: string) => {
    onEdit?.();
    setErrors((current) => withoutKeys(current, (key) => key === field));
    setValues((current) => ({ ...current, [field]: value }));
  };
  const setAddresses = (next: string[]) => {
    onEdit?.();
    setErrors((current) => withoutKeys(current, (key) => key.startsWith('addresses')));
    setValues((current) => ({ ...current, addresses: next }));
  };

  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(spec, values, saved);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    onSubmit(toInput(kind, values, saved === undefined, saved));
  };

  const secretHint = (field: FieldSpec) =>
    keepsStored(field, saved) ? (
      <>
        <strong>Stored — leave empty to keep it.</strong> {field.hint}
      </>
    ) : (
      field.hint
    );

  const renderField = (name: 'url' | 'token' | 'recipient') => {
    const field = spec[name];
    if (!field) return null;
    const stored = keepsStored(field, saved);
    const placeholder = stored ? (name === 'url' && saved?.url ? `${saved.url} (stored)` : '•••••••• (stored)') : field.placeholder;
    return (
      <TextField
        key={name}
        label={field.required || stored ? field.label : `${field.label} (optional)`}
        name={name}
        type={name === 'token' ? 'password' : name === 'url' ? 'url' : 'text'}
        value={values[name]}
        onChange={(e) => set(name, e.target.value)}
        error={errorOf(name)}
        hint={field.secret ? secretHint(field) : field.hint}
        placeholder={placeholder}
        required={field.required && !stored}
        autoComplete={name === 'token' ? 'new-password' : 'off'}
        autoCapitalize="none"
        spellCheck={false}
      />
    );
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form ref={formRef} className="form" aria-label={label} noValidate onSubmit={onFormSubmit}>
        <TextField
          label="Name"
          name="name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errorOf('name')}
          hint="Shown in lists and in the messages, e.g. “On-call Slack”."
          required
          maxLength={100}
        />
        {fieldsOf(spec).map((field) => {
          if (field === 'addresses')
            return <AddressesField key="addresses" addresses={values.addresses} onChange={setAddresses} errorOf={errorOf} hint={spec.addresses?.hint ?? ''} />;
          if (field === 'priority' && spec.priority)
            return (
              <SelectField
                key="priority"
                label={spec.priority.label}
                name="priority"
                value={values.priority}
                onChange={(e) => set('priority', e.target.value)}
                options={spec.priority.options.map((o) => ({ value: String(o.value), label: o.label }))}
                error={errorOf('priority')}
                hint={spec.priority.hint}
              />
            );
          return field === 'priority' ? null : renderField(field);
        })}
        {supportsTemplates(kind) ? (
          <MessageSection
            kind={kind}
            values={{ titleTemplate: values.titleTemplate, bodyTemplate: values.bodyTemplate }}
            onChange={set}
            errorOf={errorOf}
            initiallyOpen={hasTemplates(values)}
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </Button>
          {actions}
        </div>
      </form>
    </>
  );
}

function AddressesField({
  addresses,
  onChange,
  errorOf,
  hint,
}: {
  addresses: readonly string[];
  onChange: (next: string[]) => void;
  errorOf: (name: string) => string | undefined;
  hint: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const focusIndex = useRef<number | null>(null);
  const groupError = errorOf('addresses');

  // After adding or removing a row, focus moves to the row that now matters.
  useEffect(() => {
    if (focusIndex.current === null) return;
    listRef.current?.querySelector<HTMLInputElement>(`input[name="addresses[${focusIndex.current}]"]`)?.focus();
    focusIndex.current = null;
  });

  return (
    <fieldset className="alert-addresses" aria-describedby={groupError ? 'alert-addresses-error' : 'alert-addresses-hint'}>
      <legend className="form__label">Email addresses</legend>
      <div className="alert-addresses__rows" ref={listRef}>
        {addresses.map((address, index) => (
          <div className="alert-addresses__row" key={index}>
            <TextField
              label={`Address ${index + 1}`}
              name={`addresses[${index}]`}
              type="email"
              value={address}
              onChange={(e) => onChange(addresses.map((a, i) => (i === index ? e.target.value : a)))}
              error={errorOf(`addresses[${index}]`)}
              placeholder="oncall@example.com"
              autoComplete="off"
            />
            {addresses.length > 1 ? (
              <Button
                variant="ghost"
                size="sm"
                className="alert-addresses__remove"
                aria-label={`Remove address ${index + 1}`}
                onClick={() => {
                  onChange(addresses.filter((_, i) => i !== index));
                  focusIndex.current = Math.max(0, index - 1);
                }}
              >
                Remove
              </Button>
            ) : null}
          </div>
        ))}
      </div>
      {groupError ? (
        <p className="form__error" id="alert-addresses-error">
          <span className="form__error-icon" aria-hidden="true">
            ⚠
          </span>
          {groupError}
        </p>
      ) : null}
      <p className="form__hint" id="alert-addresses-hint">
        {hint}
      </p>
      <div>
        <Button
          variant="secondary"
          size="sm"
          disabled={addresses.length >= MAX_ADDRESSES}
          onClick={() => {
            onChange([...addresses, '']);
            focusIndex.current = addresses.length;
          }}
        >
          Add address
        </Button>
      </div>
    </fieldset>
  );
}
