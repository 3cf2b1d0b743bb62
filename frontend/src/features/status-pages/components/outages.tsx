import type { PublicOutageData } from '../api/get-public-status-page';
import { formatDuration, formatMoment, secondsBetween } from './format';
import { StatusIcon } from './status-icon';

function componentList(names: readonly string[]): string {
  if (names.length === 0) return 'A component';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Outages happening now: what is down, since when, for how long. */
export function ActiveOutages({ outages, now }: { outages: readonly PublicOutageData[]; now: number }) {
  if (outages.length === 0) return null;
  return (
    <section className="sp-active" aria-labelledby="sp-active-title">
      <h2 id="sp-active-title" className="visually-hidden">
        Ongoing outages
      </h2>
      <ul className="sp-active__list">
        {outages.map((outage) => (
          <li key={`${String(outage.startedAt)}-${outage.components.join('|')}`} className="sp-active__item" data-testid="active-outage">
            <StatusIcon tone="major" className="sp-active__icon" />
            <div>
              <p className="sp-active__title">
                <strong>{componentList(outage.components)}</strong> {outage.components.length > 1 ? 'are' : 'is'} down
              </p>
              <p className="sp-active__meta">
                Since <time dateTime={String(outage.startedAt)}>{formatMoment(outage.startedAt)}</time> · for {formatDuration(secondsBetween(outage.startedAt, null, now))}.
                We are looking into it.
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Resolved outages of the last 90 days, newest first, with how long each lasted. */
export function PastOutages({ outages }: { outages: readonly PublicOutageData[] }) {
  return (
    <section className="sp-section" aria-labelledby="sp-past-title">
      <h2 id="sp-past-title" className="sp-section__title">
        Past outages
      </h2>
      {outages.length === 0 ? (
        <p className="sp-empty" data-testid="no-past-outages">
          No outages in the last 90 days.
        </p>
      ) : (
        <ol className="sp-history">
          {outages.map((outage) => (
            <li key={`${String(outage.startedAt)}-${outage.components.join('|')}`} className="sp-history__item" data-testid="past-outage">
              <p className="sp-history__title">{componentList(outage.components)}</p>
              <p className="sp-history__meta">
                <time dateTime={String(outage.startedAt)}>{formatMoment(outage.startedAt)}</time>
                {outage.resolvedAt ? (
                  <>
                    {' '}
                    — resolved after {formatDuration(secondsBetween(outage.startedAt, outage.resolvedAt))}
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
