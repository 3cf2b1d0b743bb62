import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, SelectField, splitErrors } from '@/components/form';
import '@/components/dialog.css';
import { usePageOptions, usePublishOutage } from '../api/publish-outage';

const ERRORS = {
  CONFLICT: 'This outage is already published on that page.',
  FORBIDDEN: 'Only members, admins and owners can publish outages.',
  NOT_FOUND: 'The outage or the page no longer exists. Reload and try again.',
};

function PublishForm({ outageId, monitorId, monitorName }: { outageId: string; monitorId: string; monitorName: string }) {
  const pages = usePageOptions(true);
  const publish = usePublishOutage();
  const [pageId, setPageId] = useState('');
  const list = pages.data ?? [];
  const shows = (page: (typeof list)[number]) => page.components.some((c) => c.monitorId === monitorId);
  // Pages that show the monitor first: only those can publish its outage.
  const ordered = [...list.filter(shows), ...list.filter((p) => !shows(p))];
  const chosen = pageId || ordered[0]?.id || '';
  const { fields, general } = splitErrors(publish.error, ['outageId', 'pageId'], ERRORS, {
    outageId: (message) => `${message} Add ${monitorName} to the page’s components first, or choose another page.`,
  });

  if (pages.isPending) {
    return (
      <p className="muted" role="status">
        Loading status pages…
      </p>
    );
  }
  if (pages.isError) return <FormAlert>Could not load status pages: {pages.error.message}</FormAlert>;
  if (list.length === 0) {
    return (
      <p className="muted">
        This organization has no status page yet. <Link to="/app/status-pages/new">Create one</Link> first.
      </p>
    );
  }
  if (publish.isSuccess) {
    const incident = publish.data;
    return (
      <FormAlert tone="success">
        <p>
          Published as “{incident.title}”.{' '}
          <Link to={`/app/status-pages/${incident.pageId}/incidents/${incident.id}`}>Open the incident</Link> to post updates; it resolves by itself when{' '}
          {monitorName} recovers.
        </p>
      </FormAlert>
    );
  }
  return (
    <form
      className="form"
      aria-label="Publish on a status page"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        publish.mutate({ pageId: chosen, outageId });
      }}
    >
      {general ? <FormAlert>{general}</FormAlert> : null}
      <SelectField
        label="Status page"
        name="pageId"
        value={chosen}
        options={ordered.map((p) => ({
          value: p.id,
          label: `${p.title} — ${p.url.replace(/^https?:\/\//, '')}${shows(p) ? '' : ` (does not show ${monitorName})`}`,
        }))}
        error={fields.outageId ?? fields.pageId}
        onChange={(e) => {
          publish.reset();
          setPageId(e.target.value);
        }}
        hint="Visitors see it as an incident with its first update, on the components that show this monitor."
      />
      <div className="form__actions">
        <Button type="submit" pending={publish.isPending} pendingLabel="Publishing…">
          Publish
        </Button>
      </div>
    </form>
  );
}

/** "Publish on status page" for a detected outage: choose a page, publish, and see where it went. */
export function PublishOutageButton({ outageId, monitorId, monitorName }: { outageId: string; monitorId: string; monitorName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm">
          Publish on status page<span className="visually-hidden">: the {monitorName} outage</span>
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog__content">
          <Dialog.Title className="dialog__title">Publish on a status page</Dialog.Title>
          <Dialog.Description className="dialog__description">Tell visitors about the {monitorName} outage.</Dialog.Description>
          {open ? <PublishForm outageId={outageId} monitorId={monitorId} monitorName={monitorName} /> : null}
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button variant="ghost">Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
