import { Link } from 'react-router';
import { Page } from '@/components/page';
import { ForgotPasswordForm } from '../components/forgot-password-form';

export function ForgotPasswordRoute() {
  return (
    <Page title="Forgot your password?" lead="We will email you a link to choose a new one.">
      <ForgotPasswordForm />
      <p className="form__links">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </Page>
  );
}
