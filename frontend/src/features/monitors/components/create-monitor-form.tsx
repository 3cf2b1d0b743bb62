import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, SelectField, TextField, splitErrors, useFormValidation, validators, type Validator } from '@/components/form';
import { useToast } from '@/components/toast';
import type { CreateMonitorInput, MonitorKind } from '@/gql/graphql';
import { useCreateMonitor } from '../api/mutations';
import { KIND_LABELS } from './format';

const KINDS: readonly { kind: MonitorKind; hint: string }[] = [
  { kind: 'HTTP', hint: 'A website or API answers' },
  { kind: 'TCP', hint: 'A port accepts connections' },
  { kind: 'DNS', hint: 'A name resolves' },
  { kind: 'TLS', hint: 'A certificate is valid' },
  { kind: 'HEARTBEAT', hint: 'A job pings Beacon' },
];

export const INTERVAL_OPTIONS = [
  { value: '10', label: '10 seconds' },
  { value: '30', label: '30 seconds' },
  { value: '60', label: '1 minute' },
  { value: '300', label: '5 minutes' },
  { value: '600', label: '10 minutes' },
  { value: '3600', label: '1 hour' },
];

const METHOD_OPTIONS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => ({ value: m, label: m }));
const RECORD_OPTIONS = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'].map((r) => ({ value: r, label: r }));
const THRESHOLD_OPTIONS = Array.from({ length: 10 }, (_, i) => ({
  value: String(i + 1),
  label: i === 0 ? '1 failed check' : `${i + 1} failed checks in a row`,
}));

/** Every field of the form by its server name, so `BAD_USER_INPUT` field errors land next to the right input. */
type Field =
  | 'name'
  | 'http.url'
  | 'http.method'
  | 'http.expectedStatus'
  | 'tcp.host'
  | 'tcp.port'
  | 'dns.name'
  | 'dns.recordType'
  | 'dns.expected'
  | 'tls.host'
  | 'tls.port'
  | 'heartbeat.graceSeconds'
  | 'intervalSeconds'
  | 'failureThreshold';

const FIELDS: readonly Field[] = [
  'name',
  'http.url',
  'http.method',
  'http.expectedStatus',
  'tcp.host',
  'tcp.port',
  'dns.name',
  'dns.recordType',
  'dns.expected',
  'tls.host',
  'tls.port',
  'heartbeat.graceSeconds',
  'intervalSeconds',
  'failureThreshold',
];

const HTTP_URL = /^https?:\/\/[^\s/]+/i;
const STATUS_PATTERN = /^(\d{3}(-\d{3})?|[1-5]xx)$/i;

const url: Validator = (value) => {
  if (value.trim() === '') return 'Enter the URL to check.';
  return HTTP_URL.test(value.trim()) ? undefined : 'Enter the URL to check, starting with http:// or https://.';
};
const port =
  (label: string): Validator =>
  (value) => {
    if (value.trim() === '') return `Enter ${label}.`;
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= 65_535 ? undefined : `${label.charAt(0).toUpperCase()}${label.slice(1)} must be a number from 1 to 65535.`;
  };
const expectedStatus: Validator = (value) => {
  const parts = splitList(value);
  return parts.every((p) => STATUS_PATTERN.test(p)) ? undefined : 'Expected status codes look like 200, 200-299 or 2xx, separated by commas.';
};
const graceSeconds: Validator = (value) => {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 ? undefined : 'Enter the grace period as a whole number of seconds (at least 1).';
};

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function rulesFor(kind: MonitorKind): Partial<Record<Field, Validator>> {
  const name = validators.required('a name for the monitor');
  switch (kind) {
    case 'HTTP':
      return { name, 'http.url': url, 'http.expectedStatus': expectedStatus };
    case 'TCP':
      return { name, 'tcp.host': validators.required('the host to connect to'), 'tcp.port': port('the port') };
    case 'DNS':
      return { name, 'dns.name': validators.required('the DNS name to resolve') };
    case 'TLS':
      return { name, 'tls.host': validators.required('the host whose certificate to check'), 'tls.port': port('the port') };
    case 'HEARTBEAT':
      return { name, 'heartbeat.graceSeconds': graceSeconds };
  }
}

const INITIAL: Record<Field, string> = {
  name: '',
  'http.url': '',
  'http.method': 'GET',
  'http.expectedStatus': '',
  'tcp.host': '',
  'tcp.port': '',
  'dns.name': '',
  'dns.recordType': 'A',
  'dns.expected': '',
  'tls.host': '',
  'tls.port': '443',
  'heartbeat.graceSeconds': '300',
  intervalSeconds: '60',
  failureThreshold: '2',
};

function toInput(kind: MonitorKind, v: Record<Field, string>): CreateMonitorInput {
  const input: CreateMonitorInput = {
    name: v.name.trim(),
    intervalSeconds: Number(v.intervalSeconds),
    failureThreshold: Number(v.failureThreshold),
  };
  switch (kind) {
    case 'HTTP':
      input.http = { url: v['http.url'].trim(), method: v['http.method'], expectedStatus: splitList(v['http.expectedStatus']) };
      break;
    case 'TCP':
      input.tcp = { host: v['tcp.host'].trim(), port: Number(v['tcp.port']) };
      break;
    case 'DNS':
      input.dns = { name: v['dns.name'].trim(), recordType: v['dns.recordType'], expected: v['dns.expected'].trim() || null };
      break;
    case 'TLS':
      input.tls = { host: v['tls.host'].trim(), port: Number(v['tls.port']) };
      break;
    case 'HEARTBEAT':
      input.heartbeat = { graceSeconds: Number(v['heartbeat.graceSeconds']) };
      break;
  }
  return input;
}

