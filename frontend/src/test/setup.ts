import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

// jsdom lacks the pointer-capture and scrolling APIs that Radix primitives call.
for (const [name, stub] of [
  ['hasPointerCapture', () => false],
  ['setPointerCapture', () => undefined],
  ['releasePointerCapture', () => undefined],
  ['scrollIntoView', () => undefined],
] as const) {
  if (!(name in Element.prototype)) Object.defineProperty(Element.prototype, name, { value: stub, configurable: true });
}
