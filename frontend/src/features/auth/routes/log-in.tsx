import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { FormAlert } from '@/components/form';
import { Page } from '@/components/page';
import { Skeleton } from '@/components/skeleton';
import { urlOnHost, useServerHost } from '@/lib/hosts';
import { useSession } from '@/lib/session';
import { LogInForm } from '../components/log-in-form';

/** Where to go after logging in: the page that sent the user here, or the signed-in home. */
function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/app';
}

/**
 * `/login`. On the apex: email and password, then a choice of organization. On an
 * organization's own host (the server's `hostTenant`): that organization's login, by name.
 * On a host shaped like one where no active organization lives: says so, and where to go.
 */
export function LogInRoute() {
  const { status, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const target = destination(location.state);
  const { host, isPending } = useServerHost();

  if (status === 'authenticated') return <Navigate to={target} replace />;

  if (isPending || !host) {
    return (
      <Page title="Log in">
        <div role="status" aria-busy="true">
          <span className="visually-hidden">Loading…</span>
          <Skeleton lines={3} />
        </div>
      </Page>
    );
  }

  if (host.unknownTenantSlug) {
    const address = `${host.unknownTenantSlug}.${host.baseDomain}`;
    return (
      <Page title="No organization here">
        <FormAlert tone="warning">
          <p>
            No active organization lives at <strong>{address}</strong>. Check the address, or log in on the main Beacon site to
            choose from your organizations.
          </p>
        </FormAlert>
        <div className="button-row">
          <a className={buttonClass('primary')} href={urlOnHost(host.baseDomain, '/login')}>
            Log in on {host.baseDomain}
          </a>
          <a className={buttonClass('secondary')} href={urlOnHost(host.baseDomain, '/signup')}>
            Create an organization
          </a>
        </div>
      </Page>
    );
  }

  const tenant = host.tenant;
  return (
    <Page
      title={tenant ? `Log in to ${tenant.name}` : 'Log in'}
      lead={
        tenant ? (
          <>
            The organization at <strong>{`${tenant.slug}.${host.baseDomain}`}</strong>.
          </>
        ) : (
          'Welcome back to Beacon.'
        )
      }
    >
      <LogInForm
        initialEmail={params.get('email') ?? ''}
        tenantSlug={tenant?.slug ?? null}
        onLoggedIn={(session) => {
          signIn(session);
          void navigate(target, { replace: true });
        }}
      />
      <p className="form__links">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </Page>
  );
}
