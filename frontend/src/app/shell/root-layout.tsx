import { Outlet } from 'react-router';
import { RouteFocus } from './route-focus';
import { SkipLink } from './skip-link';
import './shell.css';

/** Wraps every route: the skip link first, then per-route title and focus handling. */
export function RootLayout() {
  return (
    <>
      <SkipLink />
      <RouteFocus />
      <Outlet />
    </>
  );
}
