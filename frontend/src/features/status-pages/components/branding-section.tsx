import { useId, useState, type ChangeEvent } from 'react';
import { Button, buttonClass } from '@/components/button';
import { FormAlert, splitErrors } from '@/components/form';
import { Section } from '@/components/page';
import { useToast } from '@/components/toast';
import type { StatusPageImageKind } from '@/gql/graphql';
import { useRemoveStatusPageImage, useSetStatusPageImage } from '../api/status-pages';
import './branding.css';

/** Image types the server takes (it sniffs the content too). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** The server's upload limit: 512 KiB. */
export const MAX_IMAGE_BYTES = 512 * 1024;

const KINDS: Record<StatusPageImageKind, { noun: string; title: string; maxPixels: number; hint: string }> = {
  LOGO: { noun: 'logo', title: 'Logo', maxPixels: 4096, hint: 'Shown in the page’s header, at most 3 rem high.' },
  FAVICON: { noun: 'favicon', title: 'Favicon', maxPixels: 1024, hint: 'The icon of the browser tab; a square image works best.' },
};

/** Why `file` cannot be uploaded, before asking the server; undefined when it may be. */
export function checkImageFile(file: File): string | undefined {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not a PNG, JPEG or WebP image. Choose one of those.`;
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return `“${file.name}” is ${Math.ceil(file.size / 1024)} KiB; the most is 512 KiB. Save it smaller and try again.`;
  }
  return undefined;
}

interface ImageFieldProps {
  pageId: string;
  kind: StatusPageImageKind;
  url: string | null | undefined;
  pageTitle: string;
  canEdit: boolean;
}

function ImageField({ pageId, kind, url, pageTitle, canEdit }: ImageFieldProps) {
  const id = useId();
  const { noun, title, maxPixels, hint } = KINDS[kind];
  const upload = useSetStatusPageImage(pageId, kind);
  const remove = useRemoveStatusPageImage(pageId, kind);
  const toast = useToast();
  const [clientError, setClientError] = useState<string | null>(null);
  const uploadErrors = splitErrors(upload.error, ['file']);
  const removeErrors = splitErrors(remove.error, []);
  const fieldError = clientError ?? uploadErrors.fields.file ?? null;
  const generalError = clientError ? null : (uploadErrors.general ?? removeErrors.general);
  const busy = upload.isPending || remove.isPending;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Let the same file be chosen again after fixing it.
    event.target.value = '';
    if (!file) return;
    upload.reset();
    remove.reset();
    const problem = checkImageFile(file);
    setClientError(problem ?? null);
    if (problem) return;
    upload.mutate(file, { onSuccess: () => toast({ title: `${title} updated`, description: pageTitle }) });
  };

  return (
    <div className="sp-brand" data-testid={`branding-${noun}`} aria-busy={busy || undefined}>
      <h3 className="sp-brand__title">{title}</h3>
      <div className={`sp-brand__preview sp-brand__preview--${noun}`}>
        {url ? <img src={url} alt={`Current ${noun}`} className="sp-brand__image" /> : <p className="muted">No {noun} yet.</p>}
      </div>
      {canEdit ? (
        <>
          <div className="sp-brand__actions">
            <input
              id={id}
              type="file"
              className="sp-brand__input visually-hidden"
              accept={IMAGE_TYPES.join(',')}
              disabled={busy}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={[fieldError ? errorId : null, hintId].filter(Boolean).join(' ')}
              onChange={onChange}
            />
            <label htmlFor={id} className={buttonClass('secondary', 'sm', 'sp-brand__upload')}>
              {upload.isPending ? (
                <>
                  <span className="button__spinner" aria-hidden="true" />
                  Uploading…
                </>
              ) : (
                <>
                  Upload<span className="visually-hidden"> a {noun}</span>…
                </>
              )}
            </label>
            {url ? (
              <Button
                size="sm"
                variant="ghost"
                pending={remove.isPending}
                pendingLabel="Removing…"
                disabled={upload.isPending}
                onClick={() => {
                  setClientError(null);
                  upload.reset();
                  remove.mutate(undefined, { onSuccess: () => toast({ title: `${title} removed`, description: pageTitle }) });
                }}
              >
                Remove<span className="visually-hidden"> the {noun}</span>
              </Button>
            ) : null}
          </div>
          {fieldError ? (
            <p className="form__error" id={errorId} role="alert">
              <span className="form__error-icon" aria-hidden="true">
                ⚠
              </span>
              {fieldError}
            </p>
          ) : null}
          {generalError ? <FormAlert>{generalError}</FormAlert> : null}
          <p className="form__hint" id={hintId}>
            PNG, JPEG or WebP, at most 512 KiB and {maxPixels}×{maxPixels} pixels. {hint}
          </p>
        </>
      ) : null}
    </div>
  );
}

/** A page's logo and favicon: previews for everyone, upload and removal for members and above. */
export function BrandingSection({
  page,
  canEdit,
}: {
  page: { id: string; title: string; logoUrl?: string | null; faviconUrl?: string | null };
  canEdit: boolean;
}) {
  return (
    <Section title="Branding" lead={canEdit ? 'Your logo in the page’s header, and its icon in the browser tab.' : undefined}>
      <div className="sp-branding">
        <ImageField pageId={page.id} kind="LOGO" url={page.logoUrl} pageTitle={page.title} canEdit={canEdit} />
        <ImageField pageId={page.id} kind="FAVICON" url={page.faviconUrl} pageTitle={page.title} canEdit={canEdit} />
      </div>
    </Section>
  );
}
