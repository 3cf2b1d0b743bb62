import { act, screen, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { SessionRole } from '@/lib/session';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testSession } from '@/test/render';
import { AppLayout } from './app-layout';
import { RouteFocus } from './route-focus';
import { SkipLink } from './skip-link';

function Shell() {
  return (
    <>
      <SkipLink />
      <RouteFocus />
      <AppLayout />
    </>
  );
}

function page(title: string) {
  return <h1 className="page__title">{title}</h1>;
}

const ORGANIZATIONS = [
  { slug: 'acme', name: 'Acme', role: 'OWNER', host: 'acme.beacon.test' },
  { slug: 'globex', name: 'Globex', role: 'VIEWER', host: 'globex.beacon.test' },
  { slug: 'initech', name: 'Initech', role: 'MEMBER', host: 'initech.beacon.test' },
];

type Responders = NonNullable<Parameters<typeof renderApp>[1]>['graphql'];

function renderShell(
  role: SessionRole = 'OWNER',
  route = '/app',
  graphql: Responders = { MyOrganizations: () => ({ data: { myOrganizations: ORGANIZATIONS.slice(0, 1) } }) },
) {
  return renderApp(<Outlet />, {
    session: role,
    route,
    graphql,
    path: '/outside',
    routes: [
      {
        path: '/app',
        element: <Shell />,
        children: [
          { index: true, element: page('Welcome'), handle: { title: 'Home' } },
          { path: 'team', element: page('Team'), handle: { title: 'Team' } },
          { path: 'account', element: page('Account'), handle: { title: 'Account' } },
          { path: 'api-keys', element: page('API keys'), handle: { title: 'API keys' } },
          { path: 'audit', element: page('Audit log'), handle: { title: 'Audit log' } },
        ],
      },
    ],
  });
}

describe('app shell', () => {
  it('shows where you are in the navigation', () => {
    renderShell('OWNER', '/app/team');
    const nav = within(screen.getByRole('complementary', { name: 'Sidebar' })).getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Monitors' })).toHaveAttribute('href', '/app/monitors');
    // Monitors comes first after Home.
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)[1]).toBe('Monitors');
  });

  it.each([
    ['OWNER', true],
    ['ADMIN', true],
    ['MEMBER', false],
    ['VIEWER', false],
  ] as const)('shows API keys and the audit log to %s: %s', (role, visible) => {
    renderShell(role);
    const nav = within(screen.getByRole('complementary', { name: 'Sidebar' })).getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'API keys' }) !== null).toBe(visible);
    expect(within(nav).queryByRole('link', { name: 'Audit log' }) !== null).toBe(visible);
    expect(within(nav).getByRole('link', { name: 'Team' })).toBeInTheDocument();
  });

  it('sets the document title per route, and after navigating focuses and announces the heading', async () => {
    const { user } = renderShell();
    expect(document.title).toBe('Home · Beacon');

    const sidebar = screen.getByRole('complementary', { name: 'Sidebar' });
    await user.click(within(sidebar).getByRole('link', { name: 'Account' }));

    expect(document.title).toBe('Account · Beacon');
    expect(screen.getByRole('heading', { level: 1, name: 'Account' })).toHaveFocus();
    expect(screen.getByTestId('route-announcer')).toHaveTextContent('Account — page loaded');
    expect(screen.getByTestId('route-announcer')).toHaveAttribute('aria-live', 'polite');
  });

  it('starts with a skip link that moves focus to the content', async () => {
    const { user } = renderShell();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('opens the navigation as a menu on small screens; Escape closes it and returns focus', async () => {
    const { user } = renderShell('MEMBER');
    const open = screen.getByRole('button', { name: 'Open menu' });
    await user.click(open);

    const menu = screen.getByRole('dialog', { name: 'Menu' });
    expect(within(menu).getByRole('link', { name: 'Team' })).toBeInTheDocument();
    expect(within(menu).queryByRole('link', { name: 'API keys' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('closes the menu after choosing a page', async () => {
    const { user, router } = renderShell();
    await user.click(screen.getByRole('button', { name: 'Open menu' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Menu' })).getByRole('link', { name: 'API keys' }));
    expect(router.state.location.pathname).toBe('/app/api-keys');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('lists every organization of the signed-in user (myOrganizations), the current one first', async () => {
    const { user, calls } = renderShell('OWNER', '/app', { MyOrganizations: () => ({ data: { myOrganizations: ORGANIZATIONS } }) });
    const sidebar = screen.getByRole('complementary', { name: 'Sidebar' });
    const trigger = within(sidebar).getByRole('button', { name: /Organization: Acme\s*Owner\s*, switch organization/ });
    await user.click(trigger);

    const menu = await screen.findByRole('menu');
    await within(menu).findByRole('menuitem', { name: /Globex/ });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'AAcmeacme.beacon.test · current',
      'GGlobexglobex.beacon.test · Viewer',
      'IInitechinitech.beacon.test · Member',
    ]);
    expect(within(menu).getByRole('menuitem', { name: /Acme.*current/ })).toHaveAttribute('data-disabled');
    expect(calls.filter((c) => c.operationName === 'MyOrganizations')[0]?.headers.Authorization).toBe('Bearer access-token');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('says when there is no other organization', async () => {
    const { user } = renderShell();
    await user.click(within(screen.getByRole('complementary', { name: 'Sidebar' })).getByRole('button', { name: /switch organization/ }));
    const menu = await screen.findByRole('menu');
    expect(await within(menu).findByText('You belong to no other organization.')).toBeInTheDocument();
    expect(within(menu).getAllByRole('menuitem')).toHaveLength(1);
  });

  it('falls back to logging in to another organization when the list cannot be loaded', async () => {
    const { user } = renderShell('OWNER', '/app', { MyOrganizations: () => gqlError('boom', { code: 'INTERNAL_SERVER_ERROR' }) });
    await user.click(within(screen.getByRole('complementary', { name: 'Sidebar' })).getByRole('button', { name: /switch organization/ }));
    const menu = await screen.findByRole('menu');
    expect(await within(menu).findByText('Could not load your other organizations.')).toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: 'Log in to another organization…' })).toBeInTheDocument();
  });

  it('shows the signed-in user with a log-out button', async () => {
    const session = testSession();
    const { user, session: value } = renderApp(<Outlet />, {
      session,
      graphql: { MyOrganizations: () => ({ data: { myOrganizations: ORGANIZATIONS.slice(0, 1) } }) },
      route: '/app',
      path: '/outside',
      routes: [{ path: '/app', element: <Shell />, children: [{ index: true, element: page('Welcome') }] }],
    });
    const sidebar = screen.getByRole('complementary', { name: 'Sidebar' });
    expect(within(sidebar).getByText('ada@example.com')).toBeInTheDocument();
    await act(() => user.click(within(sidebar).getByRole('button', { name: 'Log out' })));
    expect(value?.logOut).toHaveBeenCalledTimes(1);
  });
});