/**
 * Creates a monitor: pick a kind, fill in what it checks, how often and after how many failures
 * it counts as down. Mistakes are named next to their field (client-side first, then the
 * server's), and the first one gets focus.
 */
export function CreateMonitorForm() {
  const createMonitor = useCreateMonitor();
  const toast = useToast();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<MonitorKind>('HTTP');
  const [values, setValues] = useState<Record<Field, string>>(INITIAL);
  const rules = useMemo(() => rulesFor(kind), [kind]);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(rules);
  const { fields: serverFields, general } = splitErrors(createMonitor.error, [...FIELDS, 'kind'], {
    FORBIDDEN: 'Only members, admins and owners can create monitors.',
  });

  // The server's field errors move focus to the first field they name, like the form's own.
  useEffect(() => {
    const form = formRef.current;
    if (!form || Object.keys(serverFields).length === 0) return;
    const first = Array.from(form.elements).find(
      (el): el is HTMLInputElement | HTMLSelectElement => (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name in serverFields,
    );
    first?.focus();
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [createMonitor.error]);

  const error = (field: Field) => errors[field] ?? serverFields[field];
  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: error(field),
    onChange: (e: { target: { value: string } }) => {
      clearError(field);
      setValues((current) => ({ ...current, [field]: e.target.value }));
    },
  });

  const onValid = () => {
    createMonitor.mutate(toInput(kind, values), {
      onSuccess: (monitor) => {
        toast({ title: 'Monitor created', description: monitor.name });
        void navigate(`/app/monitors/${monitor.id}`);
      },
    });
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form ref={formRef} className="form" onSubmit={handleSubmit(values, onValid)} noValidate aria-label="Create monitor">
        <fieldset className="monitor-kinds">
          <legend>What to check</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="monitor-kinds__option">
              <input
                type="radio"
                name="kind"
                value={k.kind}
                checked={kind === k.kind}
                onChange={() => {
                  setKind(k.kind);
                  createMonitor.reset();
                }}
              />
              <span className="monitor-kinds__text">
                <strong>{KIND_LABELS[k.kind]}</strong>
                <span className="muted">{k.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {serverFields.kind ? <FormAlert>{serverFields.kind}</FormAlert> : null}

        <TextField label="Name" {...bind('name')} hint="How the monitor appears in lists and alerts, e.g. “Website”." required />

        {kind === 'HTTP' ? (
          <>
            <TextField label="URL" type="url" inputMode="url" placeholder="https://example.com/health" {...bind('http.url')} required />
            <div className="monitor-form__row">
              <SelectField label="Method" options={METHOD_OPTIONS} {...bind('http.method')} />
              <TextField label="Expected status" placeholder="200-399" hint="e.g. 200, 200-299 or 2xx; empty means 200 to 399." {...bind('http.expectedStatus')} />
            </div>
          </>
        ) : null}
        {kind === 'TCP' ? (
          <div className="monitor-form__row">
            <TextField label="Host" placeholder="db.example.com" {...bind('tcp.host')} required />
            <TextField label="Port" type="text" inputMode="numeric" placeholder="5432" {...bind('tcp.port')} required />
          </div>
        ) : null}
        {kind === 'DNS' ? (
          <>
            <div className="monitor-form__row">
              <TextField label="DNS name" placeholder="example.com" {...bind('dns.name')} required />
              <SelectField label="Record type" options={RECORD_OPTIONS} {...bind('dns.recordType')} />
            </div>
            <TextField label="Expected answer" hint="Optional: a value the answer must contain." {...bind('dns.expected')} />
          </>
        ) : null}
        {kind === 'TLS' ? (
          <div className="monitor-form__row">
            <TextField label="Host" placeholder="example.com" {...bind('tls.host')} required />
            <TextField label="Port" type="text" inputMode="numeric" {...bind('tls.port')} required />
          </div>
        ) : null}
        {kind === 'HEARTBEAT' ? (
          <TextField
            label="Grace period (seconds)"
            type="text"
            inputMode="numeric"
            hint="How long after an expected ping Beacon waits before calling it down. You get the ping URL after creating."
            {...bind('heartbeat.graceSeconds')}
            required
          />
        ) : null}

        <div className="monitor-form__row">
          <SelectField label={kind === 'HEARTBEAT' ? 'Expected every' : 'Check every'} options={INTERVAL_OPTIONS} {...bind('intervalSeconds')} />
          <SelectField label="Down after" options={THRESHOLD_OPTIONS} {...bind('failureThreshold')} />
        </div>
        <div className="form__actions">
          <Button type="submit" pending={createMonitor.isPending} pendingLabel="Creating…">
            Create monitor
          </Button>
        </div>
      </form>
    </>
  );
}
