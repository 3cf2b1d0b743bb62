import { useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form';
import { Page } from '@/components/page';
import { AcceptInvitationForm } from '../components/accept-invitation-form';

/** `/accept-invitation?token=…`: the link from an invitation email; needs no session. */
export function AcceptInvitationRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <Page title="Join an organization" lead={token ? 'You have been invited to join a team on Beacon.' : undefined}>
      {token ? (
        <AcceptInvitationForm token={token} />
      ) : (
        <FormAlert>
          <p>This link has no token. Open the link from your invitation email again.</p>
        </FormAlert>
      )}
    </Page>
  );
}
