import { Link, useLocation } from 'react-router';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <section className="page">
      <h1 className="page__title">Page not found</h1>
      <p className="page__lead">
        Nothing lives at <code>{pathname}</code>.
      </p>
      <Link className="button" to="/">
        Back to the overview
      </Link>
    </section>
  );
}
