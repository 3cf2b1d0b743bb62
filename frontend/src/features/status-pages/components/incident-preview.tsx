import { useNow } from '@/lib/use-now';
import type { PublicIncidentData } from '../api/get-public-status-page';
import { IncidentCard } from './public-incidents';
import './public-status-page.css';

/** An incident exactly as the public page shows it (the same card), labelled as a preview. */
export function IncidentPreview({
  incident,
  label = 'Preview: what visitors see',
  headingLevel = 3,
}: {
  incident: PublicIncidentData;
  label?: string;
  /** 2 where no section heading is above it. */
  headingLevel?: 2 | 3;
}) {
  const now = useNow(30_000);
  return (
    <section className="inc-preview" aria-label={label} data-testid="incident-preview">
      <p className="inc-preview__label" aria-hidden="true">
        {label}
      </p>
      <div className="sp-scope inc-preview__frame">
        <IncidentCard incident={incident} now={now} headingLevel={headingLevel} />
      </div>
    </section>
  );
}
