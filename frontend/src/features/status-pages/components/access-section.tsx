import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { FormAlert, TextField, splitErrors } from '@/components/form';
import { sentence } from '@/components/form-errors';
import { Section } from '@/components/page';
import { TagList } from '@/components/tags';
import { useToast } from '@/components/toast';
import type { StatusPageAccessMode } from '@/gql/graphql';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { useSetStatusPageAccess } from '../api/status-pages';
import { LockIcon } from './lock-icon';
import './access.css';

/** The server's limits (`setStatusPageAccess`). */
export const MAX_EMAIL_DOMAINS = 20;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

/** A name with a dot, of letters, digits and dashes (the server also refuses public suffixes such as co.uk). */
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

export const ACCESS_MODES: readonly { mode: StatusPageAccessMode; title: string; description: string }[] = [
  { mode: 'PUBLIC', title: 'Public', description: 'Anyone with the address can see the page.' },
  { mode: 'PASSWORD', title: 'Password', description: 'Visitors enter a password you share with them.' },
  { mode: 'EMAIL_DOMAIN', title: 'Email domain', description: 'Visitors get a link by email at an address in your domains.' },
];

export interface PageAccess {
  readonly mode: StatusPageAccessMode;
  readonly emailDomains: readonly string[];
  readonly hasPassword: boolean;
}

interface DomainRow {
  /** Stable identity while rows are added and removed. */
  readonly key: number;
  readonly value: string;
}

type Errors = Partial<Record<string, string>>;

/** Fields of the server's errors this form shows next to its inputs. */
const SERVER_FIELDS = ['password', 'emailDomains', ...Array.from({ length: MAX_EMAIL_DOMAINS }, (_, i) => `emailDomains[${i}]`)];

let lastRowKey = 0;
function domainRow(value = ''): DomainRow {
  lastRowKey += 1;
  return { key: lastRowKey, value };
}

function rowsOf(domains: readonly string[]): DomainRow[] {
  return domains.length > 0 ? domains.map((d) => domainRow(d)) : [domainRow()];
}

/** A domain as typed: trimmed, lower-cased, without a leading `@`. */
function cleanDomain(raw: string): string {
  return raw.trim().replace(/^@/, '').toLowerCase();
}

function summary(access: PageAccess): string {
  if (access.mode === 'PASSWORD') return 'Only visitors with the password can see it.';
  if (access.mode === 'EMAIL_DOMAIN') return `Only people at ${access.emailDomains.join(', ')} can see it.`;
  return 'Anyone can see it.';
}

/** Messages of the server's `emailDomains[<index>]` errors, by index. */
function domainErrorsOf(error: unknown): Map<number, string> {
  const found = new Map<number, string>();
  if (!(error instanceof GraphQLRequestError)) return found;
  for (const [field, message] of Object.entries(error.fields)) {
    const match = /^emailDomains\[(\d+)\]$/.exec(field);
    if (match) found.set(Number(match[1]), sentence(message));
  }
  return found;
}

