import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { plots } from './uplot-mock';

// jsdom cannot draw on a canvas: charts get a uPlot that records what it was given.
vi.mock('uplot', async () => ({ default: (await import('./uplot-mock')).FakeUPlot }));

afterEach(() => {
  cleanup();
  plots.length = 0;
  sessionStorage.clear();
  localStorage.clear();
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

// jsdom does not scroll; virtualised lists call window.scrollTo.
Object.defineProperty(window, 'scrollTo', { value: () => undefined, configurable: true, writable: true });
