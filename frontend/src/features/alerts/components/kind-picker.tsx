import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { AlertChannelKind } from '@/gql/graphql';
import { KindIcon } from './kind-icon';
import { KINDS } from './kinds';

export function kindParam(kind: AlertChannelKind): string {
  return kind.toLowerCase().replaceAll('_', '-');
}

/**
 * The kinds as a grid of cards (links to `?kind=…`). Tab reaches the grid once more per card;
 * arrow keys move between cards in reading order and by rows, Home/End to the first and last.
 */
export function KindPicker() {
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    // Cards per row, from their positions (the grid reflows with the width).
    const top = links[0]?.offsetTop ?? 0;
    const perRow = Math.max(1, links.filter((l) => l.offsetTop === top).length);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + perRow,
      ArrowUp: index - perRow,
      Home: 0,
      End: links.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    links[Math.min(links.length - 1, Math.max(0, target))]?.focus();
  };

  return (
    <ul className="kind-grid" aria-label="Channel kinds" ref={listRef} onKeyDown={onKeyDown}>
      {KINDS.map((spec) => (
        <li key={spec.kind}>
          <Link className="kind-card" to={`?kind=${kindParam(spec.kind)}`} data-kind={spec.kind}>
            <KindIcon kind={spec.kind} size="lg" />
            <span className="kind-card__text">
              <span className="kind-card__name">{spec.label}</span>
              <span className="kind-card__summary">{spec.summary}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
