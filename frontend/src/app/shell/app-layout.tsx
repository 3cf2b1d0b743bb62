import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { ToastProvider } from '@/components/toast';
import { useSession } from '@/lib/session';
import { Brand } from './brand';
import { SidebarContent } from './sidebar';

/**
 * The signed-in shell: a sidebar on wide screens; below 768 px a top bar whose "Menu" button
 * opens the same navigation in a drawer (focus kept inside, Escape closes). Toasts live here:
 * only signed-in pages acknowledge saved changes.
 */
export function AppLayout() {
  const { session } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  if (!session) return null;

  return (
    <ToastProvider>
      <div className="app-shell">
      <aside className="sidebar" aria-label="Sidebar">
        <div className="sidebar__brand">
          <Brand />
        </div>
        <SidebarContent session={session} />
      </aside>
      <header className="topbar">
        <Brand />
        <Dialog.Root open={menuOpen} onOpenChange={setMenuOpen}>
          <Dialog.Trigger className="topbar__menu-button" aria-label="Open menu">
            <span className="topbar__menu-icon" aria-hidden="true" />
            Menu
          </Dialog.Trigger>
          <Dialog.Portal>
            <Dialog.Overlay className="dialog__overlay" />
            <Dialog.Content className="drawer" aria-describedby={undefined}>
              <div className="drawer__header">
                <Dialog.Title className="drawer__title">Menu</Dialog.Title>
                <Dialog.Close className="drawer__close" aria-label="Close menu">
                  ×
                </Dialog.Close>
              </div>
              <SidebarContent session={session} onNavigate={() => setMenuOpen(false)} />
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      </header>
      <main id="main" className="app-shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      </div>
    </ToastProvider>
  );
}
