import { formatBucketMs } from './uptime';

export { formatBucketMs };

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

/** The phases of a check, bottom of the stack first. */
export const PHASES = [
  { key: 'dns', label: 'DNS' },
  { key: 'connect', label: 'Connect' },
  { key: 'tls', label: 'TLS' },
  { key: 'firstByte', label: 'First byte' },
  { key: 'rest', label: 'Rest' },
] as const;

export type PhaseKey = (typeof PHASES)[number]['key'];

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

/** Latency percentiles of a period; they are upper bounds of histogram buckets, not exact values. */
export interface Percentiles {
  p50Ms?: number | null | undefined;
  p95Ms?: number | null | undefined;
}

/** The right-hand axis marks: "p50 ≤ 50 ms", "p95 ≤ 300 ms" (one mark when both fall in one bucket). */
export function percentileMarks({ p50Ms, p95Ms }: Percentiles): { ms: number; label: string }[] {
  const marks: { ms: number; label: string }[] = [];
  if (p50Ms !== null && p50Ms !== undefined && p95Ms !== null && p95Ms !== undefined && p50Ms === p95Ms) {
    return [{ ms: p50Ms, label: `p50, p95 ${formatBucketMs(p50Ms)}` }];
  }
  if (p50Ms !== null && p50Ms !== undefined) marks.push({ ms: p50Ms, label: `p50 ${formatBucketMs(p50Ms)}` });
  if (p95Ms !== null && p95Ms !== undefined) marks.push({ ms: p95Ms, label: `p95 ${formatBucketMs(p95Ms)}` });
  return marks;
}

/**
 * The chart's columns, oldest check first: x (seconds since the epoch), then one cumulative
 * series per phase from the top of the stack down (drawn in that order, each over the last, so
 * the bars look stacked), then the failed checks' totals (drawn last, in red). The top series is
 * at least `minVisible` so that a 0 ms check still shows a sliver.
 */
export interface ChartData {
  checks: ChartCheck[];
  x: number[];
  /** Cumulative values, top phase ("rest") first. */
  stacked: number[][];
  failed: (number | null)[];
  yMax: number;
}

export function buildChartData(newestFirst: readonly ChartCheck[], percentiles: Percentiles = {}): ChartData {
  const checks = [...newestFirst].reverse();
  const x = checks.map((c, i) => {
    const t = typeof c.checkedAt === 'string' ? Date.parse(c.checkedAt) / 1000 : Number.NaN;
    return Number.isNaN(t) ? i : t;
  });
  const marks = percentileMarks(percentiles).map((m) => m.ms);
  // At least 2 ms: durations are whole milliseconds, so the axis keeps distinct labels.
  const yMax = niceMax(Math.max(2, ...checks.map((c) => c.durationMs), ...marks));
  const minVisible = yMax * 0.02;
  const phases = checks.map(phasesOf);
  const stacked = [...PHASES].reverse().map((_, fromTop) => {
    const upTo = PHASES.length - fromTop;
    return phases.map((p) => PHASES.slice(0, upTo).reduce((sum, { key }) => sum + p[key], 0));
  });
  stacked[0] = (stacked[0] ?? []).map((total) => Math.max(total, minVisible));
  const failed = checks.map((c, i) => (c.status === 'DOWN' ? Math.max(c.durationMs, minVisible, stacked[0]?.[i] ?? 0) : null));
  return { checks, x, stacked, failed, yMax };
}
