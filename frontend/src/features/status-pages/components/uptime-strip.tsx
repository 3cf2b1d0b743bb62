import { useRef, useState, type KeyboardEvent } from 'react';
import type { PublicDayData } from '../api/get-public-status-page';
import { dayDetails, dayTone } from './format';
import { useMediaQuery } from '@/lib/use-media-query';

/** Days a phone shows (the whole 90 would be bars a pixel or two wide). */
export const PHONE_DAYS = 30;

/**
 * One bar per UTC day, oldest first, coloured by uptime. The strip is a single tab stop: the
 * arrow keys, Home and End move between days, and the focused (or hovered, or tapped) day's
 * date, uptime, downtime, outages and published incidents show in a popover. Each bar also names all of that for
 * screen readers, who can read the list like any other.
 */
export function UptimeStrip({ name, days }: { name: string; days: readonly PublicDayData[] }) {
  const phone = useMediaQuery('(max-width: 40rem)');
  const shown = phone ? days.slice(-PHONE_DAYS) : days;
  const [active, setActive] = useState<number | null>(null);
  // Where Tab lands: the last day focused, or today.
  const [stop, setStop] = useState<number | null>(null);
  const bars = useRef<(HTMLSpanElement | null)[]>([]);
  const last = shown.length - 1;
  const tabStop = stop !== null && stop <= last ? stop : last;

  const move = (index: number) => {
    const next = Math.max(0, Math.min(last, index));
    setStop(next);
    setActive(next);
    bars.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>, index: number) => {
    const keys: Record<string, number> = { ArrowLeft: index - 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: last };
    if (event.key === 'Escape') {
      setActive(null);
      return;
    }
    const target = keys[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };

  const details = active !== null && shown[active] ? dayDetails(shown[active]) : null;
  const side = active === null ? 'middle' : active < shown.length * 0.2 ? 'start' : active > shown.length * 0.8 ? 'end' : 'middle';

  return (
    <div className="sp-strip" onMouseLeave={() => setActive(null)}>
      <ol className="sp-strip__days" aria-label={`${name}: daily uptime, last ${shown.length} days (use the arrow keys to move between days)`} data-testid="uptime-strip">
        {shown.map((day, index) => {
          const tone = dayTone(day);
          return (
            <li key={String(day.date)} className="sp-strip__day">
              <span
                ref={(el) => {
                  bars.current[index] = el;
                }}
                className={`sp-strip__bar sp-tone--${tone}${active === index ? ' sp-strip__bar--active' : ''}`}
                role="img"
                aria-label={dayDetails(day).label}
                tabIndex={index === tabStop ? 0 : -1}
                data-testid="uptime-bar"
                data-tone={tone}
                onFocus={() => {
                  setStop(index);
                  setActive(index);
                }}
                onBlur={() => setActive((current) => (current === index ? null : current))}
                onMouseEnter={() => setActive(index)}
                onClick={() => setActive(index)}
                onKeyDown={(event) => onKeyDown(event, index)}
              />
            </li>
          );
        })}
      </ol>
      {details && active !== null ? (
        <div
          className={`sp-strip__tip sp-strip__tip--${side}`}
          // CSSOM, not an inline style attribute: allowed under the style-src 'self' policy.
          style={{ left: `${((active + 0.5) / shown.length) * 100}%` }}
          aria-hidden="true"
          data-testid="uptime-tip"
        >
          <strong>{details.date}</strong>
          <span>{details.uptime}</span>
          {details.downtime ? <span>{details.downtime}</span> : null}
          {details.outages ? <span>{details.outages}</span> : null}
          {details.incidents.length > 0 ? (
            <ul className="sp-strip__incidents" data-testid="uptime-tip-incidents">
              {details.incidents.map((title, i) => (
                <li key={`${title}-${i}`}>{title}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="sp-strip__axis" aria-hidden="true">
        <span>{shown.length} days ago</span>
        <span>Today</span>
      </div>
    </div>
  );
}
