import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, buttonClass } from '@/components/button';
import { FormAlert, SelectField, TextField, splitErrors, useFormValidation, validators, type Validator } from '@/components/form';
import { useToast } from '@/components/toast';
import type { CreateMaintenanceWindowInput, Weekday } from '@/gql/graphql';
import { useCreateMaintenanceWindow } from '../api/mutations';
import { useMonitorOptions, useTagOptions } from '../api/monitor-options';
import { browserTimeZone, formatMinutes, timeZones, toLocalInput, WEEKDAYS, zonedToUtc } from './schedule';

type Field =
  | 'name'
  | 'monitorId'
  | 'tag'
  | 'startsAt'
  | 'endsAt'
  | 'weekly.days'
  | 'weekly.startTime'
  | 'weekly.durationMinutes'
  | 'cron.expression'
  | 'cron.durationMinutes'
  | 'timeZone';

const FIELDS: readonly Field[] = [
  'name',
  'monitorId',
  'tag',
  'startsAt',
  'endsAt',
  'weekly.days',
  'weekly.startTime',
  'weekly.durationMinutes',
  'cron.expression',
  'cron.durationMinutes',
  'timeZone',
];

type Scope = 'ORGANIZATION' | 'MONITOR' | 'TAG';
type Repeat = 'ONCE' | 'WEEKLY' | 'CRON';

const SCOPES: readonly { value: Scope; label: string; hint: string }[] = [
  { value: 'ORGANIZATION', label: 'Whole organization', hint: 'Every monitor, including ones added later' },
  { value: 'MONITOR', label: 'One monitor', hint: 'Only the monitor you pick' },
  { value: 'TAG', label: 'Monitors with a tag', hint: 'Every monitor tagged so, now or later' },
];

const REPEATS: readonly { value: Repeat; label: string; hint: string }[] = [
  { value: 'ONCE', label: 'Once', hint: 'A start and an end' },
  { value: 'WEEKLY', label: 'Every week', hint: 'Chosen days at a time' },
  { value: 'CRON', label: 'Cron schedule', hint: 'Any cron expression' },
];

const MAX_MINUTES = 10_080;

