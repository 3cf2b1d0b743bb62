import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render';
import { ForgotPasswordForm } from './forgot-password-form';

describe('ForgotPasswordForm', () => {
  it('refuses an empty address without asking the server', async () => {
    const { user, calls } = renderApp(<ForgotPasswordForm />, { session: null, graphql: {} });

    await user.click(screen.getByRole('button', { name: 'Email me a reset link' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter the email address of your account.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(calls).toHaveLength(0);
  });

  it('refuses a malformed address, then sends a valid one', async () => {
    const { user, calls } = renderApp(<ForgotPasswordForm />, {
      session: null,
      graphql: { RequestPasswordReset: () => ({ data: { requestPasswordReset: true } }) },
    });

    await user.type(screen.getByLabelText('Email'), 'ada@');
    await user.click(screen.getByRole('button', { name: 'Email me a reset link' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/in the form name@example\.com/);
    expect(calls).toHaveLength(0);

    await user.type(screen.getByLabelText('Email'), 'example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a reset link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('If ada@example.com has a Beacon account');
    expect(calls[0]?.variables).toEqual({ email: 'ada@example.com' });
  });
});
