import { useEffect, useRef, type ReactNode } from 'react';

/** One card with the page's only heading; `focusTitle` moves focus to it after an action replaced the content. */
export function AckCard({
  title,
  tone = 'neutral',
  children,
  actions,
  focusTitle = false,
  testId,
}: {
  title: string;
  tone?: 'neutral' | 'good' | 'warning';
  children: ReactNode;
  actions?: ReactNode;
  focusTitle?: boolean;
  testId?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle, title]);
  return (
    <section className={`ack-card ack-card--${tone}`} aria-labelledby="ack-card-title" data-testid={testId}>
      <h1 id="ack-card-title" className="ack-card__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
      {actions ? <div className="ack-card__actions">{actions}</div> : null}
    </section>
  );
}
