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
      {/* Not `disabled` while sending: a disabled button loses focus, and focus should stay here. */}
      <Button
        variant="secondary"
        size="sm"
        aria-disabled={resend.isPending || undefined}
        aria-busy={resend.isPending || undefined}
        disabled={email.trim() === ''}
        onClick={() => {
          if (!resend.isPending) resend.mutate(email.trim());
        }}
      >
        {resend.isPending ? <span className="button__spinner" aria-hidden="true" /> : null}
        Resend verification email
      </Button>
      <p className="resend-verification__outcome" role="status" data-testid="resend-verification-outcome">
        {outcome}
      </p>
    </div>
  );
}
