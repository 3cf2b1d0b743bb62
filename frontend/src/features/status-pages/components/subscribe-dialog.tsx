import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { Button } from '@/components/button';
import '@/components/dialog.css';
import type { PublicPage } from '../api/get-public-status-page';
import { MailIcon } from './mail-icon';
import { SubscribeForm } from './subscribe-form';
import './subscribe.css';

/**
 * "Subscribe to updates" in the public page's header: a dialog with the subscription form.
 * After the server answered, the dialog shows that answer and "Done"; opening it again starts
 * a new form.
 */
export function SubscribeDialog({ page, slug, accessToken = null }: { page: PublicPage; slug: string; accessToken?: string | null }) {
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
          <MailIcon className="sp-subscribe__icon" />
          Subscribe<span className="sp-subscribe__more"> to updates</span>
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
            accessToken={accessToken}
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
