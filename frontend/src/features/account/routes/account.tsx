import { AccountDetails } from '../components/account-details';
import { ChangePasswordForm } from '../components/change-password-form';
import { SessionActions } from '../components/session-actions';
import { SessionList } from '../components/session-list';

/** `/app/account` (behind the app's session guard). */
export function AccountRoute() {
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
