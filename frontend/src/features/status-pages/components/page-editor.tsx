import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, buttonClass } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form';
import { Page, Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import type { StatusPageQuery } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useMonitorOptions, type MonitorOption } from '../api/monitor-options';
import { useOpenStatusIncidents } from '../api/status-incidents';
import { useDeleteStatusPage, useStatusPage, useUpdateStatusPage } from '../api/status-pages';
import { AccessSection } from './access-section';
import { ComponentsEditor } from './components-editor';
import { BrandingSection } from './branding-section';
import { CustomDomainsSection } from './custom-domains';
import { canEditStatusPages } from './editor-format';
import { PageDetailsForm } from './page-details-form';
import { PublicLink } from './status-page-list';
import { SubscribersSection } from './subscribers-section';

type ManagedPage = StatusPageQuery['statusPage'];

function ReadOnlyPage({ page, monitors }: { page: ManagedPage; monitors: ReadonlyMap<string, MonitorOption> }) {
  return (
    <>
      <Section title="Page details">
        <dl className="sp-facts">
          <div>
            <dt>Title</dt>
            <dd>{page.title}</dd>
          </div>
          <div>
            <dt>Public address</dt>
            <dd>
              <PublicLink url={page.url} />
            </dd>
          </div>
          <div>
            <dt>Description</dt>
            <dd>{page.description || '—'}</dd>
          </div>
          <div>
            <dt>Detected outages</dt>
            <dd>{page.autoPublishOutages ? 'Published as incidents automatically' : 'Published by hand'}</dd>
          </div>
        </dl>
      </Section>
      <Section title="Components" lead="Viewers can see a page’s setup but not change it.">
        {page.components.length === 0 ? (
          <p className="muted">No components yet.</p>
        ) : (
          <ol className="sp-readonly">
            {page.components.map((c) => (
              <li key={c.monitorId} data-testid="component-row">
                <strong>{c.name}</strong>
                {c.group ? <span className="muted"> · {c.group}</span> : null}
                {monitors.get(c.monitorId) ? <span className="muted"> · monitor {monitors.get(c.monitorId)?.name}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

function IncidentsSection({ page, canEdit }: { page: ManagedPage; canEdit: boolean }) {
  const open = useOpenStatusIncidents(page.id);
  const count = open.data?.length;
  return (
    <Section title="Incidents" lead="Tell visitors what is wrong and what you are doing about it, with updates until it is resolved.">
      <div className="sp-editor__bar">
        <span data-testid="open-incident-count">
          {count === undefined ? null : count === 0 ? 'No open incident.' : count === 1 ? '1 open incident.' : `${count} open incidents.`}
        </span>
        <span className="sp-editor__spacer" />
        <Link className={buttonClass('secondary')} to={`/app/status-pages/${page.id}/incidents`}>
          Manage incidents
        </Link>
        {canEdit ? (
          <Link className={buttonClass()} to={`/app/status-pages/${page.id}/incidents/new`}>
            New incident
          </Link>
        ) : null}
      </div>
    </Section>
  );
}

function DetailsSection({ page }: { page: ManagedPage }) {
  const update = useUpdateStatusPage(page.id);
  const toast = useToast();
  return (
    <Section title="Page details">
      {update.isSuccess ? <FormAlert tone="success">Saved. The page is at {update.data.url}.</FormAlert> : null}
      <PageDetailsForm
        key={page.id}
        label="Page details"
        initial={{ title: page.title, slug: page.slug, description: page.description, autoPublishOutages: page.autoPublishOutages }}
        submitLabel="Save details"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error}
        onEdit={() => {
          if (update.isSuccess || update.isError) update.reset();
        }}
        onSubmit={(input) => update.mutate(input, { onSuccess: (saved) => toast({ title: 'Page saved', description: saved.title }) })}
      />
    </Section>
  );
}

function DangerZone({ page }: { page: ManagedPage }) {
  const remove = useDeleteStatusPage();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <Section title="Delete this page" lead="Visitors of its address get a “not found” page (the main page’s address shows your login instead). Monitors are not affected.">
      {remove.isError ? <FormAlert>{remove.error.message}</FormAlert> : null}
      <div>
        <ConfirmButton
          trigger={
            <Button variant="danger" pending={remove.isPending} pendingLabel="Deleting…">
              Delete page
            </Button>
          }
          title={`Delete “${page.title}”?`}
          description={<p>The page at {page.url} stops working at once. This cannot be undone.</p>}
          confirmLabel="Delete page"
          onConfirm={() =>
            remove.mutate(page.id, {
              onSuccess: (deleted) => {
                toast({ title: 'Status page deleted', description: deleted.title });
                void navigate('/app/status-pages');
              },
            })
          }
        />
      </div>
    </Section>
  );
}

/** `/app/status-pages/:id`: a page's details and components; read-only for viewers. */
export function PageEditor({ id }: { id: string }) {
  const { session } = useSession();
  const query = useStatusPage(id);
  const options = useMonitorOptions('');
  const monitors = useMemo(() => new Map((options.data?.nodes ?? []).map((m) => [m.id, m])), [options.data]);
  const canEdit = canEditStatusPages(session?.role);
  return (
    <QueryState
      query={query}
      what="the status page"
      skeletonLines={5}
      explainError={(e) => (errorCodeOf(e) === 'NOT_FOUND' ? 'There is no such status page. It may have been deleted.' : undefined)}
    >
      {(page) => (
        <Page title={page.title} lead={<PublicLink url={page.url} />} wide>
          <IncidentsSection page={page} canEdit={canEdit} />
          {canEdit ? (
            <>
              <DetailsSection page={page} />
              <BrandingSection page={page} canEdit />
              <AccessSection key={page.id} page={page} canEdit />
              <Section title="Components" lead="What the page shows, in this order. Give each monitor the name the public knows it by, and group related ones.">
                <ComponentsEditor key={page.id} pageId={page.id} saved={page.components} monitors={monitors} />
              </Section>
              <CustomDomainsSection pageId={page.id} domains={page.domains} />
              <SubscribersSection page={page} />
              <DangerZone page={page} />
            </>
          ) : (
            <>
              <ReadOnlyPage page={page} monitors={monitors} />
              <BrandingSection page={page} canEdit={false} />
              <AccessSection page={page} canEdit={false} />
              <SubscribersSection page={page} />
            </>
          )}
        </Page>
      )}
    </QueryState>
  );
}
