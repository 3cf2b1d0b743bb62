import { Button } from '@/components/button';
import { errorCodeOf, retryAfterOf } from '@/lib/graphql-client';
import { useResendVerificationEmail } from '../api/resend-verification-email';
import './auth.css';

function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return 'in a minute';
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * "Resend verification email" for `email`, with the outcome in a polite live region next to
 * the button (focus stays on the button). The API answers the same whether or not the address
 * has an account, and so does this.
 */
export function ResendVerification({ email, lead }: { email: string; lead?: string }) {
  const resend = useResendVerificationEmail();
  let outcome: string | null = null;
  if (resend.isSuccess) {
    outcome = `If an unverified account exists for ${resend.variables}, we sent a new link. It replaces the earlier ones, so use the newest email.`;
  } else if (resend.isError) {
    outcome =
      errorCodeOf(resend.error) === 'RATE_LIMITED'
        ? `We already sent several links. Try again ${waitText(retryAfterOf(resend.error))}.`
        : `Could not send a new link: ${resend.error.message}`;
  }

  return (
    <div className="resend-verification">
      {lead ? <p className="resend-verification__lead">{lead}</p> : null}
      <Button
        variant="secondary"
        size="sm"
        pending={resend.isPending}
        pendingLabel="Sending…"
        disabled={email.trim() === ''}
        onClick={() => resend.mutate(email.trim())}
      >
        Resend verification email
      </Button>
      <p className="resend-verification__outcome" role="status" data-testid="resend-verification-outcome">
        {outcome}
      </p>
    </div>
  );
}
