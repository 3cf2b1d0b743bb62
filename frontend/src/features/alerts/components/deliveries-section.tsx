import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import '@/components/data-table.css';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { formatAgo, formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { useNow } from '@/lib/use-now';
import { isInFlight, useAlertDeliveries, useRequeueDelivery, useTestAlertChannel, type AlertDeliveryRow } from '../api/alert-channels';
import { deliveryLabel } from './kinds';

const STATUS: Readonly<Record<string, { label: string; tone: string }>> = {
  QUEUED: { label: 'Queued', tone: 'badge' },
  RUNNING: { label: 'Sending', tone: 'badge badge--accent' },
  DELIVERED: { label: 'Delivered', tone: 'badge badge--success' },
  DEAD: { label: 'Failed', tone: 'badge badge--danger' },
};

export function StatusBadge({ delivery }: { delivery: AlertDeliveryRow }) {
  const status = STATUS[delivery.status] ?? { label: delivery.status, tone: 'badge' };
  const retrying = delivery.status === 'QUEUED' && delivery.attempts > 0;
  return (
    <span className={retrying ? 'badge badge--warning' : status.tone} data-testid="delivery-status" data-status={delivery.status}>
      {isInFlight(delivery) ? <span className="delivery-log__pulse" aria-hidden="true" /> : null}
      {retrying ? 'Retrying' : status.label}
    </span>
  );
}

function When({ value, now }: { value: unknown; now: number }) {
  return typeof value === 'string' ? (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatAgo(value, now)}
    </time>
  ) : (
    <span className="muted">—</span>
  );
}

