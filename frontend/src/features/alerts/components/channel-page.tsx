import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form';
import { Page, Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { hasRole, useSession } from '@/lib/session';
import { useNow } from '@/lib/use-now';
import { useAlertChannel, useDeleteAlertChannel, useRotateSigningSecret, useUpdateAlertChannel, type AlertChannelDetail } from '../api/alert-channels';
import { ChannelForm } from './channel-form';
import { DeliveriesSection } from './deliveries-section';
import { KindLabel } from './kind-icon';
import { destinationOf, kindSpec, supportsTemplates } from './kinds';
import { hasTemplates } from './message-section';
import { RoutingSection } from './routing-section';
import { SigningSecretDialog } from './secret-dialog';

function ReadOnlyDetails({ channel }: { channel: AlertChannelDetail }) {
  const spec = kindSpec(channel.kind);
  return (
    <Section title="Details" lead="Admins and owners change a channel’s settings.">
      <dl className="alert-facts">
        <div>
          <dt>Kind</dt>
          <dd>
            <KindLabel kind={channel.kind} />
          </dd>
        </div>
        <div>
          <dt>Destination</dt>
          <dd className="alert-facts__value">{destinationOf(channel)}</dd>
        </div>
        {spec.priority && channel.priority !== null && channel.priority !== undefined ? (
          <div>
            <dt>Priority</dt>
            <dd>{spec.priority.options.find((o) => o.value === channel.priority)?.label ?? channel.priority}</dd>
          </div>
        ) : null}
        {spec.token || spec.url?.secret ? (
          <div>
            <dt>Secret</dt>
            <dd>{channel.hasSecret ? 'Stored' : 'None'}</dd>
          </div>
        ) : null}
        {supportsTemplates(channel.kind) ? (
          <div>
            <dt>Message</dt>
            <dd>{hasTemplates(channel) ? 'Custom wording' : 'Beacon’s wording'}</dd>
          </div>
        ) : null}
        {supportsTemplates(channel.kind) && channel.titleTemplate?.trim() ? (
          <div className="alert-facts__wide">
            <dt>{channel.kind === 'EMAIL' ? 'Subject template' : 'Title template'}</dt>
            <dd>
              <pre className="alert-template-readonly" data-testid="title-template">
                {channel.titleTemplate}
              </pre>
            </dd>
          </div>
        ) : null}
        {supportsTemplates(channel.kind) && channel.bodyTemplate?.trim() ? (
          <div className="alert-facts__wide">
            <dt>Body template</dt>
            <dd>
              <pre className="alert-template-readonly" data-testid="body-template">
                {channel.bodyTemplate}
              </pre>
            </dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}

function DetailsSection({ channel }: { channel: AlertChannelDetail }) {
  const update = useUpdateAlertChannel(channel.id);
  const toast = useToast();
  return (
    <Section title="Details" lead={`Kind: ${kindSpec(channel.kind).label} (it cannot change; create another channel for another kind).`}>
      <ChannelForm
        key={channel.id}
        savedVersion={String(channel.updatedAt)}
        kind={channel.kind}
        label="Channel details"
        saved={channel}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error}
        onEdit={() => {
          if (update.isError) update.reset();
        }}
        onSubmit={(input) => update.mutate(input, { onSuccess: (saved) => toast({ title: 'Channel saved', description: saved.name }) })}
      />
    </Section>
  );
}

function SigningSection({ channel, canManage }: { channel: AlertChannelDetail; canManage: boolean }) {
  const rotate = useRotateSigningSecret(channel.id);
  const [secret, setSecret] = useState<string | null>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const now = useNow(60_000);
  const until: unknown = channel.previousSecretValidUntil;
  const stillSigning = typeof until === 'string' && new Date(until).getTime() > now;
  return (
    <Section
      title="Signing secret"
      lead={
        <>
          Each request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers. Verify signatures with any
          Standard Webhooks library (standardwebhooks.com) and the secret you were shown when the channel was created.
        </>
      }
    >
      {stillSigning ? (
        <FormAlert tone="info">
          <span data-testid="previous-secret-until">
            The previous secret also signs until {formatDateTime(until)}, so your receiver can switch over.
          </span>
        </FormAlert>
      ) : null}
      {rotate.error ? <FormAlert>{errorCodeOf(rotate.error) === 'FORBIDDEN' ? 'Only admins and owners can rotate the secret.' : rotate.error.message}</FormAlert> : null}
      {canManage ? (
        <div>
          <ConfirmButton
            trigger={
              <Button ref={rotateButton} variant="secondary" pending={rotate.isPending} pendingLabel="Rotating…">
                Rotate signing secret
              </Button>
            }
            title="Rotate the signing secret?"
            description={
              <p>
                Beacon makes a new secret and shows it once. For 24 hours requests are signed with both the old and the new secret, so you can update your
                receiver without missing a message.
              </p>
            }
            confirmLabel="Rotate secret"
            tone="primary"
            onConfirm={() => rotate.mutate(undefined, { onSuccess: (result) => setSecret(result.signingSecret ?? null) })}
          />
        </div>
      ) : null}
      <SigningSecretDialog secret={secret} title="New signing secret" onDone={() => setSecret(null)} onCloseFocus={() => rotateButton.current?.focus()}>
        <p>The previous secret keeps signing for 24 hours beside this one.</p>
      </SigningSecretDialog>
    </Section>
  );
}

function DangerZone({ channel }: { channel: AlertChannelDetail }) {
  const remove = useDeleteAlertChannel();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <Section title="Delete this channel" lead="Its routing and delivery log go with it. Monitors are not affected.">
      {remove.isError ? <FormAlert>{remove.error.message}</FormAlert> : null}
      <div>
        <ConfirmButton
          trigger={
            <Button variant="danger" pending={remove.isPending} pendingLabel="Deleting…">
              Delete channel
            </Button>
          }
          title={`Delete “${channel.name}”?`}
          description={<p>Beacon stops sending alerts to it at once. This cannot be undone.</p>}
          confirmLabel="Delete channel"
          onConfirm={() =>
            remove.mutate(channel.id, {
              onSuccess: () => {
                toast({ title: 'Channel deleted', description: channel.name });
                void navigate('/app/alerts');
              },
            })
          }
        />
      </div>
    </Section>
  );
}

/** `/app/alerts/:id`: a channel's settings, routing and delivery log; read-only below admin (members may test). */
export function ChannelPage({ id }: { id: string }) {
  const { session } = useSession();
  const query = useAlertChannel(id);
  const canManage = hasRole(session?.role, 'ADMIN');
  const canTest = hasRole(session?.role, 'MEMBER');
  return (
    <QueryState
      query={query}
      what="the alert channel"
      skeletonLines={5}
      explainError={(e) => (errorCodeOf(e) === 'NOT_FOUND' ? 'There is no such alert channel. It may have been deleted.' : undefined)}
    >
      {(channel) => (
        <Page
          title={channel.name}
          lead={
            <span className="alert-channel__lead">
              <KindLabel kind={channel.kind} />
              <span className="alert-channel__destination">{destinationOf(channel)}</span>
              {supportsTemplates(channel.kind) && hasTemplates(channel) ? (
                <span className="badge badge--accent" data-testid="custom-message-badge">
                  Custom message
                </span>
              ) : null}
            </span>
          }
          wide
        >
          <div className="alert-channel">
            {canManage ? <DetailsSection channel={channel} /> : <ReadOnlyDetails channel={channel} />}
            {channel.kind === 'WEBHOOK' ? <SigningSection channel={channel} canManage={canManage} /> : null}
            <RoutingSection key={channel.id} channelId={channel.id} routing={channel.routing} canManage={canManage} />
            <DeliveriesSection channelId={channel.id} canTest={canTest} />
            {canManage ? <DangerZone channel={channel} /> : null}
          </div>
        </Page>
      )}
    </QueryState>
  );
}
