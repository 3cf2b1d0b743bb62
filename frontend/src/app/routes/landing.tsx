import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { ServerInfoPanel } from '@/features/server-info/components/server-info-panel';
import { useSession } from '@/lib/session';
import './landing.css';

const FEATURES = [
  {
    title: 'Monitors',
    body: 'HTTP(S) with keyword and JSON checks, TCP, DNS, TLS certificate expiry and cron heartbeats — every 10 seconds to once a day, with re-checks before anyone is woken up.',
  },
  {
    title: 'Status pages',
    body: 'A public page on your Beacon subdomain or your own domain: live component status, 90-day uptime bars, incidents with updates, and email subscribers.',
  },
  {
    title: 'Alerts that reach people',
    body: 'Email, webhooks, Slack, Teams, PagerDuty, Opsgenie and more; escalation steps, maintenance windows and flap control so alerts stay meaningful.',
  },
  {
    title: 'Self-hosted',
    body: 'One server binary with SQLite, or PostgreSQL for production. Your checks, your data, your infrastructure — no per-seat pricing.',
  },
  {
    title: 'GraphQL API',
    body: 'Everything the dashboard does, your scripts and CI can do too, with scoped API keys, an audit log of every change and a built-in explorer.',
  },
  {
    title: 'Built for teams',
    body: 'Organizations with owners, admins, members and viewers; invitations by email; sessions you can see and end from any device.',
  },
];

/** `/` on the apex: what Beacon is, and the way in. */
export function LandingRoute() {
  const { session } = useSession();
  return (
    <div className="landing">
      <section className="landing__hero">
        <p className="landing__eyebrow">Uptime monitoring · Status pages · Alerts</p>
        <h1 className="landing__title page__title">Know your services are down before your customers do.</h1>
        <p className="landing__lead">
          Beacon checks your websites, APIs and scheduled jobs around the clock, alerts the right people when something breaks, and
          keeps your users informed on a public status page. Self-hosted, with a GraphQL API for everything.
        </p>
        <div className="landing__cta">
          {session ? (
            <Link className={buttonClass('primary')} to="/app">
              Open your dashboard
            </Link>
          ) : (
            <>
              <Link className={buttonClass('primary')} to="/signup">
                Create your organization
              </Link>
              <Link className={buttonClass('secondary')} to="/login">
                Log in
              </Link>
            </>
          )}
        </div>
        <p className="landing__note">
          Accounts, teams, API keys and the audit log are ready today; monitors, status pages and alerting are rolling out next.
        </p>
      </section>

      <section className="landing__section" aria-labelledby="landing-features">
        <h2 id="landing-features" className="landing__section-title">
          Everything you need to watch production
        </h2>
        <ul className="landing__features">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="landing__feature">
              <h3 className="landing__feature-title">{feature.title}</h3>
              <p>{feature.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="landing__section" aria-labelledby="landing-steps">
        <h2 id="landing-steps" className="landing__section-title">
          Up and running in minutes
        </h2>
        <ol className="landing__steps">
          <li>
            <strong>Create your organization.</strong> It gets its own address, like <code>acme.your-beacon-host</code>.
          </li>
          <li>
            <strong>Invite your team.</strong> Give each person the role they need.
          </li>
          <li>
            <strong>Connect your tools.</strong> Create an API key and use the GraphQL API from scripts and CI.
          </li>
        </ol>
      </section>

      <section className="landing__section landing__server" aria-labelledby="landing-server">
        <h2 id="landing-server" className="landing__section-title">
          This Beacon server
        </h2>
        <ServerInfoPanel />
      </section>
    </div>
  );
}
