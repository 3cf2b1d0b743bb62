import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { Button } from '@/components/button';
import '@/components/dialog.css';
import type { PublicPage } from '../api/get-public-status-page';
import { SubscribeForm } from './subscribe-form';
import './subscribe.css';

/**
 * "Subscribe to updates" in the public page's header: a dialog with the subscription form.
 * After the server answered, the dialog shows that answer and "Done"; opening it again starts
 * a new form.
 */
export function SubscribeDialog({ page, slug }: { page: PublicPage; slug: string }) {
  const [open, setOpen] = useState(false);
  // A new form (and a new request) each time the dialog opens.
  const [round, setRound] = useState(0);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setRound((r) => r + 1);
      }}
    >
      <Dialog.Trigger asChild>
        <Button size="sm" className="sp-subscribe__trigger">
          <svg className="sp-subscribe__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M3 5.5A1.5 1.5 0 0 1 4.5 4h11A1.5 1.5 0 0 1 17 5.5v9a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5v-9Zm1.6.2 5.4 4.2 5.4-4.2H4.6Zm10.9 1.6-5.04 3.92a.75.75 0 0 1-.92 0L4.5 7.3v7.2h11V7.3Z" />
          </svg>
          Subscribe to updates
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog__content sp-subscribe__dialog">
          <Dialog.Title className="dialog__title">Subscribe to updates</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Get an email when {page.organization} posts an incident or maintenance on “{page.title}”.
          </Dialog.Description>
          <SubscribeForm
            key={round}
            slug={slug}
            components={page.components}
            renderClose={(label) => (
              <Dialog.Close asChild>
                <Button variant={label === 'Done' ? 'primary' : 'secondary'}>{label}</Button>
              </Dialog.Close>
            )}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
