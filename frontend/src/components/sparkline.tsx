import './sparkline.css';

const HEIGHT = 28;
const PAD = 2;

/** The SVG path of a series; a null breaks the line (an hour without checks). */
export function sparklinePath(values: readonly (number | null | undefined)[], width = 120): string {
  const points = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  const known = points.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const max = Math.max(...known);
  const min = Math.min(...known);
  const span = max - min || 1;
  const step = points.length > 1 ? (width - PAD * 2) / (points.length - 1) : 0;
  let path = '';
  let pen = false;
  points.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = (PAD + i * step).toFixed(1);
    const y = (HEIGHT - PAD - ((v - min) / span) * (HEIGHT - PAD * 2)).toFixed(1);
    path += `${pen ? 'L' : 'M'}${x} ${y}`;
    // A lone point between gaps still shows, as a dot-sized line.
    if (!pen && (points[i + 1] ?? null) === null) path += `L${(Number(x) + 0.5).toFixed(1)} ${y}`;
    pen = true;
  });
  return path;
}

/** Average response time over the last 24 hours as a small line, with the average in words. */
export function Sparkline({ values, width = 120 }: { values: readonly (number | null | undefined)[]; width?: number }) {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  // One hour of data is not a trend yet.
  if (known.length < 2) return null;
  const average = Math.round(known.reduce((a, b) => a + b, 0) / known.length);
  const path = sparklinePath(values, width);
  return (
    <span className="sp-spark" data-testid="response-sparkline">
      <svg className="sp-spark__svg" viewBox={`0 0 ${width} ${HEIGHT}`} width={width} height={HEIGHT} aria-hidden="true" focusable="false">
        <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
      </svg>
      <span className="sp-spark__value">
        <span className="visually-hidden">Average response time over the last 24 hours: </span>
        {average.toLocaleString('en-US')} ms
      </span>
    </span>
  );
}
