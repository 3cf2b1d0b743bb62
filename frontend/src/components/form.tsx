import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import './form.css';

export { splitErrors, type SplitErrors } from './form-errors';
export { useFormValidation, validators, type Validator } from './form-validation';

/** Minimum password length the server enforces. */
export const MIN_PASSWORD_LENGTH = 10;

interface FieldFrameProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ id, label, error, hint, children }: FieldFrameProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form__field">
      <label className="form__label" htmlFor={id}>
        {label}
      </label>
      {children(describedBy)}
      {error ? (
        <p className="form__error" id={errorId}>
          <span className="form__error-icon" aria-hidden="true">
            ⚠
          </span>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="form__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  label: string;
  /** Error shown under the input (and announced via `aria-describedby`). */
  error?: string | undefined;
  hint?: ReactNode;
  /** Text shown fixed after the input, e.g. `.beacon.example.com`. */
  suffix?: string;
}

/** A labelled input with its error message next to it. */
export function TextField({ label, error, hint, suffix, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => {
        const field = (
          <input
            id={id}
            className={error ? 'form__input form__input--invalid' : 'form__input'}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            {...input}
          />
        );
        if (!suffix) return field;
        return (
          <div className={error ? 'form__affix form__affix--invalid' : 'form__affix'}>
            {field}
            <span className="form__suffix" aria-hidden="true">
              {suffix}
            </span>
          </div>
        );
      }}
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/** A labelled native select (the most robust choice on phones and with screen readers). */
export function SelectField({ label, error, hint, options, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <select
          id={id}
          className={error ? 'form__input form__select form__input--invalid' : 'form__input form__select'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> {
  label: string;
  hint?: ReactNode;
}

/** A labelled checkbox for an on/off setting, its hint under the label. */
export function CheckboxField({ label, hint, ...input }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="form__check">
      <input id={id} type="checkbox" className="form__checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <div className="form__check-text">
        <label className="form__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <p className="form__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A message above a form: an error (role="alert") or a success notice (role="status"). */
export function FormAlert({ tone = 'error', children }: { tone?: 'error' | 'success' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