function AttemptDetails({ delivery, now, id }: { delivery: AlertDeliveryRow; now: number; id: string }) {
  return (
    <div className="delivery-log__details" id={id}>
      <dl className="delivery-log__facts">
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(delivery.createdAt)}</dd>
        </div>
        {delivery.deliveredAt ? (
          <div>
            <dt>Delivered</dt>
            <dd>{formatDateTime(delivery.deliveredAt)}</dd>
          </div>
        ) : null}
        {delivery.nextAttemptAt && isInFlight(delivery) ? (
          <div>
            <dt>Next attempt</dt>
            <dd>
              <When value={delivery.nextAttemptAt as unknown} now={now} />
            </dd>
          </div>
        ) : null}
        {delivery.monitorId ? (
          <div>
            <dt>Monitor</dt>
            <dd>
              <Link to={`/app/monitors/${delivery.monitorId}`}>Open monitor</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {delivery.lastError ? (
        <p className="delivery-log__error">
          <strong>Last error:</strong> {delivery.lastError}
        </p>
      ) : null}
      {delivery.attemptLog.length === 0 ? (
        <p className="muted">No attempt yet.</p>
      ) : (
        <ol className="delivery-log__attempts" aria-label="Attempts">
          {delivery.attemptLog.map((a) => (
            <li key={a.attempt} className="delivery-log__attempt" data-testid="delivery-attempt">
              <span className="delivery-log__attempt-no">#{a.attempt}</span>
              <span className={a.statusCode !== null && a.statusCode !== undefined && a.statusCode < 300 ? 'badge badge--success' : 'badge badge--danger'}>
                {a.statusCode ?? 'No answer'}
              </span>
              <span className="muted">{a.durationMs} ms</span>
              <When value={a.at as unknown} now={now} />
              {a.error ? <span className="delivery-log__attempt-error">{a.error}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function DeliveryRows({ channelId, delivery, canRetry, now }: { channelId: string; delivery: AlertDeliveryRow; canRetry: boolean; now: number }) {
  const [open, setOpen] = useState(false);
  const requeue = useRequeueDelivery(channelId);
  const toast = useToast();
  const detailsId = `delivery-${delivery.id}`;
  const event = deliveryLabel(delivery);
  const what = `the ${event.label.toLowerCase()} delivery, ${formatAgo(delivery.createdAt, now)}`;
  return (
    <Fragment>
      <tr data-testid="delivery-row" data-event={delivery.event} data-type={delivery.type}>
        <td className="data-table__primary">
          <span className={event.tone} data-testid="delivery-event">
            {event.label}
          </span>
        </td>
        <td data-label="Status">
          <StatusBadge delivery={delivery} />
        </td>
        <td data-label="Attempts" data-testid="delivery-attempts">
          {delivery.attempts}/{delivery.maxAttempts}
        </td>
        <td data-label="Last code">{delivery.lastStatusCode ?? <span className="muted">—</span>}</td>
        <td data-label="When">
          <When value={delivery.createdAt as unknown} now={now} />
        </td>
        <td className="data-table__actions">
          <Button variant="ghost" size="sm" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen(!open)}>
            {open ? 'Hide attempts' : 'Attempts'}
            <span className="visually-hidden"> of {what}</span>
          </Button>
          {canRetry && delivery.status === 'DEAD' ? (
            <Button
              variant="secondary"
              size="sm"
              pending={requeue.isPending}
              pendingLabel="Retrying…"
              onClick={() => requeue.mutate(delivery.id, { onSuccess: () => toast({ title: 'Delivery queued again', description: 'With fresh attempts.' }) })}
            >
              Retry<span className="visually-hidden"> {what}</span>
            </Button>
          ) : null}
        </td>
      </tr>
      {requeue.error ? (
        <tr className="delivery-log__detail-row">
          <td colSpan={6}>
            <FormAlert>Could not retry: {requeue.error.message}</FormAlert>
          </td>
        </tr>
      ) : null}
      {open ? (
        <tr className="delivery-log__detail-row">
          <td colSpan={6}>
            <AttemptDetails delivery={delivery} now={now} id={detailsId} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

/** Recent deliveries of a channel, newest first, with a test button; polled while one is on its way. */
export function DeliveriesSection({ channelId, canTest }: { channelId: string; canTest: boolean }) {
  const deliveries = useAlertDeliveries(channelId);
  const test = useTestAlertChannel(channelId);
  const toast = useToast();
  const now = useNow(5_000);
  const testError = test.error
    ? errorCodeOf(test.error) === 'FORBIDDEN'
      ? 'Only members, admins and owners can send tests.'
      : `Could not send the test: ${test.error.message}`
    : null;
  return (
    <Section title="Deliveries" lead="Every message Beacon sent or is sending to this channel, newest first, with each attempt.">
      {canTest ? (
        <div className="alert-channel__bar">
          <Button
            variant="secondary"
            pending={test.isPending}
            pendingLabel="Sending…"
            onClick={() => test.mutate(undefined, { onSuccess: () => toast({ title: 'Test queued', description: 'It shows in the log below.' }) })}
          >
            Send test
          </Button>
          <span className="muted">Sends a test message now, whatever the routing.</span>
        </div>
      ) : null}
      {testError ? <FormAlert>{testError}</FormAlert> : null}
      <QueryState
        query={deliveries}
        what="the deliveries"
        skeletonLines={3}
        isEmpty={(data) => data.nodes.length === 0}
        empty={<EmptyState title="Nothing sent yet.">{canTest ? 'Send a test to check the channel works.' : 'Messages appear here when a routed event happens, such as a monitor going down.'}</EmptyState>}
      >
        {(data) => <DeliveryTable channelId={channelId} rows={data.nodes} canRetry={canTest} now={now} />}
      </QueryState>
    </Section>
  );
}

function DeliveryTable({ channelId, rows, canRetry, now }: { channelId: string; rows: readonly AlertDeliveryRow[]; canRetry: boolean; now: number }) {
  return (
    <div className="data-table delivery-log">
      <table className="data-table__table" aria-label="Deliveries">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last code</th>
            <th scope="col">When</th>
            <th scope="col" className="data-table__actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <DeliveryRows key={d.id} channelId={channelId} delivery={d} canRetry={canRetry} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
