import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDateTime } from './format';
import { buildChartData, formatBucketMs, percentileMarks, PHASES, phasesOf, type ChartCheck, type ChartData, type Percentiles } from './response-time-data';
import { formatMs } from './uptime';

export { niceMax, phasesOf, PHASES, type ChartCheck } from './response-time-data';

const HEIGHT = 220;
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const SECONDS = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DAY_TIME = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The x range with half a bar slot on each side, so the first and last bars are not cut in half. */
function xRange(x: readonly number[]): [number, number] {
  const first = x[0] ?? 0;
  const last = x.at(-1) ?? first;
  const slot = x.length > 1 ? (last - first) / (x.length - 1) : 30;
  return [first - slot / 2, last + slot / 2];
}

/** Chart colours come from CSS custom properties, so light and dark themes stay in the stylesheet. */
function palette(el: HTMLElement) {
  const css = getComputedStyle(el);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--color-muted', '#566170'),
    grid: read('--color-border', '#dde1e6'),
    danger: read('--color-danger', '#b42318'),
    mark: read('--color-text', '#15191e'),
    phases: {
      dns: read('--chart-dns', '#6366f1'),
      connect: read('--chart-connect', '#0ea5e9'),
      tls: read('--chart-tls', '#14b8a6'),
      firstByte: read('--chart-first-byte', '#f59e0b'),
      rest: read('--chart-rest', '#94a3b8'),
    },
  };
}

