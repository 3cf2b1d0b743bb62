/** Cron expressions (five fields) in words, where they say something a person reads at a glance. */

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Monday first, as most calendars show the week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The days of a cron day-of-week field ("1,3", "1-5", "*") as weekday numbers (0 = Sunday), or null. */
function cronDays(field: string): number[] | null {
  if (field === '*') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from > 7 || to > 7 || to < from) return null;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function daysInWords(days: number[]): string {
  const key = days.join(',');
  if (key === '0,1,2,3,4,5,6') return 'Every day';
  if (key === '1,2,3,4,5') return 'Every weekday';
  if (key === '0,6') return 'Every weekend day';
  const ordered = WEEK_ORDER.filter((d) => days.includes(d)).map((d) => DAY_NAMES[d]);
  return `Every ${listInWords(ordered)}`;
}

/**
 * "Every Monday and Thursday at 02:00", "Every day at 04:15", "Every weekday at 03:00"; null for
 * expressions that are more than days and a time (show those as they are).
 */
export function cronInWords(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute = '', hour = '', dayOfMonth, month, dayOfWeek = ''] = fields;
  const days = dayOfMonth === '*' && month === '*' ? cronDays(dayOfWeek) : null;
  if (!days || days.length === 0 || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return null;
  return `${daysInWords(days)} at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
}
