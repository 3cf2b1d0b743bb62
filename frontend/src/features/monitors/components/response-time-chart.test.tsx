import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { niceMax, phasesOf, ResponseTimeChart, type ChartCheck } from './response-time-chart';

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

describe('ResponseTimeChart', () => {
  it('stacks one bar per check by phase, with a summary and a table for screen readers', () => {
    render(
      <ResponseTimeChart
        checks={[check('new', 100, { dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 40 }), check('old', 30, { status: 'DOWN' })]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Response time of the last 2 checks, 30 ms to 100 ms' })).toBeInTheDocument();
    const bars = screen.getAllByTestId('response-bar');
    expect(bars).toHaveLength(2);
    // Oldest on the left: the failed check first, drawn as "rest" only.
    expect(bars[0]).toHaveClass('response-chart__bar--down');
    expect(bars[0]?.querySelectorAll('rect')).toHaveLength(1);
    expect(bars[1]?.querySelectorAll('rect')).toHaveLength(5);
    const table = screen.getByRole('table', { name: 'Response time by phase, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('100 ms5 ms10 ms20 ms40 ms25 ms');
    expect(document.querySelector('[style]')).toBeNull();
  });
});
