import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { SignUpForm } from './sign-up-form';
import { renderApp } from '@/test/render';

function renderForm() {
  return renderApp(<SignUpForm />, { session: null });
}


function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  }
}

const valid = {
  'Your name': 'Ada Lovelace',
  Email: 'ada@example.com',
  Password: 'correct horse battery',
  'Organization name': 'Acme',
  'Organization address': 'acme',
};

describe('SignUpForm', () => {
  it('shows each BAD_USER_INPUT message next to its field', async () => {
    const { calls } = mockGraphQL({
      SignUp: () =>
        gqlError('invalid input', {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'email', message: 'Enter a valid email address.' },
            { field: 'password', message: 'Use at least 10 characters.' },
          ],
        }),
    });
    renderForm();

    fill({ ...valid, Email: 'not-an-email', Password: 'short' });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Use at least 10 characters\./);
    expect(screen.getByLabelText('Your name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls[0]?.variables).toEqual({
      input: { name: 'Ada Lovelace', email: 'not-an-email', password: 'short', tenantName: 'Acme', tenantSlug: 'acme' },
    });
  });

  it('shows a taken organization address (CONFLICT) next to that field', async () => {
    mockGraphQL({ SignUp: () => gqlError('this address is taken', { code: 'CONFLICT', field: 'tenantSlug' }) });
    renderForm();

    fill(valid);
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('This address is taken.')).toBeInTheDocument();
    expect(screen.getByLabelText('Organization address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the message and the organization’s host on success', async () => {
    mockGraphQL({
      SignUp: () => ({ data: { signUp: { message: 'Check your inbox to verify your email.', tenantHost: 'acme.beacon.test' } } }),
    });
    renderForm();

    fill(valid);
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Check your inbox to verify your email.');
    expect(status).toHaveTextContent('acme.beacon.test');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
