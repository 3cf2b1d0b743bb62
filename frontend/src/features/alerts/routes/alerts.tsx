import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { useToast } from '@/components/toast';
import { hasRole, useSession } from '@/lib/session';
import { useCreateAlertChannel } from '../api/alert-channels';
import { ChannelForm } from '../components/channel-form';
import { AlertsTabs } from '../components/alerts-tabs';
import { ChannelList } from '../components/channel-list';
import { ChannelPage } from '../components/channel-page';
import { KindIcon } from '../components/kind-icon';
import { KindPicker } from '../components/kind-picker';
import { kindSpec, parseKind } from '../components/kinds';
import { SigningSecretDialog } from '../components/secret-dialog';
import '../components/alerts.css';

/** `/app/alerts`: where Beacon sends alerts. */
export function AlertsRoute() {
  const { session } = useSession();
  const canManage = hasRole(session?.role, 'ADMIN');
  return (
    <Page
      title="Alert channels"
      lead="Where Beacon tells you a monitor went down or came back: email, chat, paging tools, push notifications or your own webhook."
      actions={
        canManage ? (
          <Link className={buttonClass()} to="/app/alerts/new">
            Add channel
          </Link>
        ) : undefined
      }
      wide
    >
      <AlertsTabs />
      <ChannelList canManage={canManage} />
    </Page>
  );
}

function focusHeading() {
  const heading = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('h1');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

function BackLink() {
  return (
    <p>
      <Link to="/app/alerts">← All alert channels</Link>
    </p>
  );
}

/** `/app/alerts/new` (admins and owners): choose a kind, then fill in its settings. */
export function NewAlertChannelRoute() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const kind = parseKind(params.get('kind'));
  const create = useCreateAlertChannel();
  const toast = useToast();
  const navigate = useNavigate();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const previousKind = useRef(kind);

  // Choosing a kind (or going back to the kinds) changes only the query: focus follows as a page change would.
  useEffect(() => {
    const before = previousKind.current;
    previousKind.current = kind;
    if (before === kind) return;
    const card = before && !kind ? document.querySelector<HTMLElement>(`.kind-card[data-kind="${before}"]`) : null;
    if (card) card.focus();
    else focusHeading();
  }, [kind]);

  if (!hasRole(session?.role, 'ADMIN')) {
    return (
      <Page
        title="You don’t have access to this page"
        lead="Admins and owners add alert channels. Members and viewers can see them and their deliveries."
      />
    );
  }

  if (!kind) {
    return (
      <>
        <BackLink />
        <Page title="Add alert channel" lead="Where should Beacon send alerts? Pick a kind; you choose which monitors notify it afterwards." wide>
          <KindPicker />
        </Page>
      </>
    );
  }

  const spec = kindSpec(kind);
  const goToChannel = (id: string) => void navigate(`/app/alerts/${id}`);
  return (
    <>
      <p>
        <Link to="/app/alerts/new">← Choose another kind</Link>
      </p>
      <Page
        title={
          <span className="alert-new__title">
            <KindIcon kind={kind} size="lg" />
            <span>New {spec.label} channel</span>
          </span>
        }
        lead={spec.summary}
      >
        <ChannelForm
          key={kind}
          kind={kind}
          label={`New ${spec.label} channel`}
          submitLabel="Create channel"
          pendingLabel="Creating…"
          pending={create.isPending}
          error={create.error}
          onEdit={() => {
            if (create.isError) create.reset();
          }}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: ({ channel, signingSecret }) => {
                toast({ title: 'Channel created', description: `${channel.name}: now choose which monitors notify it.` });
                // A webhook's secret is shown once, before leaving the page.
                if (signingSecret) setCreated({ id: channel.id, secret: signingSecret });
                else goToChannel(channel.id);
              },
            })
          }
          actions={
            <Link className={buttonClass('secondary')} to="/app/alerts">
              Cancel
            </Link>
          }
        />
      </Page>
      <SigningSecretDialog
        secret={created?.secret ?? null}
        title="Your webhook signing secret"
        onDone={() => {
          if (created) goToChannel(created.id);
          setCreated(null);
        }}
        // The channel's page takes focus (its heading), as after any navigation.
        onCloseFocus={focusHeading}
      />
    </>
  );
}

/** `/app/alerts/:id`. */
export function AlertChannelRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <BackLink />
      <ChannelPage key={id} id={id} />
    </>
  );
}
