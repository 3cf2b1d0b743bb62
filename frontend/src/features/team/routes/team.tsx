import { useSession } from '@/lib/session';
import { canManageTeam } from '../components/format';
import { InvitationList } from '../components/invitation-list';
import { InviteMemberForm } from '../components/invite-member-form';
import { MemberList } from '../components/member-list';
import '../components/team.css';

/** `/app/team` (behind the app's session guard). */
export function TeamRoute() {
  const { session } = useSession();
  if (!session) return null;

  const manager = canManageTeam(session.role);
  return (
    <section className="page page--wide">
      <h1 className="page__title">Team</h1>
      <p className="page__lead">The people in {session.tenant.name} and what they may do.</p>
      <h2 className="team__section-title">Members</h2>
      <MemberList />
      {manager ? (
        <>
          <h2 className="team__section-title">Invite someone</h2>
          <InviteMemberForm />
          <h2 className="team__section-title">Pending invitations</h2>
          <InvitationList />
        </>
      ) : (
        <p className="team__status">Only owners and admins can invite people and change roles.</p>
      )}
    </section>
  );
}
