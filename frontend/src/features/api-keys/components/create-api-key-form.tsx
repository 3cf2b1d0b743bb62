import { useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormAlert, SelectField, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { useToast } from '@/components/toast';
import type { ApiKeyScope } from '@/gql/graphql';
import { useCreateApiKey } from '../api/create-api-key';
import { SCOPE_LABELS } from './format';
import { NewSecret } from './new-secret';
import { useUnsavedGuard } from './use-unsaved-secret-guard';

const FORBIDDEN_MESSAGE = 'Only owners and admins can create API keys.';
const RULES = { name: validators.required('a name for the key') } as const;
const SCOPE_OPTIONS = [
  { value: 'READ', label: `${SCOPE_LABELS.READ} — query only` },
  { value: 'READ_WRITE', label: `${SCOPE_LABELS.READ_WRITE} — queries and changes` },
];

/**
 * Creates an API key and shows its secret once. Until the user confirms they saved it, leaving
 * the page asks first (the secret cannot be shown again); the form is ready for the next key.
 */
export function CreateApiKeyForm() {
  const createApiKey = useCreateApiKey();
  const toast = useToast();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('READ');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { errors, handleSubmit, clearError } = useFormValidation<'name'>(RULES);
  const { fields, general } = splitErrors(createApiKey.error, ['name', 'scope'], { FORBIDDEN: FORBIDDEN_MESSAGE });
  const blocker = useUnsavedGuard(created !== null);

  const onValid = () => {
    setCreated(null);
    createApiKey.mutate(
      { name: name.trim(), scope },
      {
        onSuccess: (result) => {
          setCreated({ name: result.key.name, secret: result.secret });
          setName('');
          setScope('READ');
          toast({ title: 'API key created', description: `Copy the secret of “${result.key.name}” now.` });
        },
      },
    );
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {created ? <NewSecret name={created.name} secret={created.secret} onDismiss={() => setCreated(null)} /> : null}
      <form className="form" onSubmit={handleSubmit({ name }, onValid)} noValidate aria-label="Create API key">
        <div className="form--inline form__group">
          <TextField
            label="Key name"
            name="name"
            value={name}
            onChange={(e) => {
              clearError('name');
              setName(e.target.value);
            }}
            error={errors.name ?? fields.name}
            hint="What the key is for, e.g. “CI deploys”."
            required
          />
          <SelectField
            label="Scope"
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as ApiKeyScope)}
            error={fields.scope}
            hint="Read-only keys act as a viewer; read & write keys as a member."
            options={SCOPE_OPTIONS}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" pending={createApiKey.isPending} pendingLabel="Creating…">
            Create API key
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        onOpenChange={(open) => {
          if (!open && blocker.state === 'blocked') blocker.reset();
        }}
        title="Leave without saving the key?"
        description="The secret of the new API key is shown only once. If you leave now without copying it, you will have to create another key."
        confirmLabel="Leave anyway"
        cancelLabel="Stay on this page"
        onConfirm={() => {
          if (blocker.state === 'blocked') blocker.proceed();
        }}
      />
    </>
  );
}
