import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { ToastProvider } from '@/components/toast';
import { hostQueryKey, type ServerHost } from '@/lib/hosts';
import { SessionContext, type Session, type SessionContextValue, type SessionRole, type SessionStatus } from '@/lib/session';
import { mockGraphQL } from './graphql-mock';

type Responders = Parameters<typeof mockGraphQL>[0];

/**
 * What the server says of the page's host (`HostContext`): the apex of `localhost` unless a
 * test says otherwise, e.g. `testHost({ tenant: { slug: 'acme', name: 'Acme' } })`.
 */
export function testHost(overrides: Partial<ServerHost> = {}): ServerHost {
  return { baseDomain: 'localhost', tenant: null, unknownTenantSlug: null, fromServer: true, ...overrides };
}

/** A signed-in session for tests; override any part. */
export function testSession(overrides: Partial<Omit<Session, 'user' | 'tenant'>> & { user?: Partial<Session['user']>; tenant?: Partial<Session['tenant']> } = {}): Session {
  const { user, tenant, ...rest } = overrides;
  return {
    accessToken: 'access-token',
    expiresIn: 900,
    role: 'OWNER',
    ...rest,
    user: { id: 'u1', email: 'ada@example.com', name: 'Ada', emailVerified: true, ...user },
    tenant: { id: 't1', slug: 'acme', name: 'Acme', host: 'acme.beacon.test', ...tenant },
  };
}

export interface RenderAppOptions {
  /** URL the memory router starts at. */
  route?: string;
  /** Route pattern `ui` is mounted at (e.g. `/accept-invitation`); other paths render a marker. */
  path?: string;
  /** Extra routes next to `ui` (e.g. a login page to be redirected to). */
  routes?: RouteObject[];
  /**
   * The session: a role (signed in as Ada in Acme with that role), a full session, `null`
   * (anonymous), `'restoring'`, or `'none'` to provide no session context at all (for tests
   * that mount the real AuthProvider themselves).
   */
  session?: SessionRole | Session | null | 'restoring' | 'none';
  /**
   * The page's host as the server describes it (seeded into the query cache, so no request is
   * made): the apex of `localhost` by default; `'fetch'` leaves it to a `HostContext` responder.
   */
  host?: ServerHost | 'fetch';
  /** GraphQL responders by operation name; `fetch` is stubbed when given. */
  graphql?: Responders;
  /** Wrap in StrictMode (double effects), as main.tsx does. */
  strict?: boolean;
  /** Extra providers around everything (innermost first is the app). */
  wrapper?: (children: ReactNode) => ReactElement;
}

function sessionValue(option: RenderAppOptions['session']): SessionContextValue | null {
  if (option === 'none') return null;
  let status: SessionStatus;
  let session: Session | null = null;
  if (option === 'restoring') status = 'restoring';
  else if (option === null) status = 'anonymous';
  else {
    status = 'authenticated';
    session = typeof option === 'string' || option === undefined ? testSession({ role: option ?? 'OWNER' }) : option;
  }
  return {
    status,
    session,
    signIn: vi.fn<(s: Session) => void>(),
    logOut: vi.fn(() => Promise.resolve()),
    clear: vi.fn(),
  };
}

/**
 * Renders `ui` the way the app does: a query client (no retries), the session, a data router
 * (so navigation blockers work) and the toast region. Returns Testing Library's result plus a
 * `user` (user-event), the recorded GraphQL calls, the router and the session value.
 */
export function renderApp(ui: ReactElement, options: RenderAppOptions = {}, renderOptions: Omit<RenderOptions, 'wrapper'> = {}) {
  const { route = '/', path = '*', routes = [], graphql, strict = false, wrapper } = options;
  const mock = graphql ? mockGraphQL(graphql) : undefined;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const host = options.host ?? testHost();
  if (host !== 'fetch') queryClient.setQueryData(hostQueryKey, host);
  const session = sessionValue(options.session);
  const router = createMemoryRouter(
    [
      { path, element: ui },
      ...routes,
      ...(path === '*' ? [] : [{ path: '*', element: <p data-testid="elsewhere">Another page</p> }]),
    ],
    { initialEntries: [route] },
  );
  let tree: ReactElement = (
    <ToastProvider>
      <RouterProvider router={router} />
    </ToastProvider>
  );
  if (session) tree = <SessionContext.Provider value={session}>{tree}</SessionContext.Provider>;
  tree = <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>;
  if (wrapper) tree = wrapper(tree);
  if (strict) tree = <StrictMode>{tree}</StrictMode>;
  const user = userEvent.setup();
  const result = render(tree, renderOptions);
  return { ...result, user, router, queryClient, session, calls: mock?.calls ?? [], fetchMock: mock?.fetchMock };
}
