import './feedback.css';

/** Grey placeholder lines shaped like the content that is loading (decorative). */
export function Skeleton({ lines = 3, variant = 'rows' }: { lines?: number; variant?: 'rows' | 'text' }) {
  return (
    <div className={`skeleton skeleton--${variant}`} aria-hidden="true" data-testid="skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton__line" />
      ))}
    </div>
  );
}
