import { ApiKeyList } from '../components/api-key-list';
import { CreateApiKeyForm } from '../components/create-api-key-form';
import '../components/api-keys.css';

/** `/app/api-keys` (behind the app's session guard, owners and admins). */
export function ApiKeysRoute() {
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
