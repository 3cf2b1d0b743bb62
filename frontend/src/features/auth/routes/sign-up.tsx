import { Page } from '@/components/page';
import { Skeleton } from '@/components/skeleton';
import { useServerHost } from '@/lib/hosts';
import { SignUpForm } from '../components/sign-up-form';

export function SignUpRoute() {
  // The organization's address ends in the server's BASE_DOMAIN (asked at start-up).
  const { host } = useServerHost();
  return (
    <Page title="Create your organization" lead="An account for you, and an organization for your team. Free and self-hosted.">
      {host ? (
        <SignUpForm baseDomain={host.baseDomain} />
      ) : (
        <div role="status" aria-busy="true">
          <span className="visually-hidden">Loading…</span>
          <Skeleton lines={5} />
        </div>
      )}
    </Page>
  );
}
