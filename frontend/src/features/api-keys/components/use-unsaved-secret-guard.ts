import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `active`, warns before the page is left: the browser's own prompt on reload/close
 * (beforeunload), and a blocker for in-app navigation that the caller confirms or cancels.
 */
export function useUnsavedGuard(active: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);

  return blocker;
}
