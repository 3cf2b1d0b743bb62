import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { Skeleton } from './skeleton';
import './feedback.css';

/** The parts of a TanStack Query result that {@link QueryState} reads. */
export interface QueryLike<T> {
  readonly data: T | undefined;
  readonly error: Error | null;
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly isFetching: boolean;
  readonly refetch: () => unknown;
}

export interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** What is loaded, for messages: "Loading {what}…", "Could not load {what}". */
  what: string;
  /** A message for errors that retrying cannot fix (e.g. FORBIDDEN); `undefined` to show the retry panel. */
  explainError?: (error: Error) => string | undefined;
  /** Placeholder lines while loading. */
  skeletonLines?: number;
  /** When true for the data, `empty` is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  /** An {@link EmptyState} (or any node) for an empty result. */
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * One way to show a query's states on every screen: a skeleton while loading (announced
 * politely), an error with "Try again", an empty state with a next step, or the data.
 */
export function QueryState<T>({ query, what, explainError, skeletonLines = 3, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <div className="query-state" role="status" aria-busy="true">
        <span className="visually-hidden">Loading {what}…</span>
        <Skeleton lines={skeletonLines} />
      </div>
    );
  }
  if (query.isError && query.data === undefined) {
    const error = query.error ?? new Error('Something went wrong.');
    const explained = explainError?.(error);
    if (explained) {
      return (
        <div className="alert alert--error" role="alert">
          <p>{explained}</p>
        </div>
      );
    }
    return (
      <div className="alert alert--error query-state__error" role="alert">
        <p className="query-state__error-title">Could not load {what}</p>
        <p>{error.message}</p>
        <button type="button" className="button button--secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Retrying…' : 'Try again'}
        </button>
      </div>
    );
  }
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty ?? <EmptyState title={`No ${what} yet.`} />}</>;
  return <>{children(data)}</>;
}
