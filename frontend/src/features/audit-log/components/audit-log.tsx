import { useState } from 'react';
import { Button } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import type { AuditFilter } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useAuditEvents } from '../api/get-audit-events';
import { AuditEventTable } from './audit-event-table';
import { AuditFilters } from './audit-filters';

const FORBIDDEN_MESSAGE = 'Only owners and admins of this organization can see the audit log.';

/** Filters, the events of every loaded page, and "Load more" while there are older events. */
export function AuditLog() {
  const [filter, setFilter] = useState<AuditFilter | null>(null);
  const audit = useAuditEvents(filter);
  const { error, isError, hasNextPage, fetchNextPage, isFetchingNextPage } = audit;

  return (
    <>
      <AuditFilters filter={filter} onChange={setFilter} />
      <QueryState
        query={audit}
        what="the audit log"
        skeletonLines={5}
        explainError={(e) => (errorCodeOf(e) === 'FORBIDDEN' ? FORBIDDEN_MESSAGE : undefined)}
        isEmpty={(data) => data.pages.every((page) => page.nodes.length === 0)}
        empty={
          <EmptyState title="No events match.">
            {filter ? 'Try other filters, or clear them to see every event.' : 'Changes in your organization will appear here.'}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            {isError ? <FormAlert>Could not load more events: {error?.message}</FormAlert> : null}
            <AuditEventTable events={data.pages.flatMap((page) => page.nodes)} />
            {hasNextPage ? (
              <div className="audit__more">
                <Button variant="secondary" pending={isFetchingNextPage} pendingLabel="Loading…" onClick={() => void fetchNextPage()}>
                  Load more
                </Button>
              </div>
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}
