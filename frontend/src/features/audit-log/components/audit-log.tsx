import { useState } from 'react';
import { FormAlert } from '@/components/form';
import type { AuditFilter } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useAuditEvents } from '../api/get-audit-events';
import { AuditEventTable } from './audit-event-table';
import { AuditFilters } from './audit-filters';

/** Filters, the events of every loaded page, and "Load more" while there are older events. */
export function AuditLog() {
  const [filter, setFilter] = useState<AuditFilter | null>(null);
  const { data, error, isPending, isError, refetch, isFetching, hasNextPage, fetchNextPage, isFetchingNextPage } =
    useAuditEvents(filter);

  let body;
  if (isPending) {
    body = (
      <p className="audit__status" role="status">
        Loading audit events…
      </p>
    );
  } else if (isError && !data) {
    body =
      errorCodeOf(error) === 'FORBIDDEN' ? (
        <FormAlert>Only owners and admins of this organization can see the audit log.</FormAlert>
      ) : (
        <div className="alert alert--error" role="alert">
          <p>Could not load the audit log: {error.message}</p>
          <button type="button" className="button" onClick={() => void refetch()} disabled={isFetching}>
            Try again
          </button>
        </div>
      );
  } else {
    const events = data?.pages.flatMap((page) => page.events) ?? [];
    body = (
      <>
        {isError ? <FormAlert>Could not load more events: {error.message}</FormAlert> : null}
        {events.length === 0 ? (
          <p className="audit__status">No events match.</p>
        ) : (
          <AuditEventTable events={events} />
        )}
        {hasNextPage ? (
          <div className="audit__more">
            <button
              type="button"
              className="button button--secondary"
              disabled={isFetchingNextPage}
              onClick={() => void fetchNextPage()}
            >
              {isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <>
      <AuditFilters onApply={setFilter} />
      {body}
    </>
  );
}
