import { Navigate, useLocation } from 'react-router';
import { useSession } from '@/lib/session';
import { canManageTeam } from '../components/format';
import { InvitationList } from '../components/invitation-list';
import { InviteMemberForm } from '../components/invite-member-form';
import { MemberList } from '../components/member-list';
import '../components/team.css';

/** `/app/team`: needs a session, otherwise sends the user to /login (and back afterwards). */
export function TeamRoute() {
  const { status, session } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <p className="team__status" role="status">
        Restoring your session…
      </p>
    );
  }
  if (status === 'anonymous' || !session) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }

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
