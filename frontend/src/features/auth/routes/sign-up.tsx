import { SignUpForm } from '../components/sign-up-form';

export function SignUpRoute() {
  return (
    <section className="page">
      <h1 className="page__title">Sign up</h1>
      <p className="page__lead">Create your account and your organization.</p>
      <SignUpForm />
    </section>
  );
}