function options(
  current: () => ChartData,
  percentiles: Percentiles,
  el: HTMLElement,
  width: number,
  onHover: (idx: number | null, left: number, flip: boolean) => void,
): uPlot.Options {
  const colors = palette(el);
  const marks = percentileMarks(percentiles);
  const bars = uPlot.paths.bars?.({ size: [0.7, 24], align: 0 });
  const font = '11px system-ui, sans-serif';
  const fromTop = [...PHASES].reverse();
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { y: false, points: { show: false }, drag: { x: false, y: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: true, range: () => xRange(current().x) }, ms: { range: () => [0, current().yMax] } },
    axes: [
      {
        stroke: colors.text,
        grid: { show: false },
        ticks: { stroke: colors.grid },
        font,
        values: (u, splits) => {
          const [min = 0, max = 0] = [u.scales.x?.min, u.scales.x?.max];
          const format = max - min > 20 * 3600 ? DAY_TIME : max - min < 15 * 60 ? SECONDS : TIME;
          return splits.map((s) => format.format(new Date(s * 1000)));
        },
      },
      {
        scale: 'ms',
        stroke: colors.text,
        grid: { stroke: colors.grid, width: 1 },
        ticks: { show: false },
        font,
        size: 64,
        splits: () => [0, current().yMax / 2, current().yMax],
        values: (_u, splits) => splits.map((v) => formatMs(v)),
      },
      {
        // Percentiles of the last 24 h come from histogram buckets: their marks read "≤ N ms".
        scale: 'ms',
        side: 1,
        show: marks.length > 0,
        stroke: colors.mark,
        grid: { show: false },
        ticks: { show: false },
        font,
        size: marks.length > 0 ? 108 : 0,
        splits: () => marks.map((m) => m.ms),
        values: () => marks.map((m) => m.label),
      },
    ],
    series: [
      {},
      ...fromTop.map(({ key, label }) => ({ label, scale: 'ms', fill: colors.phases[key], stroke: colors.phases[key], width: 0, paths: bars, points: { show: false } })),
      { label: 'Failed', scale: 'ms', fill: colors.danger, stroke: colors.danger, width: 0, paths: bars, points: { show: false } },
    ],
    hooks: {
      draw: [
        (u) => {
          const { ctx } = u;
          ctx.save();
          ctx.strokeStyle = colors.mark;
          ctx.globalAlpha = 0.55;
          ctx.setLineDash([4, 4]);
          ctx.lineWidth = uPlot.pxRatio;
          for (const mark of marks) {
            const y = Math.round(u.valToPos(mark.ms, 'ms', true)) + 0.5;
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
      setCursor: [
        (u) => {
          const idx = u.cursor.idx;
          const left = u.cursor.left ?? 0;
          onHover(idx === null || idx === undefined || left < 0 ? null : idx, left + u.over.offsetLeft, left > u.over.clientWidth / 2);
        },
      ],
    },
  };
}

function alignedData(data: ChartData): uPlot.AlignedData {
  return [data.x, ...data.stacked, data.failed];
}

/**
 * Response times of the latest checks (oldest left), each bar stacked by phase, drawn by uPlot on
 * a canvas (it styles through CSSOM only, which the `style-src 'self'` CSP allows). The dashed
 * lines and right-hand marks are the last 24 h's p50/p95 bucket bounds. Screen readers get a
 * summary and a visually hidden table with every value.
 */
export function ResponseTimeChart({ checks, percentiles = {} }: { checks: readonly ChartCheck[]; percentiles?: Percentiles }) {
  const summaryId = useId();
  const hostRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const data = buildChartData(checks, percentiles);
  const dataRef = useRef(data);
  // The plot's scale and axis callbacks read the latest data through this ref.
  useLayoutEffect(() => {
    dataRef.current = data;
  });
  const p50 = percentiles.p50Ms ?? null;
  const p95 = percentiles.p95Ms ?? null;
  const durations = checks.map((c) => c.durationMs);
  const summary =
    checks.length === 0
      ? 'No checks yet'
      : `Response time of the last ${checks.length} checks, ${formatMs(Math.min(...durations))} to ${formatMs(Math.max(...durations))}` +
        (p50 !== null || p95 !== null ? `; last 24 hours p50 ${formatBucketMs(p50)}, p95 ${formatBucketMs(p95)}` : '');

  // One plot per mount and percentile pair; new checks only replace its data.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const onHover = (idx: number | null, left: number, flip: boolean) => {
      setHover(idx);
      // CSSOM writes are allowed by the CSP (no style attribute is parsed).
      if (tipRef.current) tipRef.current.style.transform = `translateX(${Math.round(left)}px)${flip ? ' translateX(-100%)' : ''}`;
    };
    const width = Math.max(240, host.clientWidth || 640);
    const plot = new uPlot(options(() => dataRef.current, { p50Ms: p50, p95Ms: p95 }, host, width, onHover), alignedData(dataRef.current), host);
    plotRef.current = plot;
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(([entry]) => {
        const next = Math.max(240, Math.floor(entry?.contentRect.width ?? width));
        if (next !== plot.width) plot.setSize({ width: next, height: HEIGHT });
      });
      observer.observe(host);
    }
    return () => {
      observer?.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [p50, p95]);

  useEffect(() => {
    plotRef.current?.setData(alignedData(data), true);
    // `data` is rebuilt on every render; the checks identify it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checks]);

  const hovered = hover === null ? undefined : data.checks[hover];
  const hoveredPhases = hovered ? phasesOf(hovered) : null;

  return (
    <figure className="response-chart" data-testid="response-chart">
      <div className="response-chart__plot">
        <div ref={hostRef} className="response-chart__canvas" role="img" aria-labelledby={summaryId} data-points={data.checks.length} />
        <div ref={tipRef} className={`response-chart__tip${hovered ? ' response-chart__tip--shown' : ''}`} aria-hidden="true">
          {hovered && hoveredPhases ? (
            <>
              <strong>{formatMs(hovered.durationMs)}</strong> <span className="muted">{hovered.status.toLowerCase()}</span>
              <br />
              <span className="muted">{formatDateTime(hovered.checkedAt)}</span>
              {PHASES.filter(({ key }) => hoveredPhases[key] > 0).map(({ key, label }) => (
                <span key={key} className="response-chart__tip-row">
                  <span className={`response-chart__swatch response-chart__swatch--${key}`} />
                  {label} {formatMs(hoveredPhases[key])}
                </span>
              ))}
            </>
          ) : null}
        </div>
      </div>
      <figcaption>
        <p id={summaryId} className="visually-hidden">
          {summary}
        </p>
        <ul className="response-chart__legend" aria-hidden="true">
          {PHASES.map(({ key, label }) => (
            <li key={key}>
              <span className={`response-chart__swatch response-chart__swatch--${key}`} />
              {label}
            </li>
          ))}
          <li>
            <span className="response-chart__swatch response-chart__swatch--failed" />
            Failed check
          </li>
          {percentileMarks(percentiles).length > 0 ? (
            <li>
              <span className="response-chart__swatch response-chart__swatch--mark" />
              24 h percentile (bucket bound)
            </li>
          ) : null}
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
