import { useCallback, useState, type FormEvent } from 'react';

/** Returns an error message naming the field, or undefined when the value is fine. */
export type Validator = (value: string) => string | undefined;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The server's rule for organization addresses: 3–40 characters, no leading, trailing or double hyphen. */
const SLUG = /^(?!.*--)[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

/** Validators whose messages are full sentences that name the field. */
export const validators = {
  required:
    (label: string): Validator =>
    (value) =>
      value.trim() === '' ? `Enter ${label}.` : undefined,
  email:
    (label = 'your email address'): Validator =>
    (value) => {
      if (value.trim() === '') return `Enter ${label}.`;
      return EMAIL.test(value.trim()) ? undefined : `Enter ${label} in the form name@example.com.`;
    },
  minLength:
    (label: string, min: number): Validator =>
    (value) => {
      if (value === '') return `Enter ${label}.`;
      return value.length < min ? `${capitalize(label)} must be at least ${min} characters long.` : undefined;
    },
  slug:
    (label: string): Validator =>
    (value) => {
      if (value.trim() === '') return `Enter ${label}.`;
      if (value.length < 3 || value.length > 40) return `${capitalize(label)} must be 3 to 40 characters long.`;
      return SLUG.test(value)
        ? undefined
        : `${capitalize(label)} can use lowercase letters, digits and single dashes, and must start and end with a letter or digit.`;
    },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Client-side validation for a form: `handleSubmit` checks every field's validators, shows the
 * messages, and moves focus to the first invalid field (in the form's order) instead of
 * submitting. Fields are found by their `name` attribute.
 */
export function useFormValidation<F extends string>(rules: Readonly<Partial<Record<F, Validator | readonly Validator[]>>>) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});

  const validate = useCallback(
    (values: Readonly<Record<F, string>>) => {
      const found: Partial<Record<F, string>> = {};
      for (const field of Object.keys(rules) as F[]) {
        const rule = rules[field];
        const list: readonly Validator[] = rule === undefined ? [] : Array.isArray(rule) ? rule : [rule as Validator];
        for (const check of list) {
          const message = check(values[field] ?? '');
          if (message) {
            found[field] = message;
            break;
          }
        }
      }
      return found;
    },
    [rules],
  );

  const handleSubmit = useCallback(
    (values: Readonly<Record<F, string>>, onValid: () => void) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const found = validate(values);
      setErrors(found);
      if (Object.keys(found).length === 0) {
        onValid();
        return;
      }
      const form = event.currentTarget;
      const first = Array.from(form.elements).find(
        (el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
          (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.name in found,
      );
      first?.focus();
    },
    [validate],
  );

  /** Forgets a field's message (call when its value changes). */
  const clearError = useCallback((field: F) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  return { errors, handleSubmit, clearError, setErrors };
}
