import { Page } from '@/components/page';
import { SignUpForm } from '../components/sign-up-form';

export function SignUpRoute() {
  return (
    <Page title="Create your organization" lead="An account for you, and an organization for your team. Free and self-hosted.">
      <SignUpForm />
    </Page>
  );
}
