import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { Button } from '@/components/button';
import { CopyButton } from '@/components/copy-button';
import '@/components/dialog.css';

/**
 * A webhook's signing secret, shown this once. Clicking outside does not close it (the secret
 * would be lost by accident); “I’ve saved it” or Escape does.
 */
export function SigningSecretDialog({
  secret,
  title,
  children,
  onDone,
  onCloseFocus,
}: {
  secret: string | null;
  title: string;
  children?: ReactNode;
  onDone: () => void;
  /** Where focus goes on closing (the dialog opens without a trigger to return to). */
  onCloseFocus: () => void;
}) {
  return (
    <Dialog.Root
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) onDone();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content
          className="dialog__content"
          onPointerDownOutside={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onCloseFocus();
          }}
        >
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="dialog__description">
              <p>Your receiver uses this secret to check that requests really come from Beacon.</p>
              {children}
            </div>
          </Dialog.Description>
          <div className="alert-secret">
            <code className="alert-secret__value" data-testid="signing-secret">
              {secret}
            </code>
            <CopyButton text={secret ?? ''} label="Copy signing secret" />
          </div>
          <p className="alert-secret__note">
            <span aria-hidden="true">⚠ </span>Copy it now: you won’t see it again. If you lose it, rotate the secret on the channel’s page.
          </p>
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button>I’ve saved it</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
