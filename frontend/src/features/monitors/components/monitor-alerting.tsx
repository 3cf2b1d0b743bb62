import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { SelectField } from '@/components/form';
import { AcknowledgedNote } from '@/components/incident-acknowledgement';
import { Section } from '@/components/page';
import { useToast } from '@/components/toast';
import { formatAgo, formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { useNow } from '@/lib/use-now';
import { useAcknowledgeMonitorIncident, useEscalationOptions, useSetMonitorEscalationPolicy } from '../api/escalation';
import { formatSeconds } from './format';

/** Says the monitor is flapping and that its alerts are paused until it settles. */
export function FlappingBanner({ flappingSince, flapWindowSeconds }: { flappingSince: unknown; flapWindowSeconds: number }) {
  const now = useNow(30_000);
  if (typeof flappingSince !== 'string' || flappingSince === '') return null;
  return (
    <div className="alert flapping-banner" role="status" data-testid="flapping-banner">
      <p className="flapping-banner__title">
        <span aria-hidden="true">≈</span>
        <span>
          Flapping since{' '}
          <time dateTime={flappingSince} title={formatDateTime(flappingSince)}>
            {formatDateTime(flappingSince)}
          </time>{' '}
          <span className="muted">({formatAgo(flappingSince, now)})</span>
        </span>
      </p>
      <p>
        It keeps going down and up. One alert said so; further outages are recorded without alerting until it settles (no change for{' '}
        {formatSeconds(flapWindowSeconds)}), which is announced too.
      </p>
    </div>
  );
}

const NONE = '';

/** Which escalation policy the monitor's outages follow; members and above change it. */
export function EscalationSection({ monitorId, policy, canEdit }: { monitorId: string; policy: { id: string; name: string } | null; canEdit: boolean }) {
  const options = useEscalationOptions(canEdit);
  const save = useSetMonitorEscalationPolicy(monitorId);
  const toast = useToast();
  const saved = policy?.id ?? NONE;
  const [chosen, setChosen] = useState(saved);
  const lead = (
    <>
      Who is notified, step by step, until someone acknowledges an outage. <Link to="/app/alerts/escalation">Manage escalation policies</Link>
    </>
  );

  if (!canEdit) {
    return (
      <Section title="Escalation policy" lead={lead}>
        <p data-testid="monitor-escalation">{policy ? <Link to={`/app/alerts/escalation/${policy.id}`}>{policy.name}</Link> : 'None — routing only'}</p>
      </Section>
    );
  }

  const choices = [{ value: NONE, label: 'None — routing only' }, ...(options.data ?? (policy ? [policy] : [])).map((p) => ({ value: p.id, label: p.name }))];
  const error = save.error ? (errorCodeOf(save.error) === 'FORBIDDEN' ? 'Only members, admins and owners can change a monitor’s escalation policy.' : save.error.message) : undefined;
  return (
    <Section title="Escalation policy" lead={lead}>
      <form
        className="monitor-escalation"
        aria-label="Escalation policy"
        onSubmit={(e) => {
          e.preventDefault();
          const policyId = chosen === NONE ? null : chosen;
          save.mutate(policyId, {
            onSuccess: (m) => toast({ title: 'Escalation policy saved', description: m.escalationPolicy ? m.escalationPolicy.name : 'Routing only' }),
          });
        }}
      >
        <SelectField
          label="Policy"
          name="policyId"
          options={choices}
          value={chosen}
          error={error}
          disabled={options.isPending}
          hint={options.isError ? `Could not load the policies: ${options.error.message}` : chosen === NONE ? 'Outages notify the channels routed to this monitor, once.' : undefined}
          onChange={(e) => {
            if (save.isError) save.reset();
            setChosen(e.target.value);
          }}
        />
        <Button type="submit" variant="secondary" disabled={chosen === saved} pending={save.isPending} pendingLabel="Saving…">
          Save
        </Button>
      </form>
    </Section>
  );
}

/** An open, unacknowledged incident's button; otherwise who acknowledged it and when. */
export function IncidentAcknowledge({
  incident,
  canAcknowledge,
}: {
  incident: { id: string; resolvedAt?: unknown; acknowledgedAt?: unknown; acknowledgedBy?: string | null };
  canAcknowledge: boolean;
}) {
  const acknowledge = useAcknowledgeMonitorIncident();
  const toast = useToast();
  const done = acknowledge.data;
  const at: unknown = done?.acknowledgedAt ?? incident.acknowledgedAt;
  if (at) return <AcknowledgedNote acknowledgedAt={at} acknowledgedBy={done?.acknowledgedBy ?? incident.acknowledgedBy} />;
  if (incident.resolvedAt || !canAcknowledge) return null;
  return (
    <span className="monitor-incident__ack">
      <Button
        size="sm"
        variant="secondary"
        pending={acknowledge.isPending}
        pendingLabel="Acknowledging…"
        onClick={() => acknowledge.mutate(incident.id, { onSuccess: () => toast({ title: 'Incident acknowledged', description: 'Escalation stopped.' }) })}
      >
        Acknowledge
      </Button>
      {acknowledge.isError ? (
        <span className="form__error" role="alert">
          {errorCodeOf(acknowledge.error) === 'FORBIDDEN' ? 'Only members, admins and owners can acknowledge.' : `Could not acknowledge: ${acknowledge.error.message}`}
        </span>
      ) : null}
    </span>
  );
}