function ReadOnlyAccess({ access }: { access: PageAccess }) {
  const mode = ACCESS_MODES.find((m) => m.mode === access.mode) ?? ACCESS_MODES[0]!;
  return (
    <dl className="sp-facts" data-testid="access-read-only">
      <div>
        <dt>Who can view the page</dt>
        <dd>
          <strong>{mode.title}</strong> — {mode.description}
        </dd>
      </div>
      {access.mode === 'EMAIL_DOMAIN' ? (
        <div>
          <dt>Email domains</dt>
          <dd>
            <TagList tags={access.emailDomains} label="Email domains" />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function AccessForm({ pageId, saved }: { pageId: string; saved: PageAccess }) {
  const save = useSetStatusPageAccess(pageId);
  const toast = useToast();
  const id = useId();
  // What the server has: the page as loaded, then as each save returned it.
  const [baseline, setBaseline] = useState<PageAccess>(saved);
  const [mode, setMode] = useState<StatusPageAccessMode>(saved.mode);
  const [password, setPassword] = useState('');
  const [rows, setRows] = useState<DomainRow[]>(() => rowsOf(saved.emailDomains));
  // Client checks and the server's field errors, by `password`, `emailDomains` or a row's key.
  const [errors, setErrors] = useState<Errors>({});
  const form = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<string | null>(null);

  const domains = rows.map((r) => cleanDomain(r.value)).filter(Boolean);
  const domainsChanged = domains.length !== baseline.emailDomains.length || domains.some((d, i) => d !== baseline.emailDomains[i]);
  const dirty = mode !== baseline.mode || (mode === 'PASSWORD' && password !== '') || (mode === 'EMAIL_DOMAIN' && domainsChanged);
  // Field errors live in `errors` (by row, so they follow edits); the rest is general.
  const { general } = splitErrors(save.error, SERVER_FIELDS, {
    FORBIDDEN: 'Only members, admins and owners can change who may see a page.',
  });

  useEffect(() => {
    if (!pendingFocus.current) return;
    form.current?.querySelector<HTMLElement>(`[data-focus-id="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  }, [rows]);

  const forget = (...fields: string[]) => {
    if (save.isError || save.isSuccess) save.reset();
    setErrors((current) => {
      if (!fields.some((f) => f in current)) return current;
      const next = { ...current };
      for (const f of fields) delete next[f];
      return next;
    });
  };

  const setRow = (key: number, value: string) => {
    forget(String(key), 'emailDomains');
    setRows((current) => current.map((r) => (r.key === key ? { ...r, value } : r)));
  };

  const addRow = (after?: number) => {
    forget('emailDomains');
    const added = domainRow();
    pendingFocus.current = `domain:${added.key}`;
    setRows((current) => {
      const at = after === undefined ? current.length : current.findIndex((r) => r.key === after) + 1;
      return [...current.slice(0, at), added, ...current.slice(at)];
    });
  };

  const removeRow = (key: number) => {
    forget(String(key), 'emailDomains');
    const index = rows.findIndex((r) => r.key === key);
    let next = rows.filter((r) => r.key !== key);
    if (next.length === 0) next = [domainRow()];
    const neighbour = next[Math.min(index, next.length - 1)];
    pendingFocus.current = neighbour ? `domain:${neighbour.key}` : 'add-domain';
    setRows(next);
  };

  /** Pasting "a.com, b.com" or a column of domains into one box gives each its own row. */
  const onPaste = (key: number, event: ClipboardEvent<HTMLInputElement>) => {
    const parts = event.clipboardData.getData('text').split(/[\s,;]+/).filter(Boolean);
    if (parts.length < 2) return;
    event.preventDefault();
    forget(String(key), 'emailDomains');
    const index = rows.findIndex((r) => r.key === key);
    const current = rows[index];
    const pasted = parts.map((p, i) => (i === 0 && current && current.value.trim() === '' ? { ...current, value: p } : domainRow(p)));
    const keepCurrent = current && current.value.trim() !== '' ? [current] : [];
    const next = [...rows.slice(0, index), ...keepCurrent, ...pasted, ...rows.slice(index + 1)].slice(0, MAX_EMAIL_DOMAINS);
    pendingFocus.current = `domain:${next[Math.min(index + keepCurrent.length + pasted.length - 1, next.length - 1)]?.key}`;
    setRows(next);
  };

  const check = (): Errors => {
    const found: Errors = {};
    if (mode === 'PASSWORD') {
      const length = [...password].length;
      if (password === '' && !baseline.hasPassword) found.password = 'Choose a password for the page.';
      else if (password !== '' && length < PASSWORD_MIN) found.password = `Use at least ${PASSWORD_MIN} characters.`;
      else if (length > PASSWORD_MAX) found.password = `Use at most ${PASSWORD_MAX} characters.`;
    }
    if (mode === 'EMAIL_DOMAIN') {
      for (const row of rows) {
        const domain = cleanDomain(row.value);
        if (domain !== '' && !DOMAIN.test(domain)) found[String(row.key)] = `“${row.value.trim()}” is not a domain such as example.com.`;
      }
      if (domains.length === 0) found.emailDomains = 'Add at least one domain, such as example.com.';
      else if (domains.length > MAX_EMAIL_DOMAINS) found.emailDomains = `Add at most ${MAX_EMAIL_DOMAINS} domains.`;
    }
    return found;
  };

  /** Focus on the first field with a message, in the form's order. */
  const focusFirst = (found: Errors) => {
    const order = ['password', ...rows.map((r) => String(r.key)), 'emailDomains'];
    const first = order.find((f) => found[f]);
    if (!first) return;
    const target = first === 'password' ? 'password' : first === 'emailDomains' ? `domain:${rows[0]?.key}` : `domain:${first}`;
    form.current?.querySelector<HTMLElement>(`[data-focus-id="${target}"]`)?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    // The rows sent, in order: the server's `emailDomains[<index>]` errors point at them.
    const sent = mode === 'EMAIL_DOMAIN' ? rows.filter((r) => cleanDomain(r.value) !== '') : [];
    save.mutate(
      {
        mode,
        password: mode === 'PASSWORD' && password !== '' ? password : undefined,
        // Other modes keep the saved domains, ready for switching back.
        emailDomains: mode === 'EMAIL_DOMAIN' ? sent.map((r) => cleanDomain(r.value)) : [...baseline.emailDomains],
      },
      {
        onSuccess: (page) => {
          setBaseline(page.access);
          setMode(page.access.mode);
          setPassword('');
          setRows(rowsOf(page.access.emailDomains));
          setErrors({});
          toast({ title: 'Access saved', description: `${page.title}: ${summary(page.access)}` });
        },
        onError: (error) => {
          const fromServer: Errors = {};
          const { fields } = splitErrors(error, ['password', 'emailDomains']);
          if (fields.password) fromServer.password = fields.password;
          if (fields.emailDomains) fromServer.emailDomains = fields.emailDomains;
          for (const [index, message] of domainErrorsOf(error)) {
            const row = sent[index];
            if (row) fromServer[String(row.key)] = message;
          }
          setErrors(fromServer);
          focusFirst(fromServer);
        },
      },
    );
  };

  const listErrorId = `${id}-domains-error`;
  const listHintId = `${id}-domains-hint`;
  const listError = errors.emailDomains;

  return (
    <form ref={form} className="sp-access" onSubmit={onSubmit} noValidate aria-label="Access">
      {general ? <FormAlert>{general}</FormAlert> : null}
      <fieldset className="sp-access__modes">
        <legend className="form__label">Who can view this page</legend>
        <div className="segmented">
          {ACCESS_MODES.map((option) => (
            <label key={option.mode} className="segmented__option">
              <input
                type="radio"
                name="mode"
                value={option.mode}
                checked={mode === option.mode}
                onChange={() => {
                  forget('password', 'emailDomains');
                  setMode(option.mode);
                }}
              />
              <span>
                <span className="segmented__title">{option.title}</span>
                <span className="segmented__desc">{option.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {mode === 'PASSWORD' ? (
        <div className="sp-access__detail">
          <TextField
            label={baseline.hasPassword ? 'New password' : 'Password'}
            name="password"
            type="password"
            autoComplete="new-password"
            data-focus-id="password"
            placeholder={baseline.hasPassword ? 'Leave empty to keep the current password' : undefined}
            value={password}
            error={errors.password}
            hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Share it only with the people who should see the page.`}
            onChange={(e) => {
              forget('password');
              setPassword(e.target.value);
            }}
          />
        </div>
      ) : null}

      {mode === 'EMAIL_DOMAIN' ? (
        <fieldset className="sp-access__detail sp-access__domains" aria-describedby={[listError ? listErrorId : null, listHintId].filter(Boolean).join(' ')}>
          <legend className="form__label">Email domains</legend>
          <p className="form__hint" id={listHintId}>
            People with an address at one of these domains can ask for a link that opens the page: example.com lets in ada@example.com. Up to{' '}
            {MAX_EMAIL_DOMAINS}.
          </p>
          <ul className="sp-access__domain-list">
            {rows.map((row, index) => {
              const inputId = `${id}-domain-${row.key}`;
              const error = errors[String(row.key)];
              const name = row.value.trim() || `domain ${index + 1}`;
              return (
                <li key={row.key} className="sp-access__domain" data-testid="access-domain">
                  <div className="sp-access__domain-row">
                    <label className="visually-hidden" htmlFor={inputId}>
                      Domain {index + 1}
                    </label>
                    <input
                      id={inputId}
                      name={`emailDomains[${index}]`}
                      className={error ? 'form__input form__input--invalid' : 'form__input'}
                      value={row.value}
                      placeholder="example.com"
                      autoComplete="off"
                      autoCapitalize="none"
                      spellCheck={false}
                      data-focus-id={`domain:${row.key}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      onChange={(e) => setRow(row.key, e.target.value)}
                      onPaste={(e) => onPaste(row.key, e)}
                      onKeyDown={(e) => {
                        // Enter on a filled last row starts the next one (Save is the button).
                        if (e.key === 'Enter' && row.value.trim() !== '' && index === rows.length - 1 && rows.length < MAX_EMAIL_DOMAINS) {
                          e.preventDefault();
                          addRow(row.key);
                        }
                      }}
                    />
                    <Button variant="ghost" size="sm" aria-label={`Remove ${name}`} onClick={() => removeRow(row.key)}>
                      Remove
                    </Button>
                  </div>
                  {error ? (
                    <p className="form__error" id={`${inputId}-error`}>
                      <span className="form__error-icon" aria-hidden="true">
                        ⚠
                      </span>
                      {error}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {listError ? (
            <p className="form__error" id={listErrorId}>
              <span className="form__error-icon" aria-hidden="true">
                ⚠
              </span>
              {listError}
            </p>
          ) : null}
          {rows.length < MAX_EMAIL_DOMAINS ? (
            <div>
              <Button variant="secondary" size="sm" data-focus-id="add-domain" onClick={() => addRow()}>
                Add a domain
              </Button>
            </div>
          ) : (
            <p className="form__hint">That is the most a page can have.</p>
          )}
        </fieldset>
      ) : null}

      <p className="sp-access__note">
        <LockIcon className="sp-access__note-icon" />
        Changing access signs out visitors who were let in before.
      </p>
      <div className="sp-editor__bar">
        <span className="sp-editor__spacer" />
        {dirty ? (
          <span className="sp-editor__dirty" data-testid="unsaved-access">
            Unsaved changes
          </span>
        ) : null}
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…" disabled={!dirty && !save.isError}>
          Save access
        </Button>
      </div>
    </form>
  );
}

/**
 * Who may see a page: anyone, visitors with its password, or people at some email domains.
 * Members and above change it (any change ends earlier visitors' access); viewers read it.
 */
export function AccessSection({ page, canEdit }: { page: { id: string; access: PageAccess }; canEdit: boolean }) {
  return (
    <Section
      title="Access"
      lead="Keep the page public, or let in only people with its password or an email address at your domains. A restricted page has no RSS or Atom feeds and no status badges."
    >
      {canEdit ? <AccessForm pageId={page.id} saved={page.access} /> : <ReadOnlyAccess access={page.access} />}
    </Section>
  );
}
