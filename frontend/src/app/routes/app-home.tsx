import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { useApiKeys } from '@/features/api-keys/api/get-api-keys';
import { useInvitations } from '@/features/team/api/get-invitations';
import { useMembers } from '@/features/team/api/get-members';
import { roleLabel } from '@/lib/roles';
import { hasRole, useSession } from '@/lib/session';
import './app-home.css';

interface Step {
  id: string;
  title: string;
  body: string;
  /** undefined while unknown (loading). */
  done: boolean | undefined;
  action?: { to: string; label: string };
  comingSoon?: boolean;
}

function StepItem({ step }: { step: Step }) {
  const state = step.comingSoon ? 'soon' : step.done === undefined ? 'loading' : step.done ? 'done' : 'todo';
  return (
    <li className={`checklist__item checklist__item--${state}`} data-testid={`step-${step.id}`}>
      <span className="checklist__marker" aria-hidden="true">
        {state === 'done' ? '✓' : ''}
      </span>
      <div className="checklist__text">
        <p className="checklist__title">
          {step.title}
          <span className="visually-hidden">
            {state === 'done' ? ' (done)' : state === 'soon' ? ' (coming soon)' : state === 'todo' ? ' (to do)' : ''}
          </span>
          {state === 'soon' ? <span className="badge">Coming soon</span> : null}
          {state === 'done' ? <span className="badge badge--success">Done</span> : null}
        </p>
        <p className="checklist__body">{step.body}</p>
      </div>
      {step.action && state === 'todo' ? (
        <Link className={buttonClass('secondary', 'sm', 'checklist__action')} to={step.action.to}>
          {step.action.label}
        </Link>
      ) : null}
    </li>
  );
}

/** `/app`: the signed-in home with the next steps for a new organization. */
export function AppHomeRoute() {
  const { session } = useSession();
  const manager = hasRole(session?.role, 'ADMIN');
  const members = useMembers();
  const invitations = useInvitations({ enabled: manager });
  const apiKeys = useApiKeys({ enabled: manager });
  if (!session) return null;

  const invited =
    members.data === undefined || (manager && invitations.data === undefined)
      ? members.data && members.data.length > 1
        ? true
        : undefined
      : members.data.length > 1 || (invitations.data?.length ?? 0) > 0;

  const steps: Step[] = [
    {
      id: 'verify-email',
      title: 'Verify your email address',
      body: `${session.user.email} is confirmed, so Beacon can reach you.`,
      done: session.user.emailVerified,
    },
    {
      id: 'add-monitor',
      title: 'Add your first monitor',
      body: 'Watch a website, API, server port or cron job and get told when it fails.',
      done: false,
      comingSoon: true,
    },
  ];
  if (manager) {
    steps.push(
      {
        id: 'invite',
        title: 'Invite a teammate',
        body: 'Outages are a team sport: bring in the people who should know.',
        done: invited,
        action: { to: '/app/team', label: 'Invite someone' },
      },
      {
        id: 'api-key',
        title: 'Create an API key',
        body: 'Let scripts and CI pipelines talk to Beacon through the GraphQL API.',
        done: apiKeys.data === undefined ? undefined : apiKeys.data.length > 0,
        action: { to: '/app/api-keys', label: 'Create a key' },
      },
    );
  }
  const open = steps.filter((s) => !s.comingSoon && s.done === false).length;
  const checking = steps.some((s) => !s.comingSoon && s.done === undefined);

  return (
    <Page
      title={`Welcome, ${session.user.name.split(' ')[0] || session.user.name}`}
      lead={
        <>
          You are signed in to <strong>{session.tenant.name}</strong> as {roleLabel(session.role).toLowerCase()}.
        </>
      }
    >
      <section className="card checklist" aria-labelledby="next-steps">
        <div className="checklist__header">
          <h2 id="next-steps" className="section__title">
            Next steps
          </h2>
          <p className="section__lead">{checking ? 'Checking your progress…' : open === 0 ? 'You are all set for now.' : `${open} left to do.`}</p>
        </div>
        <ol className="checklist__list">
          {steps.map((step) => (
            <StepItem key={step.id} step={step} />
          ))}
        </ol>
      </section>
    </Page>
  );
}
