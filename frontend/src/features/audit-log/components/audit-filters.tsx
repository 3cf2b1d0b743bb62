import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/form';
import type { AuditFilter } from '@/gql/graphql';

/** Non-empty, trimmed filter fields, or null when none is set. */
export function toAuditFilter(action: string, entityType: string): AuditFilter | null {
  const filter: AuditFilter = {};
  if (action.trim()) filter.action = action.trim();
  if (entityType.trim()) filter.entityType = entityType.trim();
  return Object.keys(filter).length > 0 ? filter : null;
}

/** Filters the audit log by action and entity type; applies on submit. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter | null) => void }) {
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(toAuditFilter(action, entityType));
  };

  return (
    <form className="form audit__filters" onSubmit={onSubmit} aria-label="Filter audit events">
      <TextField
        label="Action"
        name="action"
        placeholder="e.g. api_key.created"
        value={action}
        onChange={(e) => setAction(e.target.value)}
      />
      <TextField
        label="Entity type"
        name="entityType"
        placeholder="e.g. api_key"
        value={entityType}
        onChange={(e) => setEntityType(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button--link"
          onClick={() => {
            setAction('');
            setEntityType('');
            onApply(null);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
