import { useId, useState, type FormEvent } from 'react';
import { FormAlert, TextField, splitErrors } from '@/components/form';
import type { ApiKeyScope } from '@/gql/graphql';
import { useCreateApiKey } from '../api/create-api-key';
import { SCOPE_LABELS } from './format';
import { NewSecret } from './new-secret';

const FORBIDDEN_MESSAGE = 'Only owners and admins can create API keys.';

/** Creates an API key and shows its secret once. */
export function CreateApiKeyForm() {
  const createApiKey = useCreateApiKey();
  const scopeId = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('READ');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { fields, general } = splitErrors(createApiKey.error, ['name', 'scope'], { FORBIDDEN: FORBIDDEN_MESSAGE });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    createApiKey.mutate(
      { name: name.trim(), scope },
      {
        onSuccess: (result) => {
          setCreated({ name: result.key.name, secret: result.secret });
          setName('');
        },
      },
    );
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {created ? <NewSecret name={created.name} secret={created.secret} onDismiss={() => setCreated(null)} /> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Create API key">
        <TextField
          label="Key name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="What the key is for, e.g. “CI deploys”."
          required
        />
        <div className="form__field">
          <label className="form__label" htmlFor={scopeId}>
            Scope
          </label>
          <select
            id={scopeId}
            className="api-keys__select"
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as ApiKeyScope)}
          >
            <option value="READ">{SCOPE_LABELS.READ}</option>
            <option value="READ_WRITE">{SCOPE_LABELS.READ_WRITE}</option>
          </select>
          {fields.scope ? <p className="form__error">{fields.scope}</p> : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={createApiKey.isPending}>
            {createApiKey.isPending ? 'Creating…' : 'Create API key'}
          </button>
        </div>
      </form>
    </>
  );
}
