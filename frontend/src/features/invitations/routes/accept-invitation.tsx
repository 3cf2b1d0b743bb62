import { Link, useSearchParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { FormAlert, splitErrors } from '@/components/form';
import { Page } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { errorCodeOf } from '@/lib/graphql-client';
import { useInvitation } from '../api/get-invitation';
import { AcceptInvitationForm } from '../components/accept-invitation-form';
import { InvitationSummary } from '../components/invitation-summary';
import '../components/invitations.css';

/** A link that cannot be used (unknown, used, revoked or expired): why, and what to do next. */
function InvalidInvitation({ message }: { message: string }) {
  return (
    <Page title="This invitation can’t be used">
      <FormAlert>
        <p>{message}</p>
        <p>An invitation link works once and for a limited time, and an owner or admin may have withdrawn it.</p>
      </FormAlert>
      <div className="invitation__next">
        <p>
          <strong>What now?</strong> Ask the person who invited you to send a new invitation. If you already accepted it, just log
          in.
        </p>
        <div className="button-row">
          <Link className={buttonClass('primary')} to="/login">
            Log in
          </Link>
          <Link className={buttonClass('secondary')} to="/">
            Go to the start page
          </Link>
        </div>
      </div>
    </Page>
  );
}

function Invitation({ token }: { token: string }) {
  const invitation = useInvitation(token);
  if (invitation.isError && errorCodeOf(invitation.error) === 'BAD_USER_INPUT') {
    const { fields, general } = splitErrors(invitation.error, ['token']);
    return <InvalidInvitation message={fields.token ?? general ?? 'This invitation is invalid or has expired.'} />;
  }
  const data = invitation.data;
  return (
    <Page
      title={data ? `Join ${data.tenantName}` : 'Join an organization'}
      lead={data ? undefined : 'You have been invited to join a team on Beacon.'}
    >
      <QueryState
        query={invitation}
        what="your invitation"
        skeletonLines={4}
        explainError={(e) => (errorCodeOf(e) === 'RATE_LIMITED' ? 'Too many invitation links were opened from here. Wait a minute, then reload this page.' : undefined)}
      >
        {(preview) => (
          <>
            <InvitationSummary invitation={preview} />
            <AcceptInvitationForm token={token} invitation={preview} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** `/accept-invitation?token=…`: the link from an invitation email; needs no session. */
export function AcceptInvitationRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  if (!token) {
    return (
      <Page title="Join an organization">
        <FormAlert>
          <p>This link has no token. Open the link from your invitation email again.</p>
        </FormAlert>
      </Page>
    );
  }
  return <Invitation key={token} token={token} />;
}
