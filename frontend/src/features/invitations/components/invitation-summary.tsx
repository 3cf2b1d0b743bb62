import type { InvitationQuery } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { useServerHost } from '@/lib/hosts';
import { ROLE_SUMMARIES, roleLabel } from '@/lib/roles';

export type InvitationPreview = InvitationQuery['invitation'];

/** Who invited whom, to which organization, with which role, until when — before accepting. */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { host } = useServerHost();
  const role = roleLabel(invitation.role);
  const address = host ? `${invitation.tenantSlug}.${host.baseDomain}` : invitation.tenantSlug;
  return (
    <section className="card invitation" aria-labelledby="invitation-headline">
      <p className="invitation__headline" id="invitation-headline" data-testid="invitation-headline">
        {invitation.inviterName ? <strong>{invitation.inviterName}</strong> : 'Someone'} invited you to join{' '}
        <strong>{invitation.tenantName}</strong> as <strong>{role.toLowerCase()}</strong>.
      </p>
      <dl className="invitation__facts">
        <dt>Organization</dt>
        <dd>
          {invitation.tenantName} <span className="muted">({address})</span>
        </dd>
        <dt>Your role</dt>
        <dd>
          {role}
          <span className="invitation__role-summary">{ROLE_SUMMARIES[invitation.role]}</span>
        </dd>
        <dt>Invited address</dt>
        <dd data-testid="invitation-email">{invitation.email}</dd>
        <dt>Link expires</dt>
        <dd>
          <time dateTime={String(invitation.expiresAt)}>{formatDateTime(invitation.expiresAt)}</time>
        </dd>
      </dl>
    </section>
  );
}
