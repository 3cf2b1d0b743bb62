import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { currentHost } from '@/lib/hosts';
import { useSession } from '@/lib/session';
import { LogInForm } from '../components/log-in-form';

/** Where to go after logging in: the page that sent the user here, or the signed-in home. */
function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/app';
}

export function LogInRoute() {
  const { status, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const target = destination(location.state);
  const { tenantSlug, baseDomain } = currentHost();

  if (status === 'authenticated') return <Navigate to={target} replace />;

  return (
    <Page
      title={tenantSlug ? `Log in to ${tenantSlug}` : 'Log in'}
      lead={
        tenantSlug ? (
          <>
            The organization at <strong>{`${tenantSlug}.${baseDomain}`}</strong>.
          </>
        ) : (
          'Welcome back to Beacon.'
        )
      }
    >
      <LogInForm
        initialEmail={params.get('email') ?? ''}
        tenantSlug={tenantSlug}
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
