import { Button } from '@/components/button';
import { SelectField } from '@/components/form';
import type { AuditFilter } from '@/gql/graphql';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './summarize';

/** Non-empty filter fields, or null when none is set. */
export function toAuditFilter(action: string, entityType: string): AuditFilter | null {
  const filter: AuditFilter = {};
  if (action.trim()) filter.action = action.trim();
  if (entityType.trim()) filter.entityType = entityType.trim();
  return Object.keys(filter).length > 0 ? filter : null;
}

const ACTION_OPTIONS = [{ value: '', label: 'Any action' }, ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))];
const ENTITY_OPTIONS = [{ value: '', label: 'Anything' }, ...Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => ({ value, label }))];

/** Action and entity menus; a change applies at once. */
export function AuditFilters({ filter, onChange }: { filter: AuditFilter | null; onChange: (filter: AuditFilter | null) => void }) {
  const action = filter?.action ?? '';
  const entityType = filter?.entityType ?? '';
  return (
    <form className="form form--inline audit__filters" aria-label="Filter audit events" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Action" name="action" value={action} options={ACTION_OPTIONS} onChange={(e) => onChange(toAuditFilter(e.target.value, entityType))} />
      <SelectField label="About" name="entityType" value={entityType} options={ENTITY_OPTIONS} onChange={(e) => onChange(toAuditFilter(action, e.target.value))} />
      <div className="audit__clear">
        <Button variant="ghost" disabled={!filter} onClick={() => onChange(null)}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
