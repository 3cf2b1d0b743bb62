import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import type { AlertChannelsQuery } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useAlertChannels } from '../api/alert-channels';
import { KindIcon } from './kind-icon';
import { destinationOf, kindSpec, routingSummary } from './kinds';

type ChannelRow = AlertChannelsQuery['alertChannels'][number];

/** The organization's channels: name and kind, where they send, and what routes to them. */
export function ChannelList({ canManage }: { canManage: boolean }) {
  const channels = useAlertChannels();
  const columns: Column<ChannelRow>[] = [
    {
      header: 'Channel',
      primary: true,
      cell: (c) => (
        <span className="alert-list__name">
          <KindIcon kind={c.kind} />
          <Link to={`/app/alerts/${c.id}`}>{c.name}</Link>
        </span>
      ),
    },
    { header: 'Kind', cell: (c) => kindSpec(c.kind).label },
    { header: 'Destination', cell: (c) => <span className="alert-list__destination">{destinationOf(c)}</span> },
    {
      header: 'Routing',
      cell: (c) => {
        const summary = routingSummary(c.routing);
        return summary === 'Not routed' ? <span className="badge badge--warning">Not routed</span> : summary;
      },
    },
  ];
  return (
    <QueryState
      query={channels}
      what="the alert channels"
      skeletonLines={3}
      explainError={(e) => (errorCodeOf(e) === 'FORBIDDEN' ? 'You don’t have access to the alert channels of this organization.' : undefined)}
      isEmpty={(data) => data.length === 0}
      empty={
        <EmptyState
          title="No alert channels yet."
          action={
            canManage ? (
              <Link className={buttonClass()} to="/app/alerts/new">
                Add channel
              </Link>
            ) : undefined
          }
        >
          <p>
            A channel is where Beacon tells you a monitor went down or came back up: an email, a Slack or Teams channel, PagerDuty, a phone push
            notification, or your own webhook. Add one, then choose which monitors notify it.
          </p>
          {canManage ? null : <p>Admins and owners add channels.</p>}
        </EmptyState>
      }
    >
      {(data) => <DataTable label="Alert channels" columns={columns} rows={data} rowKey={(c) => c.id} rowTestId="alert-channel-row" />}
    </QueryState>
  );
}
