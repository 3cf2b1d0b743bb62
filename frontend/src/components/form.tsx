import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import './form.css';

/** Minimum password length the server enforces. */
export const MIN_PASSWORD_LENGTH = 10;

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  label: string;
  /** Error shown under the input (and announced via `aria-describedby`). */
  error?: string | undefined;
  hint?: ReactNode;
}

/** A labelled input with its error message next to it. */
export function TextField({ label, error, hint, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form__field">
      <label className="form__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={error ? 'form__input form__input--invalid' : 'form__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <p className="form__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="form__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A message above a form: an error (role="alert") or a success notice (role="status"). */
export function FormAlert({ tone = 'error', children }: { tone?: 'error' | 'success'; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export interface SplitErrors {
  /** Messages for fields the form shows. */
  readonly fields: Readonly<Record<string, string>>;
  /** A message for above the form, or null. */
  readonly general: string | null;
}

/**
 * Splits a request error into messages next to the form's fields and one general message.
 * Errors naming a field the form does not have, and errors without fields, become general.
 */
export function splitErrors(
  error: unknown,
  formFields: readonly string[],
  generalByCode: Readonly<Record<string, string>> = {},
): SplitErrors {
  if (!error) return { fields: {}, general: null };
  if (!(error instanceof GraphQLRequestError)) {
    return { fields: {}, general: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    if (formFields.includes(field)) fields[field] = sentence(message);
    else others.push(sentence(message));
  }
  const byCode = error.code ? (generalByCode[error.code] ?? DEFAULT_MESSAGES[error.code]) : undefined;
  let general: string | null = null;
  if (byCode) general = byCode;
  else if (others.length > 0) general = others.join(' ');
  else if (Object.keys(fields).length === 0) general = sentence(error.message);
  return { fields, general };
}

/** The server's messages are fragments ("is required"); show them as sentences. */
function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
};
