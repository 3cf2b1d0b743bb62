import { Navigate, useLocation } from 'react-router';
import { useSession } from '@/lib/session';
import { ApiKeyList } from '../components/api-key-list';
import { CreateApiKeyForm } from '../components/create-api-key-form';
import '../components/api-keys.css';

/** `/app/api-keys`: needs a session, otherwise sends the user to /login (and back afterwards). */
export function ApiKeysRoute() {
  const { status } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <p className="api-keys__status" role="status">
        Restoring your session…
      </p>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }

  return (
    <section className="page page--wide">
      <h1 className="page__title">API keys</h1>
      <p className="page__lead">Keys let scripts and integrations call the Beacon API on behalf of your organization.</p>
      <h2 className="api-keys__section-title">Create a key</h2>
      <CreateApiKeyForm />
      <h2 className="api-keys__section-title">Keys</h2>
      <ApiKeyList />
    </section>
  );
}
