import type { IncidentImpact } from '@/gql/graphql';
import { SelectField } from '@/components/form';
import { IMPACT, IMPACTS } from './format';
import type { ImpactChoice, PageComponentOption } from './incident-draft';

const OPTIONS = [{ value: '', label: 'Not affected' }, ...IMPACTS.map((impact) => ({ value: impact, label: IMPACT[impact].label }))];

export interface AffectedComponentsFieldProps {
  components: readonly PageComponentOption[];
  value: ImpactChoice;
  onChange: (next: ImpactChoice) => void;
  /** Messages by component id (the server's `components.<index>.componentId`). */
  errors?: Readonly<Record<string, string>>;
}

/** One select per component of the page: not affected, or how badly. */
export function AffectedComponentsField({ components, value, onChange, errors = {} }: AffectedComponentsFieldProps) {
  return (
    <fieldset className="inc-affected">
      <legend className="form__label">Affected components</legend>
      {components.length === 0 ? (
        <p className="form__hint">This page has no components yet; the incident will name none.</p>
      ) : (
        <ul className="inc-affected__list">
          {components.map((component) => (
            <li key={component.id} className="inc-affected__row" data-testid="affected-choice">
              <SelectField
                label={component.group ? `${component.name} (${component.group})` : component.name}
                name={`component-${component.id}`}
                value={value[component.id] ?? ''}
                options={OPTIONS}
                error={errors[component.id]}
                onChange={(e) => onChange({ ...value, [component.id]: (e.target.value || undefined) as IncidentImpact | undefined })}
              />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
