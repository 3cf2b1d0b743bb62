import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/session';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { LogInForm } from './log-in-form';
import { renderApp } from '@/test/render';

const session = {
  accessToken: 'access-token',
  expiresIn: 900,
  user: { id: 'u1', email: 'ada@example.com', name: 'Ada', emailVerified: true },
  tenant: { id: 't2', slug: 'globex', name: 'Globex', host: 'globex.beacon.test' },
  role: 'ADMIN',
} as const;

function renderForm() {
  const onLoggedIn = vi.fn<(session: Session) => void>();
  renderApp(<LogInForm onLoggedIn={onLoggedIn} />, { session: null });
  return { onLoggedIn };
}


function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LogInForm', () => {
  it('shows the server’s message next to the password field on wrong credentials', async () => {
    const { calls } = mockGraphQL({
      LogIn: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'email or password is wrong' }] }),
    });
    const { onLoggedIn } = renderForm();

    fillAndSubmit('ada@example.com', 'not-the-password');

    const message = await screen.findByText('Email or password is wrong.');
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Email or password is wrong.');
    expect(message).toHaveClass('form__error');
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onLoggedIn).not.toHaveBeenCalled();
    expect(calls[0]?.variables).toEqual({ input: { email: 'ada@example.com', password: 'not-the-password', tenantSlug: null } });
  });

  it('lets a member of several organizations pick one, then logs in with its slug', async () => {
    const { calls } = mockGraphQL({
      LogIn: (variables) => {
        const input = variables.input as { tenantSlug: string | null };
        if (input.tenantSlug === null) {
          return {
            data: {
              logIn: {
                __typename: 'TenantChoicePayload',
                tenants: [
                  { slug: 'acme', name: 'Acme', role: 'OWNER', host: 'acme.beacon.test' },
                  { slug: 'globex', name: 'Globex', role: 'ADMIN', host: 'globex.beacon.test' },
                ],
              },
            },
          };
        }
        return { data: { logIn: { __typename: 'SessionPayload', ...session } } };
      },
    });
    const { onLoggedIn } = renderForm();

    fillAndSubmit('ada@example.com', 'correct horse battery');

    const picker = await screen.findByRole('region', { name: 'Choose an organization' });
    const options = within(picker).getAllByRole('button', { name: /acme|globex/i });
    // Each organization's host as the server names it.
    expect(options.map((o) => o.textContent)).toEqual(['AAcmeacme.beacon.test · Owner›', 'GGlobexglobex.beacon.test · Admin›']);
    expect(options[0]).toHaveFocus();

    fireEvent.click(within(picker).getByRole('button', { name: /globex/i }));

    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalledTimes(1));
    expect(onLoggedIn.mock.calls[0]?.[0]).toMatchObject(session);
    expect(calls.map((c) => c.variables)).toEqual([
      { input: { email: 'ada@example.com', password: 'correct horse battery', tenantSlug: null } },
      { input: { email: 'ada@example.com', password: 'correct horse battery', tenantSlug: 'globex' } },
    ]);
  });

  it('asks to verify the email first on FORBIDDEN, and offers a new link for the address tried', async () => {
    const { calls } = mockGraphQL({
      LogIn: () => gqlError('forbidden', { code: 'FORBIDDEN' }),
      ResendVerificationEmail: () => ({ data: { resendVerificationEmail: true } }),
    });
    renderForm();

    fillAndSubmit(' new@example.com ', 'correct horse battery');

    expect(await screen.findByRole('alert')).toHaveTextContent(/verify your email first/i);
    // Editing the field afterwards does not change where the link goes.
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'other@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));

    expect(await screen.findByText('If an unverified account exists for new@example.com, we sent a new link.', { exact: false })).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({ operationName: 'ResendVerificationEmail', variables: { email: 'new@example.com' } });
  });

  it('offers no new link for other errors', async () => {
    mockGraphQL({
      LogIn: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'email or password is wrong' }] }),
    });
    renderForm();

    fillAndSubmit('ada@example.com', 'not-the-password');

    expect(await screen.findByText('Email or password is wrong.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Resend verification email' })).not.toBeInTheDocument();
  });

  it('explains rate limiting above the form', async () => {
    mockGraphQL({ LogIn: () => gqlError('too many requests', { code: 'RATE_LIMITED', retryAfter: 30 }) });
    renderForm();

    fillAndSubmit('ada@example.com', 'correct horse battery');

    expect(await screen.findByRole('alert')).toHaveTextContent(/too many attempts/i);
  });
});
