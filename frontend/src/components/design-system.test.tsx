import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/test/render';
import { Button } from './button';
import { ConfirmButton } from './confirm-dialog';
import { DataTable } from './data-table';
import { TextField, useFormValidation, validators } from './form';
import { useToast } from './toast';

describe('Button', () => {
  it('has a variant class and becomes busy and disabled while pending', () => {
    const { rerender } = renderApp(<Button variant="danger">Delete</Button>);
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toHaveClass('button', 'button--danger');
    expect(button).toHaveAttribute('type', 'button');
    rerender(
      <Button variant="danger" pending pendingLabel="Deleting…">
        Delete
      </Button>,
    );
    expect(screen.getByRole('button', { name: 'Deleting…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Deleting…' })).toHaveAttribute('aria-busy', 'true');
  });
});

describe('ConfirmButton', () => {
  function renderConfirm() {
    const onConfirm = vi.fn();
    const result = renderApp(
      <ConfirmButton
        trigger={<Button variant="danger">Revoke</Button>}
        title="Revoke the key?"
        description="Scripts using it stop working."
        confirmLabel="Revoke key"
        onConfirm={onConfirm}
      />,
    );
    return { ...result, onConfirm };
  }

  it('asks first, with focus on Cancel; Escape cancels and focus returns to the button', async () => {
    const { user, onConfirm } = renderConfirm();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke the key?' });
    expect(dialog).toHaveAccessibleDescription('Scripts using it stop working.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Revoke key' })).toHaveClass('button--danger');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revoke' })).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('keeps Tab inside the dialog and acts on confirm', async () => {
    const { user, onConfirm } = renderConfirm();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Revoke key' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});

function ValidatedForm({ onValid }: { onValid: () => void }) {
  const [values, setValues] = useState({ name: '', email: '' });
  const { errors, handleSubmit } = useFormValidation<'name' | 'email'>({ name: validators.required('your name'), email: validators.email() });
  return (
    <form aria-label="Profile" noValidate onSubmit={handleSubmit(values, onValid)}>
      <TextField label="Name" name="name" value={values.name} error={errors.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
      <TextField label="Email" name="email" value={values.email} error={errors.email} onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))} />
      <button type="submit">Save</button>
    </form>
  );
}

describe('form validation', () => {
  it('names the field in each message and focuses the first invalid field', async () => {
    const onValid = vi.fn();
    const { user } = renderApp(<ValidatedForm onValid={onValid} />);

    await user.type(screen.getByLabelText('Email'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address in the form name@example.com.');

    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(onValid).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onValid).toHaveBeenCalledTimes(1);
  });
});

describe('validators.slug', () => {
  it('follows the server’s rule for organization addresses', () => {
    const check = validators.slug('the organization address');
    expect(check('acme-corp')).toBeUndefined();
    expect(check('ab')).toBe('The organization address must be 3 to 40 characters long.');
    expect(check('a'.repeat(41))).toBe('The organization address must be 3 to 40 characters long.');
    expect(check('-acme')).toMatch(/must start and end with a letter or digit/);
    expect(check('ac--me')).toMatch(/single dashes/);
    expect(check('Acme')).toMatch(/lowercase letters/);
  });
});

describe('DataTable', () => {
  it('labels each cell with its column for the small-screen card layout', () => {
    renderApp(
      <DataTable
        label="Keys"
        rows={[{ id: 'a', name: 'CI', scope: 'Read' }]}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Name', primary: true, cell: (r) => r.name },
          { header: 'Scope', cell: (r) => r.scope },
          { header: 'Actions', hideHeader: true, actions: true, cell: () => <button type="button">Revoke</button> },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Keys' });
    expect(within(table).getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Read' })).toHaveAttribute('data-label', 'Scope');
    expect(within(table).getByRole('cell', { name: 'CI' })).not.toHaveAttribute('data-label');
  });
});

function Notifier() {
  const toast = useToast();
  return (
    <button type="button" onClick={() => toast({ title: 'Saved', description: 'Your changes are live.' })}>
      Save
    </button>
  );
}

describe('toasts', () => {
  it('acknowledges a saved change, and can be dismissed', async () => {
    const { user } = renderApp(<Notifier />);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(screen.getByText('Your changes are live.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    await vi.waitFor(() => expect(screen.queryByText('Your changes are live.')).not.toBeInTheDocument());
  });
});
