import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '@/lib/session';
import { LogInForm } from '../components/log-in-form';

/** Where to go after logging in: the page that sent the user here, or their account. */
function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/app/account';
}

export function LogInRoute() {
  const { status, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const target = destination(location.state);

  if (status === 'authenticated') return <Navigate to={target} replace />;

  return (
    <section className="page">
      <h1 className="page__title">Log in</h1>
      <p className="page__lead">Welcome back to Beacon.</p>
      <LogInForm
        onLoggedIn={(session) => {
          signIn(session);
          void navigate(target, { replace: true });
        }}
      />
      <p className="form__links">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
