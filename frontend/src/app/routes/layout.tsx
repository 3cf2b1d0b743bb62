import { Link, Outlet } from 'react-router';

export function Layout() {
  return (
    <div className="shell">
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          <span className="shell__logo" aria-hidden="true" />
          Beacon
        </Link>
        <nav aria-label="Main">
          {/* GraphiQL is a separate page served by the server, not a client route. */}
          <a className="shell__nav-link" href="/graphiql">
            GraphiQL
          </a>
        </nav>
      </header>
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
