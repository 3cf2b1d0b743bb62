import { useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { roleLabel } from '@/lib/roles';

export interface TenantChoice {
  slug: string;
  name: string;
  role: string;
  /** `<slug>.<BASE_DOMAIN>`, as the server names it. */
  host: string;
}

/** The organizations to log in to, as cards (a choice, not a form); focus starts on the first. */
export function TenantPicker({
  choices,
  pending,
  onPick,
  onBack,
}: {
  choices: readonly TenantChoice[];
  pending: boolean;
  onPick: (slug: string) => void;
  onBack: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  return (
    <section className="picker" aria-labelledby="tenant-choice-title">
      <h2 id="tenant-choice-title" className="section__title">
        Choose an organization
      </h2>
      <p className="section__lead">You belong to several. You can switch later from the organization menu.</p>
      <ul className="choice-list">
        {choices.map((tenant, index) => (
          <li key={tenant.slug}>
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              className="choice-card"
              disabled={pending}
              onClick={() => onPick(tenant.slug)}
            >
              <span className="choice-card__avatar" aria-hidden="true">
                {(tenant.name.trim().charAt(0) || '?').toUpperCase()}
              </span>
              <span className="choice-card__text">
                <span className="choice-card__title">{tenant.name}</span>
                <span className="choice-card__meta">
                  {tenant.host} · {roleLabel(tenant.role)}
                </span>
              </span>
              <span className="choice-card__chevron" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <Button variant="ghost" onClick={onBack}>
          ← Use another account
        </Button>
      </div>
    </section>
  );
}
