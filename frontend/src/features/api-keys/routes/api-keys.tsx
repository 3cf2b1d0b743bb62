import { Page, Section } from '@/components/page';
import { ApiKeyList } from '../components/api-key-list';
import { CreateApiKeyForm } from '../components/create-api-key-form';
import '../components/api-keys.css';

/** `/app/api-keys` (behind the app's session guard, owners and admins). */
export function ApiKeysRoute() {
  return (
    <Page title="API keys" lead="Keys let scripts and integrations call the Beacon API on behalf of your organization." wide>
      <Section title="Create a key">
        <CreateApiKeyForm />
      </Section>
      <Section title="Keys">
        <ApiKeyList />
      </Section>
    </Page>
  );
}
