import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccountRoute } from '@/features/account/routes/account';
import { ApiKeysRoute } from '@/features/api-keys/routes/api-keys';
import { AuditLogRoute } from '@/features/audit-log/routes/audit-log';
import { ForgotPasswordRoute } from '@/features/auth/routes/forgot-password';
import { LogInRoute } from '@/features/auth/routes/log-in';
import { ResetPasswordRoute } from '@/features/auth/routes/reset-password';
import { SignUpRoute } from '@/features/auth/routes/sign-up';
import { VerifyEmailRoute } from '@/features/auth/routes/verify-email';
import { AcceptInvitationRoute } from '@/features/invitations/routes/accept-invitation';
import { TeamRoute } from '@/features/team/routes/team';
import { Layout } from './routes/layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RequireSession } from './routes/require-session';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'signup', element: <SignUpRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'login', element: <LogInRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'accept-invitation', element: <AcceptInvitationRoute /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'app/account', element: <AccountRoute /> },
          { path: 'app/team', element: <TeamRoute /> },
        ],
      },
      {
        element: <RequireSession minimumRole="ADMIN" />,
        children: [
          { path: 'app/api-keys', element: <ApiKeysRoute /> },
          { path: 'app/audit', element: <AuditLogRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
