import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { plots } from '@/test/uplot-mock';
import { ResponseTimeChart, type ChartCheck } from './response-time-chart';
import { buildChartData, niceMax, percentileMarks, phasesOf } from './response-time-data';

const check = (id: string, durationMs: number, phases: Partial<ChartCheck> = {}): ChartCheck => ({
  id,
  checkedAt: '2026-11-30T10:00:00Z',
  status: 'UP',
  durationMs,
  ...phases,
});

describe('phasesOf', () => {
  it('splits a check into phases with the remainder as "rest"', () => {
    expect(phasesOf(check('a', 100, { dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 40 }))).toEqual({
      dns: 5,
      connect: 10,
      tls: 20,
      firstByte: 40,
      rest: 25,
    });
  });

  it('counts missing phases as zero and never a negative rest', () => {
    expect(phasesOf(check('a', 30))).toEqual({ dns: 0, connect: 0, tls: 0, firstByte: 0, rest: 30 });
    expect(phasesOf(check('a', 10, { firstByteMs: 12 })).rest).toBe(0);
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(10);
    expect(niceMax(87)).toBe(100);
    expect(niceMax(120)).toBe(200);
    expect(niceMax(300)).toBe(500);
    expect(niceMax(1000)).toBe(1000);
  });
});

describe('buildChartData', () => {
  it('stacks phases cumulatively from the top, oldest first, with failed checks on their own series', () => {
    const data = buildChartData([
      check('new', 100, { checkedAt: '2026-11-30T10:01:00Z', dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 40 }),
      check('old', 30, { status: 'DOWN' }),
    ]);
    expect(data.x).toEqual([Date.parse('2026-11-30T10:00:00Z') / 1000, Date.parse('2026-11-30T10:01:00Z') / 1000]);
    // rest (= total), first byte, TLS, connect, DNS.
    expect(data.stacked).toEqual([
      [30, 100],
      [0, 75],
      [0, 35],
      [0, 15],
      [0, 5],
    ]);
    expect(data.failed).toEqual([30, null]);
    expect(data.yMax).toBe(100);
  });

  it('keeps a 0 ms check visible and fits the percentiles on the axis', () => {
    const data = buildChartData([check('a', 0), check('b', 40)], { p50Ms: 50, p95Ms: 300 });
    expect(data.yMax).toBe(500);
    expect(data.stacked[0]?.[1]).toBeGreaterThan(0);
  });
});

describe('percentileMarks', () => {
  it('labels bucket bounds as “≤ N ms”, once when p50 and p95 share a bucket', () => {
    expect(percentileMarks({ p50Ms: 50, p95Ms: 1500 }).map((m) => m.label)).toEqual(['p50 ≤ 50 ms', 'p95 ≤ 1,500 ms']);
    expect(percentileMarks({ p50Ms: 10, p95Ms: 10 }).map((m) => m.label)).toEqual(['p50, p95 ≤ 10 ms']);
    expect(percentileMarks({ p50Ms: null, p95Ms: null })).toEqual([]);
  });
});

describe('ResponseTimeChart', () => {
  it('draws the checks with uPlot, with a summary and a table for screen readers', () => {
    render(
      <ResponseTimeChart
        checks={[check('new', 100, { dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 40 }), check('old', 30, { status: 'DOWN' })]}
        percentiles={{ p50Ms: 50, p95Ms: 300 }}
      />,
    );
    expect(screen.getByRole('img', { name: 'Response time of the last 2 checks, 30 ms to 100 ms; last 24 hours p50 ≤ 50 ms, p95 ≤ 300 ms' })).toBeInTheDocument();
    expect(plots).toHaveLength(1);
    const plot = plots[0]!;
    // x, five phases, failed.
    expect(plot.data).toHaveLength(7);
    expect(plot.opts.series.map((s) => s.label)).toEqual([undefined, 'Rest', 'First byte', 'TLS', 'Connect', 'DNS', 'Failed']);
    const marks = plot.opts.axes?.[2];
    expect(marks?.values).toBeInstanceOf(Function);
    const values = marks?.values as () => string[];
    expect(values()).toEqual(['p50 ≤ 50 ms', 'p95 ≤ 300 ms']);

    const table = screen.getByRole('table', { name: 'Response time by phase, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('100 ms5 ms10 ms20 ms40 ms25 ms');
  });

  it('updates the same plot when new checks arrive, and destroys it on unmount', () => {
    const { rerender, unmount } = render(<ResponseTimeChart checks={[check('a', 10)]} />);
    rerender(<ResponseTimeChart checks={[check('b', 20, { checkedAt: '2026-11-30T10:01:00Z' }), check('a', 10)]} />);
    expect(plots).toHaveLength(1);
    expect(plots[0]?.data[0]).toHaveLength(2);
    act(() => unmount());
    expect(plots[0]?.destroyed).toBe(true);
  });
});
