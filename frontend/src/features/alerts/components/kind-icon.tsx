import type { AlertChannelKind } from '@/gql/graphql';
import { kindSpec } from './kinds';

/**
 * A small square with the kind's monogram in its brand-like colour; decorative (the kind is named
 * in text). The monogram is drawn by CSS from `data-monogram`, so it is not part of the text of a
 * heading or link the icon sits in.
 */
export function KindIcon({ kind, size = 'md' }: { kind: AlertChannelKind; size?: 'md' | 'lg' }) {
  const spec = kindSpec(kind);
  return (
    <span
      className={`kind-icon kind-icon--${kind.toLowerCase().replaceAll('_', '-')}${size === 'lg' ? ' kind-icon--lg' : ''}`}
      data-monogram={spec.monogram}
      aria-hidden="true"
    />
  );
}

/** The icon and the kind's name. */
export function KindLabel({ kind }: { kind: AlertChannelKind }) {
  return (
    <span className="kind-label">
      <KindIcon kind={kind} />
      <span>{kindSpec(kind).label}</span>
    </span>
  );
}
