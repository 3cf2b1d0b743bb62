import type { PublicMaintenanceData, PublicOutageData } from '../api/get-public-status-page';
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

/** Maintenance in progress, then announced, with the components it touches. */
export function Maintenance({ windows }: { windows: readonly PublicMaintenanceData[] }) {
  if (windows.length === 0) return null;
  return (
    <section className="sp-section" aria-labelledby="sp-maintenance-title">
      <h2 id="sp-maintenance-title" className="sp-section__title">
        Maintenance
      </h2>
      <ol className="sp-history">
        {windows.map((window) => (
          <li key={`${window.name}-${String(window.startsAt)}`} className="sp-history__item" data-testid="maintenance">
            <p className="sp-history__title">
              {window.active ? <span className="sp-pill sp-tone--maintenance">In progress</span> : null} {window.name}
            </p>
            <p className="sp-history__meta">
              <time dateTime={String(window.startsAt)}>{formatMoment(window.startsAt)}</time> to{' '}
              <time dateTime={String(window.endsAt)}>{formatMoment(window.endsAt)}</time> · {componentList(window.components)}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
