import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { SignUpRoute } from '../routes/sign-up';
import { SignUpForm } from './sign-up-form';

const valid = {
  'Your name': 'Ada Lovelace',
  Email: 'ada@example.com',
  Password: 'correct horse battery',
  'Organization name': 'Acme Corp',
};

async function fill(user: ReturnType<typeof renderApp>['user'], values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const field = screen.getByLabelText(label);
    await user.clear(field);
    if (value) await user.type(field, value);
  }
}

describe('SignUpForm', () => {
  it('suggests the organization address from its name, with the server’s BASE_DOMAIN as suffix', async () => {
    // The page runs on localhost; the suffix is what the server says, not the page's host.
    const { user } = renderApp(<SignUpRoute />, { session: null, host: testHost({ baseDomain: 'beacon.example.com' }) });

    await user.type(screen.getByLabelText('Organization name'), 'Acme Corp');

    expect(screen.getByLabelText('Organization address')).toHaveValue('acme-corp');
    expect(screen.getByText('.beacon.example.com')).toBeInTheDocument();
    expect(screen.getByLabelText('Organization address')).toHaveAccessibleDescription(/will live at acme-corp\.beacon\.example\.com/);
    // Once edited by hand, the address no longer follows the name.
    await user.clear(screen.getByLabelText('Organization address'));
    await user.type(screen.getByLabelText('Organization address'), 'acme');
    await user.type(screen.getByLabelText('Organization name'), ' Europe');
    expect(screen.getByLabelText('Organization address')).toHaveValue('acme');
  });

  it('checks the fields before sending, names each field, and focuses the first problem', async () => {
    const { user, calls } = renderApp(<SignUpForm baseDomain="localhost" />, { session: null, graphql: {} });

    await fill(user, { ...valid, Email: 'not-an-email', Password: 'short' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address in the form name@example.com.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Your password must be at least 10 characters long\./);
    expect(screen.getByLabelText('Your name')).not.toHaveAttribute('aria-invalid');
    expect(calls).toHaveLength(0);
  });

  it('shows each BAD_USER_INPUT message from the server next to its field, as a sentence naming it', async () => {
    const { user, calls } = renderApp(<SignUpForm baseDomain="localhost" />, {
      session: null,
      graphql: {
        SignUp: () =>
          gqlError('invalid input', {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'password', message: 'is too common' }],
          }),
      },
    });

    await fill(user, valid);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Password: is too common.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls[0]?.variables).toEqual({
      input: { name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery', tenantName: 'Acme Corp', tenantSlug: 'acme-corp' },
    });
  });

  it('shows a taken organization address (CONFLICT) next to that field', async () => {
    const { user } = renderApp(<SignUpForm baseDomain="localhost" />, {
      session: null,
      graphql: { SignUp: () => gqlError('this address is taken', { code: 'CONFLICT', field: 'tenantSlug' }) },
    });

    await fill(user, valid);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Organization address: this address is taken.')).toBeInTheDocument();
    expect(screen.getByLabelText('Organization address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('repeats the organization’s address on success', async () => {
    const { user } = renderApp(<SignUpForm baseDomain="localhost" />, {
      session: null,
      graphql: { SignUp: () => ({ data: { signUp: { message: 'We have emailed you a link to verify your address.', tenantHost: 'acme-corp.beacon.test' } } }) },
    });

    await fill(user, valid);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const [status] = await screen.findAllByRole('status');
    expect(status).toHaveTextContent('We have emailed you a link to verify your address.');
    expect(screen.getByTestId('tenant-host')).toHaveTextContent('acme-corp.beacon.test');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('offers a new verification link on the success screen, answering the same for any address', async () => {
    const { user, calls } = renderApp(<SignUpForm baseDomain="localhost" />, {
      session: null,
      graphql: {
        SignUp: () => ({ data: { signUp: { message: 'We have emailed you a link to verify your address.', tenantHost: 'acme-corp.localhost' } } }),
        ResendVerificationEmail: () => ({ data: { resendVerificationEmail: true } }),
      },
    });

    await fill(user, valid);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const resend = await screen.findByRole('button', { name: 'Resend verification email' });
    await user.click(resend);

    expect(await screen.findByText(/If an unverified account exists for ada@example\.com, we sent a new link\./)).toBeInTheDocument();
    expect(screen.getByTestId('resend-verification-outcome')).toHaveAttribute('role', 'status');
    expect(calls.at(-1)).toMatchObject({ operationName: 'ResendVerificationEmail', variables: { email: 'ada@example.com' } });
    expect(resend).toHaveFocus();
  });

  it('says how long to wait when resending is rate limited', async () => {
    const { user } = renderApp(<SignUpForm baseDomain="localhost" />, {
      session: null,
      graphql: {
        SignUp: () => ({ data: { signUp: { message: 'Check your inbox.', tenantHost: 'acme-corp.localhost' } } }),
        ResendVerificationEmail: () => gqlError('too many requests', { code: 'RATE_LIMITED', retryAfter: 42 }),
      },
    });

    await fill(user, valid);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.click(await screen.findByRole('button', { name: 'Resend verification email' }));

    expect(await screen.findByTestId('resend-verification-outcome')).toHaveTextContent('Try again in 42 seconds.');
  });
});

describe('SignUpRoute', () => {
  it('asks the server for BASE_DOMAIN, with a placeholder until it answers', async () => {
    const { calls } = renderApp(<SignUpRoute />, {
      session: null,
      host: 'fetch',
      graphql: { HostContext: () => ({ data: { serverInfo: { baseDomain: 'status.example.org' }, hostTenant: null } }) },
    });

    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('.status.example.org')).toBeInTheDocument();
    expect(calls.map((c) => c.operationName)).toEqual(['HostContext']);
  });

  it('falls back to a guess from the page’s host when the server cannot be asked', async () => {
    renderApp(<SignUpRoute />, { session: null, host: 'fetch', graphql: { HostContext: () => gqlError('boom', { code: 'INTERNAL_SERVER_ERROR' }) } });

    expect(await screen.findByText('.localhost')).toBeInTheDocument();
  });
});
