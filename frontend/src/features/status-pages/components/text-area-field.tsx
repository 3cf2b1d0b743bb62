import { useId, type TextareaHTMLAttributes } from 'react';
import '@/components/form.css';

/** A labelled multi-line input with its error and hint, in the look of the shared form fields. */
export function TextAreaField({
  label,
  error,
  hint,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & { label: string; error?: string | undefined; hint?: string }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form__field">
      <label className="form__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={error ? 'form__input form__textarea form__input--invalid' : 'form__input form__textarea'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...textarea}
      />
      {error ? (
        <p className="form__error" id={`${id}-error`}>
          <span className="form__error-icon" aria-hidden="true">
            ⚠
          </span>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="form__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
