import { NavLink, useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { hasRole, useSession, type Session } from '@/lib/session';
import { NAV_ITEMS } from './nav-items';
import { OrgSwitcher } from './org-switcher';

function NavList({ session, onNavigate }: { session: Session; onNavigate?: () => void }) {
  const items = NAV_ITEMS.filter((item) => !item.minimumRole || hasRole(session.role, item.minimumRole));
  return (
    <ul className="nav__list">
      {items.map((item) =>
        item.comingSoon ? (
          <li key={item.to}>
            <span className="nav__link nav__link--soon">
              {item.label} <span className="badge">Soon</span>
            </span>
          </li>
        ) : (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="nav__link" onClick={onNavigate}>
              {item.label}
            </NavLink>
          </li>
        ),
      )}
    </ul>
  );
}

/** Organization switcher, navigation, developer links and the signed-in user. */
export function SidebarContent({ session, onNavigate }: { session: Session; onNavigate?: () => void }) {
  const { logOut } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <OrgSwitcher session={session} />
      <nav className="nav" aria-label="Main">
        <NavList session={session} onNavigate={onNavigate} />
        <p className="nav__heading">Developers</p>
        <ul className="nav__list">
          <li>
            {/* A separate page served by the server, not a client route. */}
            <a className="nav__link" href="/graphiql">
              GraphQL explorer
            </a>
          </li>
        </ul>
      </nav>
      <div className="sidebar__user">
        <span className="sidebar__avatar" aria-hidden="true">
          {(session.user.name.trim().charAt(0) || '?').toUpperCase()}
        </span>
        <span className="sidebar__user-text">
          <span className="sidebar__user-name">{session.user.name}</span>
          <span className="sidebar__user-email">{session.user.email}</span>
        </span>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            onNavigate?.();
            void logOut().then(() => navigate('/login'));
          }}
        >
          Log out
        </Button>
      </div>
    </>
  );
}
