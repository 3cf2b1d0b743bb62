import { Link, useNavigate, useParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { useToast } from '@/components/toast';
import { hasRole, useSession } from '@/lib/session';
import { useCreateEscalationPolicy } from '../api/escalation-policies';
import { AlertsTabs } from '../components/alerts-tabs';
import { EscalationEditor } from '../components/escalation-editor';
import { EscalationList } from '../components/escalation-list';
import { EscalationPolicyPage } from '../components/escalation-page';
import '../components/alerts.css';

function BackLink() {
  return (
    <p>
      <Link to="/app/alerts/escalation">← All escalation policies</Link>
    </p>
  );
}

/** `/app/alerts/escalation`: who is notified, step by step, until someone acknowledges. */
export function EscalationPoliciesRoute() {
  const { session } = useSession();
  const canManage = hasRole(session?.role, 'ADMIN');
  return (
    <Page
      title="Escalation policies"
      lead="Who is notified, step by step, until someone acknowledges an outage. Choose a monitor’s policy on its page."
      actions={
        canManage ? (
          <Link className={buttonClass()} to="/app/alerts/escalation/new">
            Create policy
          </Link>
        ) : undefined
      }
      wide
    >
      <AlertsTabs />
      <EscalationList canManage={canManage} />
    </Page>
  );
}

/** `/app/alerts/escalation/new` (admins and owners). */
export function NewEscalationPolicyRoute() {
  const { session } = useSession();
  const create = useCreateEscalationPolicy();
  const toast = useToast();
  const navigate = useNavigate();
  if (!hasRole(session?.role, 'ADMIN')) {
    return (
      <>
        <BackLink />
        <Page title="You don’t have access to this page" lead="Admins and owners create escalation policies. Members and viewers can see them." />
      </>
    );
  }
  return (
    <>
      <BackLink />
      <Page title="New escalation policy" lead="Start with who hears first; add later steps for when nobody acknowledges." wide>
        <EscalationEditor
          policy={null}
          label="New escalation policy"
          submitLabel="Create policy"
          pendingLabel="Creating…"
          pending={create.isPending}
          error={create.error}
          onEdit={() => {
            if (create.isError) create.reset();
          }}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (policy) => {
                toast({ title: 'Policy created', description: `${policy.name}: choose it on a monitor’s page.` });
                void navigate(`/app/alerts/escalation/${policy.id}`);
              },
            })
          }
          secondaryAction={
            <Link className={buttonClass('secondary')} to="/app/alerts/escalation">
              Cancel
            </Link>
          }
        />
      </Page>
    </>
  );
}

/** `/app/alerts/escalation/:id`. */
export function EscalationPolicyRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <BackLink />
      <EscalationPolicyPage key={id} id={id} />
    </>
  );
}
