import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { CheckboxField, FormAlert, splitErrors, TextField, useFormValidation, validators } from '@/components/form';
import type { StatusPageInput } from '@/gql/graphql';
import { slugify, urlOnHost } from '@/lib/hosts';
import { useSession } from '@/lib/session';
import { pagePath, pageSlug } from './editor-format';
import { TextAreaField } from './text-area-field';

type Field = 'title' | 'slug' | 'description';
const FIELDS: readonly Field[] = ['title', 'slug', 'description'];
const RULES = { title: validators.required('a title for the page'), slug: pageSlug };

export interface PageDetailsFormProps {
  /** The form's accessible name, e.g. "Create status page". */
  label: string;
  initial: { title: string; slug: string; description: string; autoPublishOutages: boolean };
  /** When the slug follows the title until edited (a new page that is not the default one). */
  suggestSlug?: boolean;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: StatusPageInput) => void;
  /** Called on any change (to reset a finished mutation's state). */
  onEdit?: () => void;
}

/**
 * A page's title, path (with the public address it gives, live) and description. Mistakes are
 * named under their field, the client's first, then the server's (`extensions.fields`).
 */
export function PageDetailsForm({ label, initial, suggestSlug = false, submitLabel, pendingLabel, pending, error, onSubmit, onEdit }: PageDetailsFormProps) {
  const { session } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [slugEdited, setSlugEdited] = useState(!suggestSlug);
  const [autoPublish, setAutoPublish] = useState(initial.autoPublishOutages);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(RULES);
  const { fields: serverFields, general } = splitErrors(error, FIELDS, {
    FORBIDDEN: 'Only members, admins and owners can change status pages.',
  });

  // The server's field errors move focus to the first field they name, like the form's own.
  useEffect(() => {
    const first = Array.from(formRef.current?.elements ?? []).find(
      (el): el is HTMLInputElement | HTMLTextAreaElement => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.name in serverFields,
    );
    first?.focus();
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  const set = (field: Field, value: string) => {
    clearError(field);
    onEdit?.();
    setValues((current) => {
      const next = { ...current, [field]: value };
      if (field === 'title' && !slugEdited) next.slug = slugify(value);
      return next;
    });
  };

  const slug = values.slug.trim().toLowerCase();
  const host = session?.tenant.host ?? window.location.host;
  const preview = urlOnHost(host, pagePath(slug));

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form
        ref={formRef}
        className="form"
        aria-label={label}
        noValidate
        onSubmit={handleSubmit(values, () =>
          onSubmit({ title: values.title.trim(), slug, description: values.description.trim(), autoPublishOutages: autoPublish }),
        )}
      >
        <TextField
          label="Title"
          name="title"
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title ?? serverFields.title}
          hint="Shown at the top of the page, e.g. “Acme status”."
          required
          maxLength={200}
        />
        <TextField
          label="Path"
          name="slug"
          value={values.slug}
          onChange={(e) => {
            setSlugEdited(true);
            set('slug', e.target.value);
          }}
          error={errors.slug ?? serverFields.slug}
          placeholder="Empty for the main page"
          autoCapitalize="off"
          autoComplete="off"
          spellCheck={false}
          hint={
            <>
              {slug === '' ? 'The main page of your organization’s address. ' : null}
              Public address: <span className="sp-editor__url" data-testid="page-url-preview">{preview}</span>
            </>
          }
        />
        <TextAreaField
          label="Description"
          name="description"
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          error={errors.description ?? serverFields.description}
          hint="Optional: a sentence under the title, e.g. what the page covers."
          rows={3}
          maxLength={500}
        />
        <CheckboxField
          label="Publish detected outages automatically"
          name="autoPublishOutages"
          checked={autoPublish}
          onChange={(e) => {
            onEdit?.();
            setAutoPublish(e.target.checked);
          }}
          hint="When a monitor on this page goes down, an incident is posted here by itself and resolved when it recovers. Otherwise, publish outages from Incidents."
        />
        <div className="form__actions">
          <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
