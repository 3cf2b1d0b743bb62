import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form';
import { Page } from '@/components/page';
import { ResetPasswordForm } from '../components/reset-password-form';

export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <Page title="Choose a new password">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <FormAlert>
          <p>This link has no token.</p>
          <p>
            <Link to="/forgot-password">Request a new reset link</Link>
          </p>
        </FormAlert>
      )}
    </Page>
  );
}
