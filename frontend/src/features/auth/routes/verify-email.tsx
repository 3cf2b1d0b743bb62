import { useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form';
import { VerifyEmailStatus } from '../components/verify-email-status';

export function VerifyEmailRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <section className="page">
      <h1 className="page__title">Verify your email</h1>
      {token ? <VerifyEmailStatus key={token} token={token} /> : <FormAlert>This link has no token. Open the link from the email again.</FormAlert>}
    </section>
  );
}
