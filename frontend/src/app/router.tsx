import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { PublicLayout } from './shell/public-layout';
import { RootLayout } from './shell/root-layout';
import { IndexRoute } from './routes/index-route';
import { NotFoundRoute } from './routes/not-found';
import { RequireSession } from './routes/require-session';
import { StatusPageRoute } from './routes/status-page-route';

// Feature pages load on demand, so the first page (landing or login) stays small.
const auth = () => import('@/features/auth/routes');
const monitors = () => import('@/features/monitors/routes/monitors');
const statusPages = () => import('@/features/status-pages/routes/status-pages');
const subscriptionLinks = () => import('@/features/status-pages/routes/subscription-links');
const alerts = () => import('@/features/alerts/routes/alerts');
const escalation = () => import('@/features/alerts/routes/escalation');
const statusIncidents = () => import('@/features/status-pages/routes/status-incidents');
const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    HydrateFallback: () => null,
    children: [
      // `/` chooses its own layout: the landing page, or a tenant's public status page.
      { index: true, element: <IndexRoute />, handle: { title: 'Uptime monitoring and status pages' } },
      // A tenant's other public pages; the static paths below and /app rank above it.
      { path: ':pageSlug', element: <StatusPageRoute />, handle: { title: 'Status' } },
      // The links of status-page subscribers' emails, on the organization's host.
      { path: 'subscriptions/confirm', lazy: () => subscriptionLinks().then((m) => ({ Component: m.ConfirmSubscriptionRoute })), handle: { title: 'Confirm subscription' } },
      { path: 'unsubscribe/:token', lazy: () => subscriptionLinks().then((m) => ({ Component: m.UnsubscribeRoute })), handle: { title: 'Unsubscribe' } },
      {
        element: <PublicLayout />,
        children: [
          { path: 'signup', lazy: () => auth().then((m) => ({ Component: m.SignUpRoute })), handle: { title: 'Sign up' } },
          { path: 'verify-email', lazy: () => auth().then((m) => ({ Component: m.VerifyEmailRoute })), handle: { title: 'Verify your email' } },
          { path: 'login', lazy: () => auth().then((m) => ({ Component: m.LogInRoute })), handle: { title: 'Log in' } },
          { path: 'forgot-password', lazy: () => auth().then((m) => ({ Component: m.ForgotPasswordRoute })), handle: { title: 'Forgot password' } },
          {
            // The acknowledge link in alerts: public, acts only on its button.
            path: 'ack/:token',
            lazy: () => import('@/features/acknowledge/routes/acknowledge').then((m) => ({ Component: m.AcknowledgeRoute })),
            handle: { title: 'Acknowledge an outage' },
          },
          { path: 'reset-password', lazy: () => auth().then((m) => ({ Component: m.ResetPasswordRoute })), handle: { title: 'Choose a new password' } },
          {
            path: 'accept-invitation',
            lazy: () => import('@/features/invitations/routes/accept-invitation').then((m) => ({ Component: m.AcceptInvitationRoute })),
            handle: { title: 'Join an organization' },
          },
          { path: '*', element: <NotFoundRoute />, handle: { title: 'Page not found' } },
        ],
      },
      {
        path: 'app',
        element: <RequireSession />,
        children: [
          {
            // The signed-in shell (sidebar, menus, toasts) loads with the first /app page.
            lazy: () => import('./shell/app-layout').then((m) => ({ Component: m.AppLayout })),
            children: [
              { index: true, lazy: () => import('./routes/app-home').then((m) => ({ Component: m.AppHomeRoute })), handle: { title: 'Home' } },
              { path: 'monitors', lazy: () => monitors().then((m) => ({ Component: m.MonitorsRoute })), handle: { title: 'Monitors' } },
              {
                path: 'monitors/dependencies',
                lazy: () => monitors().then((m) => ({ Component: m.MonitorDependenciesRoute })),
                handle: { title: 'Monitor dependencies' },
              },
              { path: 'monitors/new', lazy: () => monitors().then((m) => ({ Component: m.NewMonitorRoute })), handle: { title: 'Create monitor' } },
              { path: 'monitors/:id/edit', lazy: () => monitors().then((m) => ({ Component: m.EditMonitorRoute })), handle: { title: 'Edit monitor' } },
              { path: 'monitors/:id', lazy: () => monitors().then((m) => ({ Component: m.MonitorRoute })), handle: { title: 'Monitor' } },
              { path: 'status-pages', lazy: () => statusPages().then((m) => ({ Component: m.StatusPagesRoute })), handle: { title: 'Status pages' } },
              { path: 'status-pages/new', lazy: () => statusPages().then((m) => ({ Component: m.NewStatusPageRoute })), handle: { title: 'Create status page' } },
              { path: 'status-pages/:id', lazy: () => statusPages().then((m) => ({ Component: m.StatusPageEditorRoute })), handle: { title: 'Status page' } },
              {
                path: 'status-pages/:id/incidents',
                lazy: () => statusIncidents().then((m) => ({ Component: m.StatusIncidentsRoute })),
                handle: { title: 'Status page incidents' },
              },
              {
                path: 'status-pages/:id/incidents/new',
                lazy: () => statusIncidents().then((m) => ({ Component: m.NewStatusIncidentRoute })),
                handle: { title: 'New incident' },
              },
              {
                path: 'status-pages/:id/incidents/:incidentId',
                lazy: () => statusIncidents().then((m) => ({ Component: m.StatusIncidentRoute })),
                handle: { title: 'Incident' },
              },
              {
                path: 'incidents',
                lazy: () => import('@/features/incidents/routes/incidents').then((m) => ({ Component: m.IncidentsRoute })),
                handle: { title: 'Incidents' },
              },
              {
                path: 'maintenance',
                lazy: () => import('@/features/maintenance/routes/maintenance').then((m) => ({ Component: m.MaintenanceRoute })),
                handle: { title: 'Maintenance' },
              },
              {
                path: 'maintenance/new',
                lazy: () => import('@/features/maintenance/routes/maintenance').then((m) => ({ Component: m.NewMaintenanceRoute })),
                handle: { title: 'Schedule maintenance' },
              },
              { path: 'alerts', lazy: () => alerts().then((m) => ({ Component: m.AlertsRoute })), handle: { title: 'Alert channels' } },
              {
                path: 'alerts/escalation',
                lazy: () => escalation().then((m) => ({ Component: m.EscalationPoliciesRoute })),
                handle: { title: 'Escalation policies' },
              },
              {
                path: 'alerts/escalation/new',
                lazy: () => escalation().then((m) => ({ Component: m.NewEscalationPolicyRoute })),
                handle: { title: 'New escalation policy' },
              },
              {
                path: 'alerts/escalation/:id',
                lazy: () => escalation().then((m) => ({ Component: m.EscalationPolicyRoute })),
                handle: { title: 'Escalation policy' },
              },
              { path: 'alerts/new', lazy: () => alerts().then((m) => ({ Component: m.NewAlertChannelRoute })), handle: { title: 'Add alert channel' } },
              { path: 'alerts/:id', lazy: () => alerts().then((m) => ({ Component: m.AlertChannelRoute })), handle: { title: 'Alert channel' } },
              { path: 'team', lazy: () => import('@/features/team/routes/team').then((m) => ({ Component: m.TeamRoute })), handle: { title: 'Team' } },
              {
                path: 'account',
                lazy: () => import('@/features/account/routes/account').then((m) => ({ Component: m.AccountRoute })),
                handle: { title: 'Account' },
              },
              {
                element: <RequireSession minimumRole="ADMIN" />,
                children: [
                  {
                    path: 'api-keys',
                    lazy: () => import('@/features/api-keys/routes/api-keys').then((m) => ({ Component: m.ApiKeysRoute })),
                    handle: { title: 'API keys' },
                  },
                  {
                    path: 'audit',
                    lazy: () => import('@/features/audit-log/routes/audit-log').then((m) => ({ Component: m.AuditLogRoute })),
                    handle: { title: 'Audit log' },
                  },
                ],
              },
              { path: '*', element: <NotFoundRoute />, handle: { title: 'Page not found' } },
            ],
          },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
