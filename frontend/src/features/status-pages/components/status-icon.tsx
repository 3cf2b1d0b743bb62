import type { Tone } from './format';

/** A status's shape, so colour is never the only cue: ✓ good, ! minor, half partial, × major, wrench, – none. */
export function StatusIcon({ tone, className }: { tone: Tone; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="10" fill="currentColor" />
      {tone === 'good' ? <path d="M5.5 10.5l3 3 6-6.5" fill="none" stroke="var(--sp-icon-mark, #fff)" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" /> : null}
      {tone === 'minor' ? (
        <>
          <path d="M10 5v6" stroke="var(--sp-icon-mark, #fff)" strokeWidth="2.2" strokeLinecap="round" />
          <circle cx="10" cy="14.5" r="1.3" fill="var(--sp-icon-mark, #fff)" />
        </>
      ) : null}
      {tone === 'partial' ? <path d="M10 4.5a5.5 5.5 0 0 1 0 11z" fill="var(--sp-icon-mark, #fff)" /> : null}
      {tone === 'major' ? <path d="M6.5 6.5l7 7M13.5 6.5l-7 7" stroke="var(--sp-icon-mark, #fff)" strokeWidth="2.2" strokeLinecap="round" /> : null}
      {tone === 'maintenance' ? (
        <path d="M12.8 5.2a3 3 0 0 0-3.6 3.9l-3.8 3.8 1.7 1.7 3.8-3.8a3 3 0 0 0 3.9-3.6l-1.7 1.7-1.6-.4-.4-1.6z" fill="var(--sp-icon-mark, #fff)" />
      ) : null}
      {tone === 'none' ? <path d="M6.5 10h7" stroke="var(--sp-icon-mark, #fff)" strokeWidth="2.2" strokeLinecap="round" /> : null}
    </svg>
  );
}
