import { useId, type ReactNode } from 'react';

/**
 * A page's heading, lead and content. The shell moves focus to the `h1` after navigation, so
 * there must be exactly one per page.
 */
export function Page({
  title,
  lead,
  actions,
  wide = false,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
  children?: ReactNode;
}) {
  return (
    <section className={wide ? 'page page--wide' : 'page'}>
      <header className="page__header">
        <div>
          <h1 className="page__title">{title}</h1>
          {lead ? <p className="page__lead">{lead}</p> : null}
        </div>
        {actions ? <div className="button-row">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A titled part of a page. */
export function Section({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <div>
        <h2 className="section__title" id={id}>
          {title}
        </h2>
        {lead ? <p className="section__lead">{lead}</p> : null}
      </div>
      {children}
    </section>
  );
}
