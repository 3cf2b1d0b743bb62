import { useParams, useSearchParams } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form';
import type { StatusSubscriptionQuery } from '@/gql/graphql';
import { useConfirmStatusSubscription, useStatusSubscription, useUnsubscribeFromStatusPage } from '../api/subscribe';
import { BackToStatusPage, OutcomeCard, SubscriptionFrame, useHostOrganization } from '../components/subscription-frame';

type Subscription = NonNullable<StatusSubscriptionQuery['statusSubscription']>;

/** The address and what it gets updates about. */
function SubscriptionFacts({ subscription }: { subscription: Subscription }) {
  return (
    <dl className="sp-link-page__facts" data-testid="subscription-facts">
      <div>
        <dt>Email</dt>
        <dd>
          <strong>{subscription.email}</strong>
        </dd>
      </div>
      <div>
        <dt>Updates about</dt>
        <dd>
          {subscription.components.length === 0 ? (
            'All components'
          ) : (
            <ul className="sp-link-page__components" aria-label="Components">
              {subscription.components.map((name, i) => (
                <li key={`${name}-${i}`}>{name}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** While the link's subscription loads, or when it could not be: the card's title stays, the body says which. */
function Loading({ title, query }: { title: string; query: ReturnType<typeof useStatusSubscription> }) {
  if (query.isError) {
    return (
      <OutcomeCard
        tone="none"
        title={title}
        actions={
          <Button onClick={() => void query.refetch()} pending={query.isFetching} pendingLabel="Trying again…">
            Try again
          </Button>
        }
      >
        <FormAlert>We could not load your subscription just now. {query.error.message}</FormAlert>
      </OutcomeCard>
    );
  }
  return (
    <OutcomeCard tone="none" title={title}>
      <p role="status" aria-busy="true">
        Loading your subscription…
      </p>
    </OutcomeCard>
  );
}

function LinkNoLongerValid({ focusTitle = false, testId = 'subscription-link-invalid' }: { focusTitle?: boolean; testId?: string }) {
  return (
    <OutcomeCard tone="minor" title="This link is no longer valid" actions={<BackToStatusPage variant="primary" />} focusTitle={focusTitle} testId={testId}>
      <p>It may have expired, or a newer confirmation email replaced it — only the newest link works.</p>
      <p className="muted">Subscribe again on the status page to get a new link.</p>
    </OutcomeCard>
  );
}

function ConfirmOutcome({ token }: { token: string }) {
  const organization = useHostOrganization() ?? 'the organization';
  const query = useStatusSubscription(token);
  const confirm = useConfirmStatusSubscription();

  if (query.data === undefined) return <Loading title="Confirm your subscription" query={query} />;
  const subscription = query.data;
  if (subscription === null) return <LinkNoLongerValid />;
  if (confirm.isSuccess && !confirm.data) return <LinkNoLongerValid focusTitle testId="subscription-not-confirmed" />;

  const toPage = <BackToStatusPage variant="primary" to={subscription.pagePath} />;
  if (confirm.isSuccess) {
    return (
      <OutcomeCard tone="good" title="You’re subscribed" actions={toPage} focusTitle testId="subscription-confirmed">
        <p>
          Your subscription is confirmed. We’ll email <strong>{subscription.email}</strong> when {organization} posts an incident or maintenance
          update on {subscription.pageTitle}.
        </p>
        <p className="muted">Every email has a link to unsubscribe.</p>
      </OutcomeCard>
    );
  }
  if (subscription.confirmed) {
    return (
      <OutcomeCard tone="good" title="You’re already subscribed" actions={toPage} testId="subscription-already-confirmed">
        <p>
          This subscription to {subscription.pageTitle} was confirmed before: <strong>{subscription.email}</strong> gets an email when{' '}
          {organization} posts an incident or maintenance update.
        </p>
        <p className="muted">Every email has a link to unsubscribe.</p>
      </OutcomeCard>
    );
  }
  return (
    <OutcomeCard
      tone="none"
      title={`Confirm your subscription to ${subscription.pageTitle}`}
      testId="subscription-to-confirm"
      actions={
        <Button onClick={() => confirm.mutate(token)} pending={confirm.isPending} pendingLabel="Confirming…">
          Confirm subscription
        </Button>
      }
    >
      <p>
        Get an email when {organization} posts an incident or maintenance update on {subscription.pageTitle}.
      </p>
      <SubscriptionFacts subscription={subscription} />
      {confirm.isError ? <FormAlert>We could not confirm your subscription just now. {confirm.error.message} Please try again.</FormAlert> : null}
      <p className="muted">Didn’t ask for this? Ignore the email: nothing is sent until the subscription is confirmed.</p>
    </OutcomeCard>
  );
}

/**
 * `/subscriptions/confirm?token=`: the link of a subscription's confirmation email. It shows
 * the subscription and confirms it only on the button: mail scanners open every link in a
 * message, and opening must not subscribe anyone.
 */
export function ConfirmSubscriptionRoute() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  return (
    <SubscriptionFrame>
      {token ? (
        <ConfirmOutcome key={token} token={token} />
      ) : (
        <OutcomeCard tone="minor" title="This link is incomplete" actions={<BackToStatusPage />}>
          <p>It has no confirmation code. Open the link from the email again, or copy all of it into the address bar.</p>
        </OutcomeCard>
      )}
    </SubscriptionFrame>
  );
}

function AlreadyUnsubscribed({ focusTitle = false, to }: { focusTitle?: boolean; to?: string }) {
  return (
    <OutcomeCard tone="good" title="You’re already unsubscribed" actions={<BackToStatusPage to={to} />} focusTitle={focusTitle} testId="already-unsubscribed">
      <p>This subscription had already ended, so there is nothing more to do — you won’t get emails from it.</p>
      <p className="muted">If you still receive updates, they come from another subscription: use the link in that email.</p>
    </OutcomeCard>
  );
}

function UnsubscribeOutcome({ token }: { token: string }) {
  const query = useStatusSubscription(token);
  const unsubscribe = useUnsubscribeFromStatusPage();

  if (query.data === undefined) return <Loading title="Unsubscribe" query={query} />;
  const subscription = query.data;
  if (subscription === null) return <AlreadyUnsubscribed />;
  if (unsubscribe.isSuccess && !unsubscribe.data) return <AlreadyUnsubscribed focusTitle to={subscription.pagePath} />;
  if (unsubscribe.isSuccess) {
    return (
      <OutcomeCard tone="good" title="You’re unsubscribed" actions={<BackToStatusPage to={subscription.pagePath} />} focusTitle testId="unsubscribed">
        <p>
          <strong>{subscription.email}</strong> won’t get any more emails about {subscription.pageTitle}.
        </p>
        <p className="muted">Changed your mind? You can subscribe again on the status page at any time.</p>
      </OutcomeCard>
    );
  }
  return (
    <OutcomeCard
      tone="none"
      title={`Unsubscribe from ${subscription.pageTitle}?`}
      testId="unsubscribe-ask"
      actions={
        <>
          <Button variant="danger" pending={unsubscribe.isPending} pendingLabel="Unsubscribing…" onClick={() => unsubscribe.mutate(token)}>
            Unsubscribe
          </Button>
          <BackToStatusPage label="Keep my subscription" to={subscription.pagePath} />
        </>
      }
    >
      <p>You’ll stop getting emails about incidents and maintenance on {subscription.pageTitle}.</p>
      <SubscriptionFacts subscription={subscription} />
      {unsubscribe.isError ? <FormAlert>We could not unsubscribe you just now. {unsubscribe.error.message} Please try again.</FormAlert> : null}
    </OutcomeCard>
  );
}

/**
 * `/unsubscribe/:token`: the link in every update email. It names the page and the address,
 * and ends the subscription only on the button: mail scanners open every link in a message.
 */
export function UnsubscribeRoute() {
  const { token = '' } = useParams();
  const trimmed = token.trim();
  return (
    <SubscriptionFrame>
      {trimmed ? (
        <UnsubscribeOutcome key={trimmed} token={trimmed} />
      ) : (
        <OutcomeCard tone="minor" title="This link is incomplete" actions={<BackToStatusPage />}>
          <p>It has no subscription code. Open the link from the email again, or copy all of it into the address bar.</p>
        </OutcomeCard>
      )}
    </SubscriptionFrame>
  );
}
