import { useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert, SelectField, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { useToast } from '@/components/toast';
import type { Role } from '@/gql/graphql';
import { useSession } from '@/lib/session';
import { useInviteMember } from '../api/invite-member';
import { assignableRoles, roleLabel } from './format';
import { RoleGuide } from './role-guide';

const FORBIDDEN_MESSAGE = 'You cannot send this invitation: only owners invite owners, and members and viewers cannot invite.';
const RULES = { email: validators.email('the email address of the person to invite') } as const;

/** Emails an invitation to join the organization with a role. */
export function InviteMemberForm() {
  const { session } = useSession();
  const inviteMember = useInviteMember();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [sent, setSent] = useState<{ email: string; role: string } | null>(null);
  const { errors, handleSubmit, clearError } = useFormValidation<'email'>(RULES);
  const { fields, general } = splitErrors(inviteMember.error, ['email', 'role'], { FORBIDDEN: FORBIDDEN_MESSAGE });
  const roles = assignableRoles(session?.role);

  const onValid = () => {
    setSent(null);
    inviteMember.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setSent({ email: invitation.email, role: invitation.role });
          setEmail('');
          setRole('MEMBER');
          toast({ title: 'Invitation sent', description: `${invitation.email} will get an email with a link to join.` });
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
      <form className="form" onSubmit={handleSubmit({ email }, onValid)} noValidate aria-label="Invite someone">
        <div className="form--inline form__group">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => {
              clearError('email');
              setEmail(e.target.value);
            }}
            error={errors.email ?? fields.email}
            hint="We email them a link to join this organization."
            required
          />
          <SelectField
            label="Role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            error={fields.role}
            options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
        </div>
        <RoleGuide roles={roles} />
        <div className="form__actions">
          <Button type="submit" pending={inviteMember.isPending} pendingLabel="Sending…">
            Send invitation
          </Button>
        </div>
      </form>
    </>
  );
}
