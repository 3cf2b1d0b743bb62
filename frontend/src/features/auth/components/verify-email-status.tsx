import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { FormAlert, splitErrors } from '@/components/form';
import { useVerifyEmail } from '../api/verify-email';

/** Confirms the email address once, on mount, and shows the outcome. */
export function VerifyEmailStatus({ token }: { token: string }) {
  const verify = useVerifyEmail();
  const { mutate } = verify;
  // The token is single use: StrictMode's double effect must not send it twice.
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    if (sentFor.current === token) return;
    sentFor.current = token;
    mutate(token);
  }, [token, mutate]);

  if (verify.isSuccess) {
    return (
      <FormAlert tone="success">
        <p>Your email address is verified.</p>
        <p>
          <Link to="/login">Log in</Link>
        </p>
      </FormAlert>
    );
  }
  if (verify.isError) {
    const { fields, general } = splitErrors(verify.error, ['token']);
    return (
      <FormAlert>
        <p>{fields.token ?? general}</p>
        <p>
          <Link to="/login">Go to log in</Link>
        </p>
      </FormAlert>
    );
  }
  return (
    <p className="form__hint" role="status">
      Verifying your email address…
    </p>
  );
}
