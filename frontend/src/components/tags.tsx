import { useId, useState, type KeyboardEvent } from 'react';
import './tags.css';

/** The API's rule for a tag: 1 to 32 of a-z 0-9 - _ . : (lower-cased). */
const TAG = /^[a-z0-9_.:-]{1,32}$/;
export const MAX_TAGS = 10;

/** A tag as typed, trimmed and lower-cased; null when it breaks the rule. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase();
  return TAG.test(tag) ? tag : null;
}

/** Tags as small chips (decorative list semantics: "Tags: prod, eu"). */
export function TagList({ tags, label = 'Tags' }: { tags: readonly string[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label} data-testid="tag-list">
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

interface TagInputProps {
  label: string;
  /** The input's `name`, so a form can focus it by a field error. */
  name: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  error?: string | undefined;
  hint?: string;
  /** Tags already in use, offered while typing. */
  suggestions?: readonly string[];
  max?: number;
}

/**
 * Tags typed one at a time: Enter or a comma adds the tag, Backspace in the empty box removes the
 * last one, and each chip has its own remove button. Leaving the box adds what was typed.
 */
export function TagInput({ label, name, tags, onChange, error, hint, suggestions = [], max = MAX_TAGS }: TagInputProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error;
  const describedBy = [shown ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

  /** Adds the valid tags in `raw`; what cannot be added stays in the box with the reason. */
  const add = (raw: string) => {
    const parts = raw.split(/[,\s]+/).filter(Boolean);
    const next = [...tags];
    const rejected: string[] = [];
    let reason: string | null = null;
    for (const part of parts) {
      const tag = normalizeTag(part);
      if (!tag) {
        rejected.push(part);
        reason ??= `“${part}” is not a tag: use 1 to 32 of a–z, 0–9, - _ . and :`;
      } else if (!next.includes(tag)) {
        if (next.length >= max) {
          rejected.push(part);
          reason ??= `A monitor can have at most ${max} tags.`;
        } else next.push(tag);
      }
    }
    if (next.length !== tags.length) onChange(next);
    setProblem(reason);
    setText(rejected.join(' '));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && text.trim() !== '') {
      event.preventDefault();
      add(text);
    } else if (event.key === ',') {
      event.preventDefault();
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  const offered = suggestions.filter((s) => !tags.includes(s));
  return (
    <div className="form__field">
      <label className="form__label" htmlFor={id}>
        {label}
      </label>
      <div className={shown ? 'tag-input tag-input--invalid' : 'tag-input'}>
        {tags.length > 0 ? (
          <ul className="tag-input__chips" aria-label={`${label} added`}>
            {tags.map((tag) => (
              <li key={tag} className="tag tag--removable">
                {tag}
                <button type="button" className="tag__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={id}
          name={name}
          className="tag-input__input"
          value={text}
          list={offered.length > 0 ? `${id}-suggestions` : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={tags.length === 0 ? 'e.g. production' : ''}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setProblem(null);
            // Picking a suggestion (Chromium reports it as a replacement) or pasting "a,b," adds at once.
            const value = e.target.value;
            const picked = (e.nativeEvent as InputEvent).inputType === 'insertReplacementText' && offered.includes(value);
            if (picked || value.endsWith(',')) add(value);
            else setText(value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (text.trim() !== '') add(text);
          }}
        />
        {offered.length > 0 ? (
          <datalist id={`${id}-suggestions`}>
            {offered.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
      </div>
      {shown ? (
        <p className="form__error" id={`${id}-error`}>
          <span className="form__error-icon" aria-hidden="true">
            ⚠
          </span>
          {shown}
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
