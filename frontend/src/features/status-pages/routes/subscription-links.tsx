import { useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form';
import { useConfirmStatusSubscription, useUnsubscribeFromStatusPage } from '../api/subscribe';
import { BackToStatusPage, OutcomeCard, SubscriptionFrame, useHostOrganization } from '../components/subscription-frame';

function ConfirmOutcome({ token }: { token: string }) {
  const organization = useHostOrganization();
  const confirm = useConfirmStatusSubscription();
  const { mutate } = confirm;
  // Confirming twice is harmless, but StrictMode's double effect should not send it twice.
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (sentFor.current === token) return;
    sentFor.current = token;
    mutate(token);
  }, [token, mutate]);

  if (confirm.isSuccess && confirm.data) {
    return (
      <OutcomeCard tone="good" title="You’re subscribed" actions={<BackToStatusPage variant="primary" />} testId="subscription-confirmed">
        <p>
          Your subscription is confirmed. We’ll email you when {organization ?? 'the organization'} posts an incident or maintenance
          update.
        </p>
        <p className="muted">Every email has a link to unsubscribe.</p>
      </OutcomeCard>
    );
  }
  if (confirm.isSuccess) {
    return (
      <OutcomeCard tone="minor" title="This link can’t be used" actions={<BackToStatusPage variant="primary" />} testId="subscription-not-confirmed">
        <p>It may have expired, or a newer confirmation email replaced it — only the newest link works.</p>
        <p className="muted">Subscribe again on the status page to get a new link.</p>
      </OutcomeCard>
    );
  }
  if (confirm.isError) {
    return (
      <OutcomeCard
        tone="none"
        title="Confirm your subscription"
        actions={
          <Button onClick={() => mutate(token)} pending={confirm.isPending} pendingLabel="Trying again…">
            Try again
          </Button>
        }
      >
        <FormAlert>We could not confirm your subscription just now. {confirm.error.message}</FormAlert>
      </OutcomeCard>
    );
  }
  return (
    <OutcomeCard tone="none" title="Confirm your subscription">
      <p role="status" aria-busy="true">
        Confirming your subscription…
      </p>
    </OutcomeCard>
  );
}

/** `/subscriptions/confirm?token=`: the link of a subscription's confirmation email; confirms on opening. */
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

/**
 * `/unsubscribe/:token`: the link in every update email. It asks first and ends the
 * subscription only on the button: mail scanners open every link in a message.
 */
export function UnsubscribeRoute() {
  const { token = '' } = useParams();
  const organization = useHostOrganization();
  const unsubscribe = useUnsubscribeFromStatusPage();
  const from = organization ? `${organization} status updates` : 'these status updates';

  let card;
  if (unsubscribe.isSuccess && unsubscribe.data) {
    card = (
      <OutcomeCard tone="good" title="You’re unsubscribed" actions={<BackToStatusPage />} focusTitle testId="unsubscribed">
        <p>You won’t get any more emails about {from}.</p>
        <p className="muted">Changed your mind? You can subscribe again on the status page at any time.</p>
      </OutcomeCard>
    );
  } else if (unsubscribe.isSuccess) {
    card = (
      <OutcomeCard tone="good" title="You’re already unsubscribed" actions={<BackToStatusPage />} focusTitle testId="already-unsubscribed">
        <p>This subscription had already ended, so there is nothing more to do — you won’t get emails about {from} from it.</p>
        <p className="muted">If you still receive updates, they come from another subscription: use the link in that email.</p>
      </OutcomeCard>
    );
  } else {
    card = (
      <OutcomeCard
        tone="none"
        title={`Unsubscribe from ${from}?`}
        actions={
          <>
            <Button
              variant="danger"
              pending={unsubscribe.isPending}
              pendingLabel="Unsubscribing…"
              disabled={token.trim() === ''}
              onClick={() => unsubscribe.mutate(token.trim())}
            >
              Unsubscribe
            </Button>
            <BackToStatusPage label="Keep my subscription" />
          </>
        }
      >
        <p>You’ll stop getting emails about incidents and maintenance on this status page.</p>
        {unsubscribe.isError ? <FormAlert>We could not unsubscribe you just now. {unsubscribe.error.message} Please try again.</FormAlert> : null}
      </OutcomeCard>
    );
  }
  return <SubscriptionFrame>{card}</SubscriptionFrame>;
}
