const COUNT = new Intl.NumberFormat('en-US');

/**
 * Uptime in percent with two decimals, truncated rather than rounded so that 99.999 % is never
 * shown as 100.00 %; a dash without checks.
 */
export function formatUptime(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '—';
  const truncated = Math.floor(percent * 100) / 100;
  return `${truncated.toFixed(2)} %`;
}

/** Latency in milliseconds, or a dash. */
export function formatMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : `${COUNT.format(Math.round(ms))} ms`;
}

/**
 * A latency percentile from the hourly rollups: they keep histogram buckets, so a percentile is
 * the upper bound of its bucket and reads "≤ 300 ms"; a dash without data.
 */
export function formatBucketMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : `≤ ${formatMs(ms)}`;
}

export type UptimeTone = 'good' | 'degraded' | 'bad' | 'none';

/** Green at 99.9 % or more, amber at 95 % or more, red below; grey without data. */
export function uptimeTone(checks: number, percent: number | null | undefined): UptimeTone {
  if (checks === 0 || percent === null || percent === undefined) return 'none';
  if (percent >= 99.9) return 'good';
  if (percent >= 95) return 'degraded';
  return 'bad';
}

interface Stats {
  checks: number;
  failures: number;
  uptimePercent?: number | null;
  p50Ms?: number | null;
  p95Ms?: number | null;
}

export interface UptimeSummaryProps {
  day: Stats;
  week: Stats;
  month: Stats;
  quarter: Stats;
}

/** Uptime over 24 h, 7 d, 30 d and 90 d, and the 24 h latency percentiles (bucket bounds). */
export function UptimeSummary({ day, week, month, quarter }: UptimeSummaryProps) {
  const periods: [string, Stats][] = [
    ['24 h', day],
    ['7 d', week],
    ['30 d', month],
    ['90 d', quarter],
  ];
  return (
    <dl className="uptime-summary" data-testid="uptime-summary">
      {periods.map(([label, stats]) => (
        <div key={label} className="uptime-summary__item">
          <dt>Uptime {label}</dt>
          <dd className={`uptime-summary__value uptime-tone--${uptimeTone(stats.checks, stats.uptimePercent)}`}>
            {formatUptime(stats.checks === 0 ? null : stats.uptimePercent)}
          </dd>
        </div>
      ))}
      <div className="uptime-summary__item">
        <dt>p50 latency 24 h</dt>
        <dd className="uptime-summary__value">{formatBucketMs(day.p50Ms)}</dd>
      </div>
      <div className="uptime-summary__item">
        <dt>p95 latency 24 h</dt>
        <dd className="uptime-summary__value">{formatBucketMs(day.p95Ms)}</dd>
      </div>
    </dl>
  );
}

export interface DayUptime {
  date: unknown;
  stats: { checks: number; failures: number; uptimePercent?: number | null };
}

/** "2026-11-30: 99.95 % uptime, 1,440 checks, 1 failed", or "2026-11-30: no data". */
export function dayLabel(day: DayUptime): string {
  const date = String(day.date);
  const { checks, failures, uptimePercent } = day.stats;
  if (checks === 0 || uptimePercent === null || uptimePercent === undefined) return `${date}: no data`;
  return `${date}: ${formatUptime(uptimePercent)} uptime, ${COUNT.format(checks)} ${checks === 1 ? 'check' : 'checks'}, ${COUNT.format(failures)} failed`;
}

/** Days shown on phones (the older ones are hidden by CSS). */
export const PHONE_DAYS = 30;

/**
 * One bar per UTC day, oldest first, coloured by uptime. Each bar is focusable and names its day,
 * uptime and checks; the same text shows as a tooltip on hover and focus.
 */
export function UptimeBars({ days }: { days: readonly DayUptime[] }) {
  const older = days.length - PHONE_DAYS;
  return (
    <div className="uptime-bars">
      <ol className="uptime-bars__days" aria-label={`Daily uptime, last ${days.length} days`} data-testid="uptime-bars">
        {days.map((day, index) => {
          const label = dayLabel(day);
          const tone = uptimeTone(day.stats.checks, day.stats.uptimePercent);
          return (
            <li key={String(day.date)} className={`uptime-bars__day${index < older ? ' uptime-bars__day--older' : ''}`}>
              <span
                className={`uptime-bars__bar uptime-tone--${tone}`}
                role="img"
                aria-label={label}
                tabIndex={0}
                data-testid="uptime-bar"
                data-tone={tone}
              />
              <span className="uptime-bars__tip" aria-hidden="true">
                {label}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="uptime-bars__axis muted" aria-hidden="true">
        <span className="uptime-bars__from uptime-bars__from--wide">{days.length} days ago</span>
        <span className="uptime-bars__from uptime-bars__from--phone">{Math.min(days.length, PHONE_DAYS)} days ago</span>
        <span>Today</span>
      </div>
    </div>
  );
}
