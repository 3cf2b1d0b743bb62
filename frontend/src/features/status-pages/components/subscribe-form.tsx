import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { FormAlert, TextField, splitErrors, validators } from '@/components/form';
import { errorCodeOf, retryAfterOf } from '@/lib/graphql-client';
import type { PublicComponentData } from '../api/get-public-status-page';
import { useSubscribeToStatusPage } from '../api/subscribe';

type Scope = 'all' | 'some';

const checkEmail = validators.email();
const NO_COMPONENT = 'Choose at least one component, or get updates for all of them.';

/** "in 40 seconds", "in 2 minutes", or "in a minute" without a hint from the server. */
export function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return 'in a minute';
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function generalMessage(error: unknown): string | null {
  const code = errorCodeOf(error);
  if (code === 'RATE_LIMITED') return `Too many subscription attempts. Please try again ${waitText(retryAfterOf(error))}.`;
  if (code === 'NOT_FOUND') return 'This status page no longer exists, so it cannot be subscribed to.';
  if (code === 'STATUS_PAGE_LOCKED') return 'Your access to this private page has ended. Reload the page to open it again, then subscribe.';
  return splitErrors(error, ['email', 'componentIds']).general;
}

interface SubscribeFormProps {
  /** The page's path on this host (`""`: the default page). */
  slug: string;
  /** The visitor's grant for a restricted page. */
  accessToken?: string | null;
  components: readonly PublicComponentData[];
  /** A button that closes what holds the form ("Cancel" before sending, "Done" after). */
  renderClose?: (label: 'Cancel' | 'Done') => ReactNode;
}

/**
 * Email updates of one public page: an address and, optionally, only some of its components.
 * The server answers the same whatever the address's state, and this shows that answer.
 */
export function SubscribeForm({ slug, accessToken = null, components, renderClose }: SubscribeFormProps) {
  const subscribe = useSubscribeToStatusPage();
  const [email, setEmail] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<{ email?: string; componentIds?: string }>({});
  const id = useId();
  const choiceErrorId = `${id}-components-error`;

  const server = splitErrors(subscribe.error, ['email', 'componentIds']);
  const emailError = errors.email ?? server.fields.email;
  const componentsError = errors.componentIds ?? server.fields.componentIds;
  const general = subscribe.isError ? generalMessage(subscribe.error) : null;

  if (subscribe.isSuccess) {
    return (
      <div className="sp-subscribe">
      <FormAlert tone="success">
        <p data-testid="subscribe-outcome">{subscribe.data.message}</p>
        <p>
          We sent it to <strong>{subscribe.variables.email}</strong>. The link confirms your subscription; until then you get no updates.
        </p>
      </FormAlert>
      {renderClose ? <div className="sp-subscribe__actions">{renderClose('Done')}</div> : null}
      </div>
    );
  }

  const edited = () => {
    if (subscribe.isError) subscribe.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    const emailProblem = checkEmail(email);
    if (emailProblem) found.email = emailProblem;
    if (scope === 'some' && chosen.size === 0) found.componentIds = NO_COMPONENT;
    setErrors(found);
    if (found.email) {
      event.currentTarget.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
      return;
    }
    if (found.componentIds) {
      event.currentTarget.querySelector<HTMLInputElement>('input[name="componentIds"]')?.focus();
      return;
    }
    // Page order, not the order of clicks.
    const componentIds = scope === 'all' ? [] : components.map((c) => c.id).filter((c) => chosen.has(c));
    subscribe.mutate({ slug, email: email.trim(), componentIds, accessToken });
  };

  const chooseScope = (next: Scope) => {
    edited();
    setErrors((e) => ({ ...e, componentIds: undefined }));
    setScope(next);
  };

  const toggle = (componentId: string, on: boolean) => {
    edited();
    setErrors((e) => ({ ...e, componentIds: undefined }));
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(componentId);
      else next.delete(componentId);
      return next;
    });
  };

  return (
    <form className="sp-subscribe" onSubmit={onSubmit} noValidate aria-label="Subscribe to updates">
      {general ? <FormAlert>{general}</FormAlert> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        placeholder="you@example.com"
        value={email}
        error={emailError}
        required
        onChange={(e) => {
          edited();
          setErrors((current) => ({ ...current, email: undefined }));
          setEmail(e.target.value);
        }}
      />
      {components.length > 0 ? (
        <fieldset className="sp-subscribe__scope">
          <legend className="form__label">Send me updates about</legend>
          <div className="segmented">
            <label className="segmented__option">
              <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => chooseScope('all')} />
              <span>
                <span className="segmented__title">Everything</span>
                <span className="segmented__desc">All components of this page</span>
              </span>
            </label>
            <label className="segmented__option">
              <input type="radio" name="scope" value="some" checked={scope === 'some'} onChange={() => chooseScope('some')} />
              <span>
                <span className="segmented__title">Only some components</span>
                <span className="segmented__desc">Choose which ones</span>
              </span>
            </label>
          </div>
        </fieldset>
      ) : null}
      {components.length > 0 && scope === 'some' ? (
        <fieldset className="sp-subscribe__components" aria-describedby={componentsError ? choiceErrorId : undefined}>
          <legend className="form__label">Components</legend>
          <ul className="sp-subscribe__list">
            {components.map((c) => (
              <li key={c.id}>
                <label className="sp-subscribe__check">
                  <input
                    type="checkbox"
                    name="componentIds"
                    value={c.id}
                    checked={chosen.has(c.id)}
                    aria-invalid={componentsError ? true : undefined}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                  />
                  <span>
                    {c.name}
                    {c.group ? <span className="sp-subscribe__group"> · {c.group}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {componentsError ? (
            <p className="form__error" id={choiceErrorId}>
              <span className="form__error-icon" aria-hidden="true">
                ⚠
              </span>
              {componentsError}
            </p>
          ) : null}
        </fieldset>
      ) : componentsError ? (
        <FormAlert>{componentsError}</FormAlert>
      ) : null}
      <p className="form__hint">We email you a link to confirm first. Every update carries a one-click unsubscribe link.</p>
      <div className="sp-subscribe__actions">
        {renderClose?.('Cancel')}
        <Button type="submit" pending={subscribe.isPending} pendingLabel="Subscribing…">
          Subscribe
        </Button>
      </div>
    </form>
  );
}
