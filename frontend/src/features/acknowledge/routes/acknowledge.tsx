import { useParams } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form';
import { formatAgo, formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { useNow } from '@/lib/use-now';
import { useAcknowledgeLink, useAcknowledgeWithLink, type AcknowledgeLinkInfo } from '../api/acknowledge-link';
import { AckCard } from '../components/ack-card';
import '../components/acknowledge.css';

function When({ value, now }: { value: unknown; now: number }) {
  if (typeof value !== 'string' || value === '') return <>—</>;
  return (
    <>
      <time dateTime={value}>{formatDateTime(value)}</time> <span className="muted">({formatAgo(value, now)})</span>
    </>
  );
}

function Facts({ info }: { info: AcknowledgeLinkInfo }) {
  const now = useNow(30_000);
  const state = info.resolvedAt ? 'Resolved' : info.acknowledgedAt ? 'Down, acknowledged' : 'Down, not acknowledged';
  return (
    <dl className="ack-facts" data-testid="ack-facts">
      <div>
        <dt>Monitor</dt>
        <dd>
          <strong>{info.monitorName}</strong>
        </dd>
      </div>
      <div>
        <dt>Organization</dt>
        <dd>{info.organizationName}</dd>
      </div>
      <div>
        <dt>Down since</dt>
        <dd>
          <When value={info.openedAt as unknown} now={now} />
        </dd>
      </div>
      {info.resolvedAt ? (
        <div>
          <dt>Resolved</dt>
          <dd>
            <When value={info.resolvedAt as unknown} now={now} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>State</dt>
        <dd data-testid="ack-state">{state}</dd>
      </div>
    </dl>
  );
}

function InvalidLink({ focusTitle = false }: { focusTitle?: boolean }) {
  return (
    <AckCard title="This link is invalid or has expired" tone="warning" focusTitle={focusTitle} testId="ack-invalid">
      <p>Acknowledge links work for a limited time and only as sent. Open the newest alert’s link, or acknowledge the incident in Beacon.</p>
    </AckCard>
  );
}

function acknowledgedBy(info: AcknowledgeLinkInfo): string {
  return info.acknowledgedBy ? ` by ${info.acknowledgedBy}` : '';
}

function Outcome({ token }: { token: string }) {
  const query = useAcknowledgeLink(token);
  const acknowledge = useAcknowledgeWithLink();

  if (query.isPending) {
    return (
      <AckCard title="Acknowledge an outage">
        <p role="status" aria-busy="true">
          Loading the alert…
        </p>
      </AckCard>
    );
  }
  if (query.isError) {
    if (errorCodeOf(query.error) === 'NOT_FOUND') return <InvalidLink />;
    return (
      <AckCard
        title="Acknowledge an outage"
        actions={
          <Button onClick={() => void query.refetch()} pending={query.isFetching} pendingLabel="Trying again…">
            Try again
          </Button>
        }
      >
        <FormAlert>We could not load this alert just now. {query.error.message}</FormAlert>
      </AckCard>
    );
  }
  if (acknowledge.isError && errorCodeOf(acknowledge.error) === 'NOT_FOUND') return <InvalidLink focusTitle />;

  const done = acknowledge.data;
  if (done) {
    if (done.resolvedAt && !done.acknowledgedAt) {
      return (
        <AckCard title={`${done.monitorName} has recovered`} tone="good" focusTitle testId="ack-resolved">
          <p>The outage ended before it was acknowledged, so there is nothing to stop.</p>
          <Facts info={done} />
        </AckCard>
      );
    }
    return (
      <AckCard title="Acknowledged" tone="good" focusTitle testId="ack-done">
        <p>
          Thanks. The outage of <strong>{done.monitorName}</strong> is acknowledged{acknowledgedBy(done)}: {done.organizationName} stops escalating it. You’ll still
          hear when it recovers.
        </p>
        <Facts info={done} />
      </AckCard>
    );
  }

  const info = query.data;
  if (info.resolvedAt) {
    return (
      <AckCard title={`${info.monitorName} has recovered`} tone="good" testId="ack-resolved">
        <p>This outage is over{info.acknowledgedAt ? `; it was acknowledged${acknowledgedBy(info)}` : ''}. There is nothing to acknowledge.</p>
        <Facts info={info} />
      </AckCard>
    );
  }
  if (info.acknowledgedAt) {
    return (
      <AckCard title={`Already acknowledged${acknowledgedBy(info)}`} tone="good" testId="ack-already">
        <p>Someone is on it: the escalation of this outage has stopped. You’ll still hear when it recovers.</p>
        <Facts info={info} />
      </AckCard>
    );
  }
  return (
    <AckCard
      title={`Acknowledge the outage of ${info.monitorName}?`}
      testId="ack-ask"
      actions={
        <Button onClick={() => acknowledge.mutate(token)} pending={acknowledge.isPending} pendingLabel="Acknowledging…">
          Acknowledge
        </Button>
      }
    >
      <p>Acknowledging tells {info.organizationName} you are on it: nobody else is paged for this outage. Alerts about its recovery still go out.</p>
      <Facts info={info} />
      {acknowledge.isError ? <FormAlert>We could not acknowledge just now. {acknowledge.error.message} Please try again.</FormAlert> : null}
    </AckCard>
  );
}

/**
 * `/ack/:token`: the acknowledge link in an alert (no login). It shows the outage and
 * acknowledges only on the button: mail scanners and chat previews open every link.
 */
export function AcknowledgeRoute() {
  const { token = '' } = useParams();
  const trimmed = token.trim();
  return (
    <div className="ack-page">
      {trimmed ? <Outcome key={trimmed} token={trimmed} /> : <InvalidLink />}
    </div>
  );
}
