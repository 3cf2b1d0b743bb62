import type { AlertChannelKind } from '@/gql/graphql';
import { kindSpec } from './kinds';

/** A small square with the kind's monogram in its brand-like colour; decorative (the kind is named in text). */
export function KindIcon({ kind, size = 'md' }: { kind: AlertChannelKind; size?: 'md' | 'lg' }) {
  const spec = kindSpec(kind);
  return (
    <span className={`kind-icon kind-icon--${kind.toLowerCase().replaceAll('_', '-')}${size === 'lg' ? ' kind-icon--lg' : ''}`} aria-hidden="true">
      {spec.monogram}
    </span>
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
