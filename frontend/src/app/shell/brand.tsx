import { Link } from 'react-router';
import { useSession } from '@/lib/session';

/** The Beacon logo; it leads to the signed-in home, or to the landing page. */
export function Brand() {
  const { session } = useSession();
  return (
    <Link to={session ? '/app' : '/'} className="brand">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__name">Beacon</span>
      <span className="visually-hidden">{session ? ' — home' : ' — start page'}</span>
    </Link>
  );
}
