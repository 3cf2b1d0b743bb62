/**
 * CSP-safe drop-in for the `react-style-singleton` package (aliased in vite.config.ts).
 *
 * The original injects `<style>` elements (used by react-remove-scroll inside
 * GraphiQL's Radix dialogs), which the server's `style-src 'self'` CSP refuses.
 * This version applies the same CSS through a constructable stylesheet adopted by
 * the document; CSSOM is not subject to `style-src`.
 */
import { useEffect } from 'react';

interface Sheet {
  add(style: string): void;
  remove(): void;
}

function canAdopt(): boolean {
  return typeof document !== 'undefined' && typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in document;
}

export function stylesheetSingleton(): Sheet {
  let counter = 0;
  let sheet: CSSStyleSheet | null = null;
  return {
    add(style) {
      if (counter === 0 && canAdopt()) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(style);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      counter++;
    },
    remove() {
      counter--;
      if (counter === 0 && sheet) {
        const current = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== current);
        sheet = null;
      }
    },
  };
}

export function styleHookSingleton() {
  const sheet = stylesheetSingleton();
  return function useStyle(styles: string, isDynamic?: boolean) {
    const key = isDynamic ? styles : '';
    useEffect(() => {
      sheet.add(styles);
      return () => {
        sheet.remove();
      };
      // Like the original: re-apply only when dynamic styles change.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [key]);
  };
}

export function styleSingleton() {
  const useStyle = styleHookSingleton();
  function Sheet({ styles, dynamic }: { styles: string; dynamic?: boolean }) {
    useStyle(styles, dynamic);
    return null;
  }
  return Sheet;
}
