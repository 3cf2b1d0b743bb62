import { useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form';
import { Page } from '@/components/page';
import { VerifyEmailStatus } from '../components/verify-email-status';

export function VerifyEmailRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <Page title="Verify your email">
      {token ? <VerifyEmailStatus key={token} token={token} /> : <FormAlert>This link has no token. Open the link from the email again.</FormAlert>}
    </Page>
  );
}
