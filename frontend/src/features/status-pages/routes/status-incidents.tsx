import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import type { StatusPageQuery } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useStatusIncident } from '../api/status-incidents';
import { useStatusPage } from '../api/status-pages';
import { canEditStatusPages } from '../components/editor-format';
import { IMPACT, INCIDENT_STATUS } from '../components/format';
import { IncidentComposer } from '../components/incident-composer';
import { IncidentDetail } from '../components/incident-detail';
import { StatusIncidentList } from '../components/status-incident-list';
import { PublicLink } from '../components/status-page-list';
import '../components/status-pages.css';
import '../components/status-incidents.css';

type ManagedPage = StatusPageQuery['statusPage'];

const explainPageError = (e: Error) => (errorCodeOf(e) === 'NOT_FOUND' ? 'There is no such status page. It may have been deleted.' : undefined);

/** The page an incident screen belongs to, with a way back to it. */
function WithPage({ id, back, children }: { id: string; back?: { to: string; label: string }; children: (page: ManagedPage) => ReactNode }) {
  const query = useStatusPage(id);
  return (
    <QueryState query={query} what="the status page" skeletonLines={5} explainError={explainPageError}>
      {(page) => (
        <>
          <p>
            <Link to={back?.to ?? `/app/status-pages/${page.id}`}>← {back?.label ?? page.title}</Link>
          </p>
          {children(page)}
        </>
      )}
    </QueryState>
  );
}

/** `/app/status-pages/:id/incidents`: what the page has told visitors, open incidents first. */
export function StatusIncidentsRoute() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const canEdit = canEditStatusPages(session?.role);
  return (
    <WithPage key={id} id={id}>
      {(page) => (
        <Page
          title="Incidents"
          lead={
            <>
              Posted on {page.title} · <PublicLink url={page.url} />
            </>
          }
          actions={
            canEdit ? (
              <Link className={buttonClass()} to={`/app/status-pages/${page.id}/incidents/new`}>
                New incident
              </Link>
            ) : undefined
          }
          wide
        >
          <StatusIncidentList pageId={page.id} canEdit={canEdit} />
        </Page>
      )}
    </WithPage>
  );
}

/** `/app/status-pages/:id/incidents/new` (members and above). */
export function NewStatusIncidentRoute() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  if (!canEditStatusPages(session?.role)) {
    return <Page title="You don’t have access to this page" lead="Viewers can read incidents but not post them. Ask an owner or admin for the member role." />;
  }
  return (
    <WithPage key={id} id={id} back={{ to: `/app/status-pages/${id}/incidents`, label: 'Incidents' }}>
      {(page) => (
        <Page title="New incident" lead={<>Tell the visitors of {page.title} what is going on. It shows on the public page as soon as you publish it.</>} wide>
          <IncidentComposer
            pageId={page.id}
            components={page.components}
            onCreated={(incident) => {
              toast({ title: 'Incident published', description: incident.title });
              void navigate(`/app/status-pages/${page.id}/incidents/${incident.id}`);
            }}
          />
        </Page>
      )}
    </WithPage>
  );
}

/** `/app/status-pages/:id/incidents/:incidentId`: one incident, its timeline and what can change. */
export function StatusIncidentRoute() {
  const { id = '', incidentId = '' } = useParams();
  const { session } = useSession();
  const query = useStatusIncident(incidentId);
  return (
    <WithPage key={id} id={id} back={{ to: `/app/status-pages/${id}/incidents`, label: 'Incidents' }}>
      {(page) => (
        <QueryState
          query={query}
          what="the incident"
          skeletonLines={5}
          explainError={(e) => (errorCodeOf(e) === 'NOT_FOUND' ? 'There is no such incident. It may have been deleted.' : undefined)}
        >
          {(incident) => (
            <Page
              title={incident.title}
              lead={
                <span className="inc-lead">
                  <span className={incident.status === 'RESOLVED' ? 'badge badge--success' : 'badge badge--warning'} data-testid="incident-state">
                    {INCIDENT_STATUS[incident.status].label}
                  </span>
                  <span>{incident.impact ? IMPACT[incident.impact].label : 'No component affected'}</span>
                  <span>on {page.title}</span>
                  <PublicLink url={page.url} />
                </span>
              }
              wide
            >
              <IncidentDetail incident={incident} components={page.components} canEdit={canEditStatusPages(session?.role)} />
            </Page>
          )}
        </QueryState>
      )}
    </WithPage>
  );
}
