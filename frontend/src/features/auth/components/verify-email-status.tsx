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
    // A link opened a second time (another tab, a mail scanner, the back button) is no error.
    return verify.data.alreadyVerified ? (
      <FormAlert tone="info">
        <p data-testid="verify-outcome">This address is already verified — log in.</p>
        <p>
          <Link to="/login">Log in</Link>
        </p>
      </FormAlert>
    ) : (
      <FormAlert tone="success">
        <p data-testid="verify-outcome">Your address is verified.</p>
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
          A link works once, for a limited time, and only the newest one works. Log in with your email and password: if the address
          still needs verifying, you can ask for a new link there.
        </p>
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
