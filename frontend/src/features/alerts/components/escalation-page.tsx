import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form';
import { Page, Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { errorCodeOf } from '@/lib/graphql-client';
import { hasRole, useSession } from '@/lib/session';
import { useDeleteEscalationPolicy, useEscalationPolicy, useUpdateEscalationPolicy, type EscalationPolicyDetail } from '../api/escalation-policies';
import { EscalationEditor } from './escalation-editor';
import { formatMinutes, stepSummary } from './escalation-format';
import { KindIcon } from './kind-icon';

function monitorsUsing(count: number): string {
  return count === 0 ? 'No monitor uses it yet.' : count === 1 ? '1 monitor uses it.' : `${count} monitors use it.`;
}

/** The steps in words, for members and viewers. */
function ReadOnlyPolicy({ policy }: { policy: EscalationPolicyDetail }) {
  return (
    <Section title="Steps" lead="Admins and owners change escalation policies.">
      <ol className="escalation-readonly" data-testid="escalation-readonly">
        {policy.steps.map((step, i) => (
          <li key={i}>
            <strong>{step.waitMinutes === 0 ? (i === 0 ? 'At once' : 'Right after') : `After ${formatMinutes(step.waitMinutes)}`}</strong>
            {': '}
            <span className="escalation-readonly__channels">
              {step.channels.map((c) => (
                <span key={c.id} className="kind-label">
                  <KindIcon kind={c.kind} />
                  <span>{c.name}</span>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <p>{policy.repeatEveryMinutes > 0 ? `The last step repeats every ${formatMinutes(policy.repeatEveryMinutes)} until the outage is acknowledged or resolved.` : 'It stops after the last step.'}</p>
    </Section>
  );
}

function EditPolicy({ policy }: { policy: EscalationPolicyDetail }) {
  const update = useUpdateEscalationPolicy(policy.id);
  const toast = useToast();
  return (
    <EscalationEditor
      key={String(policy.updatedAt)}
      policy={policy}
      label="Escalation policy"
      submitLabel="Save changes"
      pendingLabel="Saving…"
      pending={update.isPending}
      error={update.error}
      onEdit={() => {
        if (update.isError) update.reset();
      }}
      onSubmit={(input) => update.mutate(input, { onSuccess: (saved) => toast({ title: 'Policy saved', description: saved.name }) })}
    />
  );
}

function DeletePolicy({ policy }: { policy: EscalationPolicyDetail }) {
  const remove = useDeleteEscalationPolicy();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <Section title="Delete this policy" lead="Monitors that use it go back to the channels’ routing only.">
      {remove.isError ? <FormAlert>{errorCodeOf(remove.error) === 'FORBIDDEN' ? 'Only admins and owners can delete escalation policies.' : remove.error.message}</FormAlert> : null}
      <div>
        <ConfirmButton
          trigger={
            <Button variant="danger" pending={remove.isPending} pendingLabel="Deleting…">
              Delete policy
            </Button>
          }
          title={`Delete “${policy.name}”?`}
          description={
            <p>
              {monitorsUsing(policy.monitorCount)} {policy.monitorCount > 0 ? 'Their outages will notify only the channels routed to them, once. ' : ''}This cannot be
              undone.
            </p>
          }
          confirmLabel="Delete policy"
          onConfirm={() =>
            remove.mutate(policy.id, {
              onSuccess: () => {
                toast({ title: 'Policy deleted', description: policy.name });
                void navigate('/app/alerts/escalation');
              },
            })
          }
        />
      </div>
    </Section>
  );
}

/** `/app/alerts/escalation/:id`: the editor for admins and owners, the steps in words for others. */
export function EscalationPolicyPage({ id }: { id: string }) {
  const { session } = useSession();
  const canManage = hasRole(session?.role, 'ADMIN');
  const query = useEscalationPolicy(id);
  return (
    <QueryState
      query={query}
      what="the escalation policy"
      skeletonLines={5}
      explainError={(e) => (errorCodeOf(e) === 'NOT_FOUND' ? 'There is no such escalation policy. It may have been deleted.' : undefined)}
    >
      {(policy) => (
        <Page title={policy.name} lead={`${stepSummary(policy.steps, policy.repeatEveryMinutes)}. ${monitorsUsing(policy.monitorCount)}`} wide>
          {canManage ? (
            <>
              <EditPolicy policy={policy} />
              <DeletePolicy policy={policy} />
            </>
          ) : (
            <ReadOnlyPolicy policy={policy} />
          )}
        </Page>
      )}
    </QueryState>
  );
}
