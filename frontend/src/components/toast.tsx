import * as RadixToast from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import './toast.css';

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: 'success' | 'error' | 'info';
}

interface ToastItem extends ToastMessage {
  id: number;
}

type Notify = (message: ToastMessage) => void;

const ToastContext = createContext<Notify | null>(null);

/** Shows a short confirmation ("Role changed") in the corner, announced to screen readers. */
export function useToast(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error('useToast must be used inside <ToastProvider>');
  return notify;
}

let nextId = 1;

/** Holds the toasts of the app; put it once around everything that may call {@link useToast}. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  const notify = useCallback<Notify>((message) => {
    const id = nextId++;
    setToasts((current) => [...current.slice(-2), { ...message, id }]);
  }, []);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const value = useMemo(() => notify, [notify]);

  return (
    <ToastContext.Provider value={value}>
      <RadixToast.Provider duration={5000} swipeDirection="right" label="Notification">
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            className={`toast toast--${toast.tone ?? 'success'}`}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) dismiss(toast.id);
            }}
          >
            <span className="toast__icon" aria-hidden="true">
              {toast.tone === 'error' ? '!' : '✓'}
            </span>
            <div className="toast__text">
              <RadixToast.Title className="toast__title">{toast.title}</RadixToast.Title>
              {toast.description ? <RadixToast.Description className="toast__description">{toast.description}</RadixToast.Description> : null}
            </div>
            <RadixToast.Close className="toast__close" aria-label="Dismiss notification">
              ×
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="toast__viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}
