import { useId } from 'react';
import { formatDateTime } from './format';
import { formatMs } from './uptime';

export interface ChartCheck {
  id: string;
  checkedAt: unknown;
  status: string;
  durationMs: number;
  dnsMs?: number | null;
  connectMs?: number | null;
  tlsMs?: number | null;
  firstByteMs?: number | null;
}

export const PHASES = [
  { key: 'dns', label: 'DNS' },
  { key: 'connect', label: 'Connect' },
  { key: 'tls', label: 'TLS' },
  { key: 'firstByte', label: 'First byte' },
  { key: 'rest', label: 'Rest' },
] as const;

type PhaseKey = (typeof PHASES)[number]['key'];

/** A check's duration split into phases; what the phases do not cover is "rest". */
export function phasesOf(check: ChartCheck): Record<PhaseKey, number> {
  const dns = Math.max(0, check.dnsMs ?? 0);
  const connect = Math.max(0, check.connectMs ?? 0);
  const tls = Math.max(0, check.tlsMs ?? 0);
  const firstByte = Math.max(0, check.firstByteMs ?? 0);
  const rest = Math.max(0, check.durationMs - dns - connect - tls - firstByte);
  return { dns, connect, tls, firstByte, rest };
}

/** A round axis maximum at or above `max`: 1, 2 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 10;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 56;
const TOP = 8;
const BOTTOM = 8;
const PLOT_W = WIDTH - LEFT - 4;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/**
 * Response times of the latest checks (oldest left), each bar stacked by phase. Drawn as SVG with
 * classes only (no inline styles, for the CSP); screen readers get a visually hidden table.
 */
export function ResponseTimeChart({ checks }: { checks: readonly ChartCheck[] }) {
  const titleId = useId();
  const ordered = [...checks].reverse();
  // At least 2 ms: durations are whole milliseconds, so the middle tick stays a distinct label.
  const max = niceMax(Math.max(2, ...ordered.map((c) => c.durationMs)));
  const slot = PLOT_W / Math.max(ordered.length, 1);
  const barWidth = Math.max(1, slot * 0.7);
  const y = (ms: number) => (ms / max) * PLOT_H;
  const ticks = [0, max / 2, max];
  const durations = ordered.map((c) => c.durationMs);
  const summary =
    ordered.length === 0
      ? 'No checks yet'
      : `Response time of the last ${ordered.length} checks, ${formatMs(Math.min(...durations))} to ${formatMs(Math.max(...durations))}`;

  return (
    <figure className="response-chart" data-testid="response-chart">
      <svg
        className="response-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{summary}</title>
        {ticks.map((tick) => (
          <g key={tick} className="response-chart__tick">
            <line x1={LEFT} x2={WIDTH} y1={TOP + PLOT_H - y(tick)} y2={TOP + PLOT_H - y(tick)} className="response-chart__grid" />
            <text x={LEFT - 6} y={TOP + PLOT_H - y(tick)} textAnchor="end" dominantBaseline="middle" className="response-chart__label">
              {formatMs(tick)}
            </text>
          </g>
        ))}
        {ordered.map((check, index) => {
          const phases = phasesOf(check);
          const x = LEFT + index * slot + (slot - barWidth) / 2;
          let base = TOP + PLOT_H;
          return (
            <g
              key={check.id}
              className={`response-chart__bar${check.status === 'DOWN' ? ' response-chart__bar--down' : ''}`}
              data-testid="response-bar"
            >
              <title>{`${formatDateTime(check.checkedAt)}: ${formatMs(check.durationMs)} (${check.status.toLowerCase()})`}</title>
              {PHASES.map(({ key }) => {
                const h = y(phases[key]);
                if (h <= 0) return null;
                base -= h;
                return <rect key={key} x={x} y={base} width={barWidth} height={h} className={`response-chart__phase response-chart__phase--${key}`} />;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="response-chart__legend" aria-hidden="true">
          {PHASES.map(({ key, label }) => (
            <li key={key}>
              <svg className="response-chart__swatch" viewBox="0 0 10 10">
                <rect width="10" height="10" className={`response-chart__phase response-chart__phase--${key}`} />
              </svg>
              {label}
            </li>
          ))}
        </ul>
        {/* A table ignores the 1px width of .visually-hidden, so a div clips it. */}
        <div className="visually-hidden">
          <table>
            <caption>Response time by phase, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
                {PHASES.map(({ key, label }) => (
                  <th key={key} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {checks.map((check) => {
                const phases = phasesOf(check);
                return (
                  <tr key={check.id}>
                    <th scope="row">{formatDateTime(check.checkedAt)}</th>
                    <td>{check.status.toLowerCase()}</td>
                    <td>{formatMs(check.durationMs)}</td>
                    {PHASES.map(({ key }) => (
                      <td key={key}>{formatMs(phases[key])}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </figcaption>
    </figure>
  );
}
