import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { SessionContext, type SessionContextValue } from '@/lib/session';
import { SessionStore } from './session-store';

/** Provides the in-memory session (see {@link SessionStore}) to the whole app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [store] = useState(() => new SessionStore(() => queryClient.removeQueries({ queryKey: ['me'] })));
  const { status, session } = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  const value = useMemo<SessionContextValue>(
    () => ({ status, session, signIn: store.signIn, logOut: store.logOut, clear: store.clear }),
    [status, session, store],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
