import { Page, Section } from '@/components/page';
import { AccountDetails } from '../components/account-details';
import { ChangePasswordForm } from '../components/change-password-form';
import { SessionActions } from '../components/session-actions';
import { SessionList } from '../components/session-list';
import '../components/account.css';

/** `/app/account` (behind the app's session guard). */
export function AccountRoute() {
  return (
    <Page title="Account" lead="Your profile, password and signed-in devices.">
      <AccountDetails />
      <Section title="Change password" lead="Your other sessions are logged out when you change it.">
        <ChangePasswordForm />
      </Section>
      <Section title="Sessions" lead="Browsers and devices signed in to your account, in every organization.">
        <SessionList />
        <SessionActions />
      </Section>
    </Page>
  );
}
