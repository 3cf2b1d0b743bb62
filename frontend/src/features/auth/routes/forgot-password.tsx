import { Link } from 'react-router';
import { ForgotPasswordForm } from '../components/forgot-password-form';

export function ForgotPasswordRoute() {
  return (
    <section className="page">
      <h1 className="page__title">Forgot your password?</h1>
      <p className="page__lead">We will email you a link to choose a new one.</p>
      <ForgotPasswordForm />
      <p className="form__links">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
