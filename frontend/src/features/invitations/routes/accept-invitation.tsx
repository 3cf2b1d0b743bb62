import { useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form';
import { AcceptInvitationForm } from '../components/accept-invitation-form';

/** `/accept-invitation?token=…`: the link from an invitation email; needs no session. */
export function AcceptInvitationRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <section className="page">
      <h1 className="page__title">Join an organization</h1>
      {token ? (
        <>
          <p className="page__lead">You have been invited to an organization on Beacon.</p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <FormAlert>
          <p>This link has no token. Open the link from your invitation email again.</p>
        </FormAlert>
      )}
    </section>
  );
}
