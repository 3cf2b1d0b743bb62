import { Link, useNavigate, useParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { useToast } from '@/components/toast';
import { useSession } from '@/lib/session';
import { useCreateStatusPage, useStatusPages } from '../api/status-pages';
import { canEditStatusPages } from '../components/editor-format';
import { PageDetailsForm } from '../components/page-details-form';
import { PageEditor } from '../components/page-editor';
import { StatusPageList } from '../components/status-page-list';
import '../components/status-pages.css';

/** `/app/status-pages`: the organization's public pages. */
export function StatusPagesRoute() {
  const { session } = useSession();
  return (
    <Page
      title="Status pages"
      lead="Public pages that show how your services are doing — no login needed to read them."
      actions={
        canEditStatusPages(session?.role) ? (
          <Link className={buttonClass()} to="/app/status-pages/new">
            Create status page
          </Link>
        ) : undefined
      }
      wide
    >
      <StatusPageList />
    </Page>
  );
}

/** `/app/status-pages/new` (members and above). The first page is the main one, at `/`. */
export function NewStatusPageRoute() {
  const { session } = useSession();
  const pages = useStatusPages();
  const create = useCreateStatusPage();
  const toast = useToast();
  const navigate = useNavigate();
  if (!canEditStatusPages(session?.role)) {
    return <Page title="You don’t have access to this page" lead="Viewers can see status pages but not create them. Ask an owner or admin for the member role." />;
  }
  // Wait for the list: whether a main page exists decides the suggested path.
  if (pages.isPending) return <Page title="Create status page" />;
  const hasMain = (pages.data ?? []).some((p) => p.slug === '');
  return (
    <>
      <p>
        <Link to="/app/status-pages">← All status pages</Link>
      </p>
      <Page
        title="Create status page"
        lead={hasMain ? 'Your main page exists; this one gets its own path.' : 'Your first page is usually the main one, at your organization’s address.'}
      >
        <PageDetailsForm
          label="Create status page"
          initial={{ title: '', slug: '', description: '', autoPublishOutages: false }}
          suggestSlug={hasMain}
          submitLabel="Create page"
          pendingLabel="Creating…"
          pending={create.isPending}
          error={create.error}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (page) => {
                toast({ title: 'Status page created', description: 'Now add the monitors it shows.' });
                void navigate(`/app/status-pages/${page.id}`);
              },
            })
          }
        />
      </Page>
    </>
  );
}

/** `/app/status-pages/:id`. */
export function StatusPageEditorRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <p>
        <Link to="/app/status-pages">← All status pages</Link>
      </p>
      <PageEditor key={id} id={id} />
    </>
  );
}
