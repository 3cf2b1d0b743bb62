import { Link, useLocation } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { useSession } from '@/lib/session';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  const { session } = useSession();
  return (
    <Page
      title="Page not found"
      lead={
        <>
          Nothing lives at <code>{pathname}</code>. The link may be old, or the address mistyped.
        </>
      }
    >
      <p>
        <Link className={buttonClass('primary')} to={session ? '/app' : '/'}>
          {session ? 'Go to your dashboard' : 'Go to the start page'}
        </Link>
      </p>
    </Page>
  );
}