const minutes: Validator = (value) => {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_MINUTES
    ? undefined
    : `Enter the duration in minutes, from 1 to ${MAX_MINUTES.toLocaleString('en-US')} (a week).`;
};
const moment =
  (label: string): Validator =>
  (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? undefined : `Enter ${label} as a date and time.`;
const cronExpression: Validator = (value) => {
  if (value.trim() === '') return 'Enter a cron expression.';
  return value.trim().split(/\s+/).length === 5 ? undefined : 'A cron expression has five fields: minute hour day-of-month month day-of-week.';
};

function initialValues(zone: string): Record<Field, string> {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  return {
    name: '',
    monitorId: '',
    tag: '',
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(end),
    'weekly.days': '',
    'weekly.startTime': '02:00',
    'weekly.durationMinutes': '60',
    'cron.expression': '',
    'cron.durationMinutes': '60',
    timeZone: zone,
  };
}

function rulesFor(scope: Scope, repeat: Repeat, startsAt: string): Partial<Record<Field, Validator>> {
  const rules: Partial<Record<Field, Validator>> = { name: validators.required('a name for the window') };
  if (scope === 'MONITOR') rules.monitorId = (v) => (v ? undefined : 'Choose the monitor the window covers.');
  if (scope === 'TAG') rules.tag = (v) => (v ? undefined : 'Choose the tag whose monitors the window covers.');
  if (repeat === 'ONCE') {
    rules.startsAt = moment('the start');
    rules.endsAt = (v) => moment('the end')(v) ?? (v > startsAt ? undefined : 'The end must be after the start.');
  } else if (repeat === 'WEEKLY') {
    rules['weekly.days'] = (v) => (v ? undefined : 'Choose at least one day.');
    rules['weekly.startTime'] = (v) => (/^\d{2}:\d{2}$/.test(v) ? undefined : 'Enter the start time, such as 02:30.');
    rules['weekly.durationMinutes'] = minutes;
  } else {
    rules['cron.expression'] = cronExpression;
    rules['cron.durationMinutes'] = minutes;
  }
  return rules;
}

function toInput(scope: Scope, repeat: Repeat, v: Record<Field, string>): CreateMaintenanceWindowInput {
  const input: CreateMaintenanceWindowInput = { name: v.name.trim(), timeZone: v.timeZone };
  if (scope === 'MONITOR') input.monitorId = v.monitorId;
  if (scope === 'TAG') input.tag = v.tag;
  if (repeat === 'ONCE') {
    input.startsAt = zonedToUtc(v.startsAt, v.timeZone);
    input.endsAt = zonedToUtc(v.endsAt, v.timeZone);
  } else if (repeat === 'WEEKLY') {
    input.weekly = {
      days: v['weekly.days'].split(',').filter(Boolean) as Weekday[],
      startTime: v['weekly.startTime'],
      durationMinutes: Number(v['weekly.durationMinutes']),
    };
  } else {
    input.cron = { expression: v['cron.expression'].trim().replace(/\s+/g, ' '), durationMinutes: Number(v['cron.durationMinutes']) };
  }
  return input;
}

function durationHint(value: string): string {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= MAX_MINUTES ? `${formatMinutes(n)} each time.` : 'In minutes, e.g. 90 for 1 h 30 min.';
}

/**
 * Schedules maintenance: a name, what it covers (the organization, one monitor or a tag's monitors) and when (once,
 * weekly, or on a cron schedule), in a time zone that starts as the browser's.
 */
export function CreateMaintenanceForm() {
  const create = useCreateMaintenanceWindow();
  const toast = useToast();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const zone = useMemo(() => browserTimeZone(), []);
  const zones = useMemo(() => timeZones(zone).map((z) => ({ value: z, label: z.replaceAll('_', ' ') })), [zone]);
  const [scope, setScope] = useState<Scope>('ORGANIZATION');
  const [repeat, setRepeat] = useState<Repeat>('ONCE');
  const [values, setValues] = useState(() => initialValues(zone));
  const [search, setSearch] = useState('');
  const options = useMonitorOptions(search, scope === 'MONITOR');
  const tags = useTagOptions(scope === 'TAG');
  const tagOptions = [
    { value: '', label: tags.isPending ? 'Loading tags…' : tags.data?.length === 0 ? 'No monitor has a tag yet' : 'Choose a tag' },
    ...(tags.data?.map((t) => ({ value: t, label: t })) ?? []),
  ];
  const rules = useMemo(() => rulesFor(scope, repeat, values.startsAt), [scope, repeat, values.startsAt]);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(rules);
  const { fields: serverFields, general } = splitErrors(create.error, FIELDS, {
    FORBIDDEN: 'Only members, admins and owners can schedule maintenance.',
  });

  useEffect(() => {
    const form = formRef.current;
    if (!form || Object.keys(serverFields).length === 0) return;
    const first = Array.from(form.elements).find(
      (el): el is HTMLInputElement | HTMLSelectElement => (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name in serverFields,
    );
    first?.focus();
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [create.error]);

  const set = (field: Field, value: string) => {
    clearError(field);
    setValues((current) => ({ ...current, [field]: value }));
  };
  const error = (field: Field) => errors[field] ?? serverFields[field];
  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: error(field),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const days = values['weekly.days'].split(',').filter(Boolean);
  const toggleDay = (day: string, on: boolean) => {
    const next = WEEKDAYS.map((w) => w.value).filter((d) => (d === day ? on : days.includes(d)));
    set('weekly.days', next.join(','));
  };
  const daysError = error('weekly.days');

  const monitorOptions = [
    { value: '', label: options.isPending ? 'Loading monitors…' : 'Choose a monitor' },
    ...(options.data?.nodes.map((m) => ({ value: m.id, label: m.name })) ?? []),
  ];
  // A chosen monitor stays chosen while the search narrows the list.
  const chosen = values.monitorId;
  if (chosen && !monitorOptions.some((o) => o.value === chosen)) monitorOptions.push({ value: chosen, label: 'The monitor chosen before' });

  const onValid = () =>
    create.mutate(toInput(scope, repeat, values), {
      onSuccess: (window) => {
        toast({ title: 'Maintenance scheduled', description: window.name });
        void navigate('/app/maintenance');
      },
    });

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form ref={formRef} className="form" onSubmit={handleSubmit(values, onValid)} noValidate aria-label="Schedule maintenance">
        <TextField label="Name" {...bind('name')} hint="Shown in lists, e.g. “Database upgrade”." required />

        <fieldset className="choice-cards">
          <legend>Covers</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="choice-cards__option">
              <input type="radio" name="scope" value={s.value} checked={scope === s.value} onChange={() => setScope(s.value)} />
              <span className="choice-cards__text">
                <strong>{s.label}</strong>
                <span className="muted">{s.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {scope === 'MONITOR' ? (
          <div className="monitor-picker">
            <TextField
              label="Find a monitor"
              name="monitorSearch"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Name or target"
              hint={options.data?.pageInfo.hasNextPage ? 'Showing the first 100 matches; type to narrow them.' : undefined}
            />
            <SelectField label="Monitor" options={monitorOptions} {...bind('monitorId')} />
          </div>
        ) : null}
        {scope === 'TAG' ? <SelectField label="Tag" options={tagOptions} hint="Monitors tagged later are covered too." {...bind('tag')} /> : null}

        <fieldset className="choice-cards">
          <legend>Repeats</legend>
          {REPEATS.map((r) => (
            <label key={r.value} className="choice-cards__option">
              <input type="radio" name="repeat" value={r.value} checked={repeat === r.value} onChange={() => setRepeat(r.value)} />
              <span className="choice-cards__text">
                <strong>{r.label}</strong>
                <span className="muted">{r.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <SelectField label="Time zone" options={zones} {...bind('timeZone')} hint={repeat === 'ONCE' ? 'The start and end are read in this zone.' : 'The schedule follows this zone, daylight saving included.'} />

        {repeat === 'ONCE' ? (
          <div className="maintenance-form__row">
            <TextField label="Starts" type="datetime-local" {...bind('startsAt')} required />
            <TextField label="Ends" type="datetime-local" {...bind('endsAt')} required />
          </div>
        ) : null}
        {repeat === 'WEEKLY' ? (
          <>
            <fieldset className="weekday-picker" aria-describedby={daysError ? 'weekly-days-error' : undefined}>
              <legend>Days</legend>
              <div className="weekday-picker__days">
                {WEEKDAYS.map((d) => (
                  <label key={d.value} className="weekday-picker__day">
                    <input
                      type="checkbox"
                      name="weekly.days"
                      value={d.value}
                      checked={days.includes(d.value)}
                      onChange={(e) => toggleDay(d.value, e.target.checked)}
                      aria-invalid={daysError ? true : undefined}
                    />
                    <span aria-hidden="true">{d.short}</span>
                    <span className="visually-hidden">{d.label}</span>
                  </label>
                ))}
              </div>
              {daysError ? (
                <p className="form__error" id="weekly-days-error">
                  <span className="form__error-icon" aria-hidden="true">
                    ⚠
                  </span>
                  {daysError}
                </p>
              ) : null}
            </fieldset>
            <div className="maintenance-form__row">
              <TextField label="Start time" type="time" {...bind('weekly.startTime')} required />
              <TextField
                label="Duration (minutes)"
                inputMode="numeric"
                {...bind('weekly.durationMinutes')}
                hint={durationHint(values['weekly.durationMinutes'])}
                required
              />
            </div>
          </>
        ) : null}
        {repeat === 'CRON' ? (
          <div className="maintenance-form__row">
            <TextField
              label="Cron expression"
              placeholder="0 3 * * 1-5"
              spellCheck={false}
              autoComplete="off"
              {...bind('cron.expression')}
              hint="Five fields: minute hour day-of-month month day-of-week. Each match starts a window."
              required
            />
            <TextField
              label="Duration (minutes)"
              inputMode="numeric"
              {...bind('cron.durationMinutes')}
              hint={durationHint(values['cron.durationMinutes'])}
              required
            />
          </div>
        ) : null}

        <div className="form__actions">
          <Button type="submit" pending={create.isPending} pendingLabel="Scheduling…">
            Schedule maintenance
          </Button>
          <Link className={buttonClass('secondary')} to="/app/maintenance">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
