import { NavLink } from 'react-router';

/** Switches between the alerts feature's two lists. */
export function AlertsTabs() {
  return (
    <nav className="alerts-tabs" aria-label="Alerts">
      <NavLink className="alerts-tabs__link" to="/app/alerts" end>
        Channels
      </NavLink>
      <NavLink className="alerts-tabs__link" to="/app/alerts/escalation" end>
        Escalation policies
      </NavLink>
    </nav>
  );
}
