import { useId, useState, type FormEvent } from 'react';
import { FormAlert, TextField, splitErrors } from '@/components/form';
import type { Role } from '@/gql/graphql';
import { useSession } from '@/lib/session';
import { useInviteMember } from '../api/invite-member';
import { assignableRoles, roleLabel } from './format';

const FORBIDDEN_MESSAGE = 'You cannot send this invitation: only owners invite owners, and members and viewers cannot invite.';

/** Emails an invitation to join the organization with a role. */
export function InviteMemberForm() {
  const { session } = useSession();
  const inviteMember = useInviteMember();
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [sent, setSent] = useState<{ email: string; role: string } | null>(null);
  const { fields, general } = splitErrors(inviteMember.error, ['email', 'role'], { FORBIDDEN: FORBIDDEN_MESSAGE });
  const roles = assignableRoles(session?.role);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    inviteMember.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setSent({ email: invitation.email, role: invitation.role });
          setEmail('');
        },
      },
    );
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {sent ? (
        <FormAlert tone="success">
          Invitation sent to {sent.email} as {roleLabel(sent.role).toLowerCase()}.
        </FormAlert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Invite someone">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          hint="We email them a link to join this organization."
          required
        />
        <div className="form__field">
          <label className="form__label" htmlFor={roleId}>
            Role
          </label>
          <select id={roleId} className="team__select" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          {fields.role ? <p className="form__error">{fields.role}</p> : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={inviteMember.isPending}>
            {inviteMember.isPending ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </form>
    </>
  );
}
