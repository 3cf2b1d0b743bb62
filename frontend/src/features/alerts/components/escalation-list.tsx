import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import type { EscalationPoliciesQuery } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useEscalationPolicies } from '../api/escalation-policies';
import { stepSummary } from './escalation-format';

type PolicyRow = EscalationPoliciesQuery['escalationPolicies'][number];

const COLUMNS: Column<PolicyRow>[] = [
  { header: 'Policy', primary: true, cell: (p) => <Link to={`/app/alerts/escalation/${p.id}`}>{p.name}</Link> },
  { header: 'Steps', cell: (p) => <span data-testid="policy-summary">{stepSummary(p.steps, p.repeatEveryMinutes)}</span> },
  {
    header: 'Monitors',
    cell: (p) => (p.monitorCount === 0 ? <span className="muted">None yet</span> : p.monitorCount === 1 ? '1 monitor' : `${p.monitorCount} monitors`),
  },
];

/** The organization's escalation policies: name, who is notified when, and how many monitors use each. */
export function EscalationList({ canManage }: { canManage: boolean }) {
  const policies = useEscalationPolicies();
  return (
    <QueryState
      query={policies}
      what="the escalation policies"
      skeletonLines={3}
      explainError={(e) => (errorCodeOf(e) === 'FORBIDDEN' ? 'You don’t have access to the escalation policies of this organization.' : undefined)}
      isEmpty={(data) => data.length === 0}
      empty={
        <EmptyState
          title="No escalation policies yet."
          action={
            canManage ? (
              <Link className={buttonClass()} to="/app/alerts/escalation/new">
                Create policy
              </Link>
            ) : undefined
          }
        >
          <p>
            Without a policy, an outage notifies the channels routed to its monitor once. An escalation policy keeps going until someone acts: notify
            Slack at once, page the on-call engineer if nobody has acknowledged after 10 minutes, and repeat until someone does.
          </p>
          <p>Anyone can acknowledge from the incident in Beacon or from the link in the alert.</p>
          {canManage ? null : <p>Admins and owners create policies.</p>}
        </EmptyState>
      }
    >
      {(data) => <DataTable label="Escalation policies" columns={COLUMNS} rows={data} rowKey={(p) => p.id} rowTestId="escalation-policy-row" />}
    </QueryState>
  );
}
