import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactElement, ReactNode } from 'react';
import { Button } from './button';
import './dialog.css';

interface ConfirmContentProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Destructive actions are red. */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
}

function ConfirmContent({ title, description, confirmLabel, cancelLabel = 'Cancel', tone = 'danger', onConfirm }: ConfirmContentProps) {
  return (
    <AlertDialog.Portal>
      <AlertDialog.Overlay className="dialog__overlay" />
      <AlertDialog.Content className="dialog__content dialog__content--small">
        <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
        <AlertDialog.Description asChild>
          <div className="dialog__description">{description}</div>
        </AlertDialog.Description>
        <div className="dialog__actions">
          {/* Radix focuses Cancel first, so Enter on an accidental open does nothing harmful. */}
          <AlertDialog.Cancel asChild>
            <Button variant="secondary">{cancelLabel}</Button>
          </AlertDialog.Cancel>
          <AlertDialog.Action asChild>
            <Button variant={tone} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  );
}

/**
 * A button that asks before acting: it opens a dialog naming the consequence; Escape or
 * Cancel closes it without acting, and focus returns to the button.
 */
export function ConfirmButton({ trigger, ...content }: ConfirmContentProps & { trigger: ReactElement }) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <ConfirmContent {...content} />
    </AlertDialog.Root>
  );
}

/** The same confirmation, opened by the caller (e.g. after a select changes). */
export function ConfirmDialog({
  open,
  onOpenChange,
  ...content
}: ConfirmContentProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <ConfirmContent {...content} />
    </AlertDialog.Root>
  );
}
