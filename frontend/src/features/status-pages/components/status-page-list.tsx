import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useStatusPages, type StatusPageSummary } from '../api/status-pages';
import { canEditStatusPages } from './editor-format';
import { LockIcon } from './lock-icon';
import './access.css';

/** A public address that opens in a new tab, and says so. */
export function PublicLink({ url }: { url: string }) {
  return (
    <a className="sp-editor__url" href={url} target="_blank" rel="noreferrer">
      {url.replace(/^https?:\/\//, '')}
      <span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

const COLUMNS: readonly Column<StatusPageSummary>[] = [
  {
    header: 'Title',
    primary: true,
    cell: (page) => (
      <span className="sp-list__title">
        <Link to={`/app/status-pages/${page.id}`}>{page.title}</Link>
        {page.slug === '' ? <span className="badge badge--accent">Main page</span> : null}
        {page.access.mode === 'PUBLIC' ? null : (
          <span className="badge" data-testid="private-badge">
            <LockIcon className="sp-private-icon" />
            Private
          </span>
        )}
      </span>
    ),
  },
  { header: 'Public address', cell: (page) => <PublicLink url={page.url} /> },
  {
    header: 'Components',
    cell: (page) => <span data-testid="component-count">{page.components.length === 1 ? '1 component' : `${page.components.length} components`}</span>,
  },
  { header: 'Last changed', cell: (page) => formatDateTime(page.updatedAt) },
];

/** The organization's public pages, the main one first. */
export function StatusPageList() {
  const { session } = useSession();
  const pages = useStatusPages();
  return (
    <QueryState
      query={pages}
      what="status pages"
      explainError={(e) => (errorCodeOf(e) === 'FORBIDDEN' ? 'You don’t have access to status pages.' : undefined)}
      isEmpty={(list) => list.length === 0}
      empty={
        <EmptyState
          title="No status pages yet."
          action={
            canEditStatusPages(session?.role) ? (
              <Link className={buttonClass()} to="/app/status-pages/new">
                Create your first status page
              </Link>
            ) : undefined
          }
        >
          <p>A status page shows the public how your services are doing: current status, 90 days of uptime and past outages — without logging in.</p>
        </EmptyState>
      }
    >
      {(list) => <DataTable label="Status pages" columns={COLUMNS} rows={list} rowKey={(p) => p.id} rowTestId="status-page-row" />}
    </QueryState>
  );
}
