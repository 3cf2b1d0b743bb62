import { GraphQLRequestError } from '@/lib/graphql-client';

export interface SplitErrors {
  /** Messages for fields the form shows. */
  readonly fields: Readonly<Record<string, string>>;
  /** A message for above the form, or null. */
  readonly general: string | null;
}

/**
 * Splits a request error into messages next to the form's fields and one general message.
 * Errors naming a field the form does not have, and errors without fields, become general.
 * `fieldMessages` rewrites a field's message into a full sentence naming the field.
 */
export function splitErrors(
  error: unknown,
  formFields: readonly string[],
  generalByCode: Readonly<Record<string, string>> = {},
  fieldMessages: Readonly<Record<string, (message: string) => string>> = {},
): SplitErrors {
  if (!error) return { fields: {}, general: null };
  if (!(error instanceof GraphQLRequestError)) {
    return { fields: {}, general: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const text = sentence(message);
    if (formFields.includes(field)) fields[field] = fieldMessages[field]?.(text) ?? text;
    else others.push(text);
  }
  const byCode = error.code ? (generalByCode[error.code] ?? DEFAULT_MESSAGES[error.code]) : undefined;
  let general: string | null = null;
  if (byCode) general = byCode;
  else if (others.length > 0) general = others.join(' ');
  else if (Object.keys(fields).length === 0) general = sentence(error.message);
  return { fields, general };
}

/** The server's messages are fragments ("is required"); show them as sentences. */
export function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
};
