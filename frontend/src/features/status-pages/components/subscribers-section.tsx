import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { slugify } from '@/lib/hosts';
import { hasRole, useSession } from '@/lib/session';
import { useExportSubscribersCsv, useRemoveStatusPageSubscriber, useStatusPageSubscribers, type Subscriber } from '../api/subscribers';
import { canEditStatusPages } from './editor-format';
import { PublicLink } from './status-page-list';
import './subscribers.css';

interface PageRef {
  id: string;
  slug: string;
  title: string;
  url: string;
}

/** `subscribers-<page>.csv`: the page's path, or its title for the main page. */
export function csvFileName(page: Pick<PageRef, 'slug' | 'title'>): string {
  return `subscribers-${page.slug || slugify(page.title) || 'status-page'}.csv`;
}

/** Hands `text` to the browser as a download named `fileName` (no server round trip, CSP-safe). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function ExportCsv({ page }: { page: PageRef }) {
  const { session } = useSession();
  const exportCsv = useExportSubscribersCsv(page.id);
  if (!hasRole(session?.role, 'ADMIN')) {
    return <p className="muted">Admins and owners can export the subscribers as a CSV file.</p>;
  }
  let problem: string | null = null;
  if (exportCsv.isError) {
    problem =
      errorCodeOf(exportCsv.error) === 'FORBIDDEN'
        ? 'Only admins and owners can export subscribers.'
        : `Could not export the subscribers: ${exportCsv.error.message}`;
  }
  return (
    <div className="sp-subscribers__export">
      <Button
        variant="secondary"
        size="sm"
        pending={exportCsv.isPending}
        pendingLabel="Exporting…"
        onClick={() => exportCsv.mutate(undefined, { onSuccess: (csv) => downloadText(csv, csvFileName(page)) })}
      >
        Export CSV
      </Button>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
    </div>
  );
}

function StatusBadge({ subscriber }: { subscriber: Subscriber }) {
  return subscriber.confirmed ? (
    <span className="badge badge--success" data-testid="subscriber-status" title={`Confirmed ${formatDateTime(subscriber.confirmedAt)}`}>
      Confirmed
    </span>
  ) : (
    <span className="badge badge--warning" data-testid="subscriber-status" title="Has not opened the confirmation email yet; gets no updates until then">
      Pending
    </span>
  );
}

function SubscriberTable({ page, subscribers }: { page: PageRef; subscribers: readonly Subscriber[] }) {
  const { session } = useSession();
  const canRemove = canEditStatusPages(session?.role);
  const remove = useRemoveStatusPageSubscriber(page.id);
  const toast = useToast();
  const columns: Column<Subscriber>[] = [
    { header: 'Email', primary: true, cell: (s) => <span className="sp-subscribers__email">{s.email}</span> },
    { header: 'Status', cell: (s) => <StatusBadge subscriber={s} /> },
    {
      header: 'Components',
      cell: (s) =>
        s.components.length === 0 ? (
          <span className="muted">All components</span>
        ) : (
          <span data-testid="subscriber-components">{s.components.map((c) => c.name).join(', ')}</span>
        ),
    },
    { header: 'Subscribed', cell: (s) => <time dateTime={String(s.createdAt)}>{formatDateTime(s.createdAt)}</time> },
  ];
  if (canRemove) {
    columns.push({
      header: 'Actions',
      hideHeader: true,
      actions: true,
      cell: (s) => (
        <ConfirmButton
          trigger={
            <Button variant="secondary" size="sm" aria-label={`Remove ${s.email}`} onClick={() => remove.reset()}>
              Remove
            </Button>
          }
          title={`Remove ${s.email}?`}
          description={
            <p>
              They get no more updates from “{page.title}”. They can subscribe again on the public page, and will have to confirm
              by email.
            </p>
          }
          confirmLabel="Remove subscriber"
          onConfirm={() => remove.mutate(s.id, { onSuccess: () => toast({ title: 'Subscriber removed', description: s.email }) })}
        />
      ),
    });
  }
  return (
    <>
      {remove.isError ? <FormAlert>Could not remove the subscriber: {remove.error.message}</FormAlert> : null}
      <DataTable label="Subscribers" columns={columns} rows={subscribers} rowKey={(s) => s.id} rowTestId="subscriber-row" />
    </>
  );
}

/**
 * A page's email subscribers: who (pending or confirmed), for which components, since when;
 * "Load more" for older ones; removal (members and above) and a CSV export (admins and owners).
 */
export function SubscribersSection({ page }: { page: PageRef }) {
  const subscribers = useStatusPageSubscribers(page.id);
  const { error, isError, hasNextPage, fetchNextPage, isFetchingNextPage } = subscribers;
  return (
    <Section
      title="Subscribers"
      lead="People who get an email when you post an incident or maintenance update on this page. Only confirmed addresses are emailed."
    >
      <ExportCsv page={page} />
      <QueryState
        query={subscribers}
        what="the subscribers"
        skeletonLines={3}
        explainError={(e) => (errorCodeOf(e) === 'FORBIDDEN' ? 'You don’t have access to this page’s subscribers.' : undefined)}
        isEmpty={(data) => data.pages.every((p) => p.nodes.length === 0)}
        empty={
          <EmptyState title="No subscribers yet.">
            <p>
              Visitors subscribe with “Subscribe to updates” on the public page at <PublicLink url={page.url} />. They confirm with a
              link we email them, and can choose to hear about only some components.
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            {isError ? <FormAlert>Could not load more subscribers: {error?.message}</FormAlert> : null}
            <SubscriberTable page={page} subscribers={data.pages.flatMap((p) => p.nodes)} />
            {hasNextPage ? (
              <div className="sp-subscribers__more">
                <Button variant="secondary" pending={isFetchingNextPage} pendingLabel="Loading…" onClick={() => void fetchNextPage()}>
                  Load more
                </Button>
              </div>
            ) : null}
          </>
        )}
      </QueryState>
    </Section>
  );
}
