import { Page, Section } from '@/components/page';
import { useSession } from '@/lib/session';
import { canManageTeam } from '../components/format';
import { InvitationList } from '../components/invitation-list';
import { InviteMemberForm } from '../components/invite-member-form';
import { MemberList } from '../components/member-list';
import { RoleGuide } from '../components/role-guide';
import '../components/team.css';

/** `/app/team` (behind the app's session guard). */
export function TeamRoute() {
  const { session } = useSession();
  if (!session) return null;

  const manager = canManageTeam(session.role);
  return (
    <Page title="Team" lead={`The people in ${session.tenant.name} and what they may do.`} wide>
      <Section title="Members">
        <MemberList />
        {manager ? null : (
          <>
            <p className="muted">Only owners and admins can invite people and change roles.</p>
            <RoleGuide />
          </>
        )}
      </Section>
      {manager ? (
        <>
          <Section title="Invite someone">
            <InviteMemberForm />
          </Section>
          <Section title="Pending invitations">
            <InvitationList />
          </Section>
        </>
      ) : null}
    </Page>
  );
}
