import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { dayLabel, formatUptime, UptimeBars, UptimeSummary, uptimeTone, type DayUptime } from './uptime';

function day(date: string, checks: number, failures: number, uptimePercent: number | null): DayUptime {
  return { date, stats: { checks, failures, uptimePercent } };
}

/** 90 days ending 2026-11-30, all at 100 % unless overridden. */
function quarter(overrides: Record<number, DayUptime['stats']> = {}): DayUptime[] {
  const end = Date.UTC(2026, 10, 30);
  return Array.from({ length: 90 }, (_, i) => {
    const date = new Date(end - (89 - i) * 86_400_000).toISOString().slice(0, 10);
    return { date, stats: overrides[i] ?? { checks: 1440, failures: 0, uptimePercent: 100 } };
  });
}

describe('formatUptime', () => {
  it('shows two decimals, truncated so that failures never show as 100 %', () => {
    expect(formatUptime(100)).toBe('100.00 %');
    expect(formatUptime(99.999)).toBe('99.99 %');
    expect(formatUptime(99.95)).toBe('99.95 %');
    expect(formatUptime(0)).toBe('0.00 %');
  });

  it('shows a dash without checks', () => {
    expect(formatUptime(null)).toBe('—');
    expect(formatUptime(undefined)).toBe('—');
  });
});

describe('uptimeTone', () => {
  it('is green from 99.9 %, amber from 95 %, red below and grey without data', () => {
    expect(uptimeTone(10, 100)).toBe('good');
    expect(uptimeTone(10, 99.9)).toBe('good');
    expect(uptimeTone(10, 99.89)).toBe('degraded');
    expect(uptimeTone(10, 95)).toBe('degraded');
    expect(uptimeTone(10, 94.99)).toBe('bad');
    expect(uptimeTone(10, 0)).toBe('bad');
    expect(uptimeTone(0, null)).toBe('none');
    expect(uptimeTone(0, 100)).toBe('none');
  });
});

describe('dayLabel', () => {
  it('names the day, uptime, checks with thousands separators and failures', () => {
    expect(dayLabel(day('2026-11-30', 1440, 1, 99.95))).toBe('2026-11-30: 99.95 % uptime, 1,440 checks, 1 failed');
    expect(dayLabel(day('2026-11-30', 1, 0, 100))).toBe('2026-11-30: 100.00 % uptime, 1 check, 0 failed');
  });

  it('says "no data" for a day without checks', () => {
    expect(dayLabel(day('2026-11-29', 0, 0, null))).toBe('2026-11-29: no data');
  });
});

describe('UptimeBars', () => {
  it('draws one focusable, labelled bar per day, coloured by uptime', async () => {
    const days = quarter({
      0: { checks: 0, failures: 0, uptimePercent: null },
      1: { checks: 1440, failures: 1, uptimePercent: 99.93 },
      2: { checks: 1440, failures: 100, uptimePercent: 93.05 },
      3: { checks: 1440, failures: 50, uptimePercent: 96.5 },
    });
    render(<UptimeBars days={days} />);
    const list = screen.getByRole('list', { name: 'Daily uptime, last 90 days' });
    const bars = within(list).getAllByTestId('uptime-bar');
    expect(bars).toHaveLength(90);
    expect(bars.map((b) => b.dataset.tone).slice(0, 5)).toEqual(['none', 'good', 'bad', 'degraded', 'good']);
    expect(bars[0]).toHaveClass('uptime-tone--none');
    expect(bars[2]).toHaveClass('uptime-tone--bad');
    expect(bars[3]).toHaveClass('uptime-tone--degraded');
    expect(bars[89]).toHaveClass('uptime-tone--good');
    expect(bars[0]).toHaveAccessibleName('2026-09-02: no data');
    expect(bars[1]).toHaveAccessibleName('2026-09-03: 99.93 % uptime, 1,440 checks, 1 failed');
    expect(bars[89]).toHaveAccessibleName('2026-11-30: 100.00 % uptime, 1,440 checks, 0 failed');

    const user = userEvent.setup();
    await user.tab();
    expect(bars[0]).toHaveFocus();
    await user.tab();
    expect(bars[1]).toHaveFocus();
    expect(bars[1]?.nextElementSibling).toHaveTextContent('2026-09-03: 99.93 % uptime, 1,440 checks, 1 failed');
  });

  it('marks all but the last 30 days as older, hidden on phones', () => {
    render(<UptimeBars days={quarter()} />);
    const items = screen.getAllByRole('listitem');
    expect(items.filter((li) => li.classList.contains('uptime-bars__day--older'))).toHaveLength(60);
    expect(items[59]).toHaveClass('uptime-bars__day--older');
    expect(items[60]).not.toHaveClass('uptime-bars__day--older');
  });

  it('hides nothing with 30 days or fewer', () => {
    render(<UptimeBars days={quarter().slice(-7)} />);
    expect(screen.getAllByRole('listitem').filter((li) => li.classList.contains('uptime-bars__day--older'))).toHaveLength(0);
  });
});

describe('UptimeSummary', () => {
  const stats = (uptimePercent: number | null, checks = 100) => ({ checks, failures: 0, uptimePercent, p50Ms: 42, p95Ms: 1500 });

  it('shows uptime per period with two decimals, a dash without checks, and 24 h latency', () => {
    render(<UptimeSummary day={stats(99.999)} week={stats(99.5)} month={stats(90)} quarter={stats(null, 0)} />);
    const value = (term: string) => screen.getByText(term).nextElementSibling;
    expect(value('Uptime 24 h')).toHaveTextContent('99.99 %');
    expect(value('Uptime 24 h')).toHaveClass('uptime-tone--good');
    expect(value('Uptime 7 d')).toHaveTextContent('99.50 %');
    expect(value('Uptime 7 d')).toHaveClass('uptime-tone--degraded');
    expect(value('Uptime 30 d')).toHaveTextContent('90.00 %');
    expect(value('Uptime 30 d')).toHaveClass('uptime-tone--bad');
    expect(value('Uptime 90 d')).toHaveTextContent('—');
    expect(value('Uptime 90 d')).toHaveClass('uptime-tone--none');
    expect(value('p50 latency 24 h')).toHaveTextContent('≤ 42 ms');
    expect(value('p95 latency 24 h')).toHaveTextContent('≤ 1,500 ms');
  });

  it('shows dashes for latency without checks', () => {
    const none = { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null };
    render(<UptimeSummary day={none} week={none} month={none} quarter={none} />);
    expect(screen.getAllByText('—')).toHaveLength(6);
  });
});
