import { Navigate, useLocation } from 'react-router';
import { useSession } from '@/lib/session';
import { AccountDetails } from '../components/account-details';
import { ChangePasswordForm } from '../components/change-password-form';
import { SessionActions } from '../components/session-actions';
import { SessionList } from '../components/session-list';

/** `/app/account`: needs a session, otherwise sends the user to /login (and back afterwards). */
export function AccountRoute() {
  const { status } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <p className="account__status" role="status">
        Restoring your session…
      </p>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }

  return (
    <section className="page">
      <h1 className="page__title">Account</h1>
      <p className="page__lead">Your profile, organization and sessions.</p>
      <AccountDetails />
      <h2 className="account__section-title">Change password</h2>
      <ChangePasswordForm />
      <h2 className="account__section-title">Sessions</h2>
      <SessionList />
      <SessionActions />
    </section>
  );
}
