import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/test/render';
import { EmptyState } from './empty-state';
import { QueryState, type QueryLike } from './query-state';

function query<T>(overrides: Partial<QueryLike<T>>): QueryLike<T> {
  return { data: undefined, error: null, isPending: false, isError: false, isFetching: false, refetch: vi.fn(), ...overrides };
}

describe('QueryState', () => {
  it('announces loading and shows a skeleton', () => {
    renderApp(<QueryState query={query<string[]>({ isPending: true })} what="the members">{() => 'data'}</QueryState>);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading the members…');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByTestId('skeleton')).toBeInTheDocument();
    expect(screen.queryByText('data')).not.toBeInTheDocument();
  });

  it('shows the error with a working "Try again"', async () => {
    const refetch = vi.fn();
    const { user } = renderApp(
      <QueryState query={query<string[]>({ isError: true, error: new Error('Network error.'), refetch })} what="the members">
        {() => 'data'}
      </QueryState>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the members');
    expect(alert).toHaveTextContent('Network error.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('explains errors that retrying cannot fix, without a retry button', () => {
    renderApp(
      <QueryState query={query<string[]>({ isError: true, error: new Error('forbidden') })} what="keys" explainError={() => 'Only admins.'}>
        {() => 'data'}
      </QueryState>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Only admins.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the empty state with its next step, or the data', () => {
    const { rerender } = renderApp(
      <QueryState
        query={query<string[]>({ data: [] })}
        what="keys"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="No keys yet." action={<button type="button">Create a key</button>} />}
      >
        {(d) => d.join(',')}
      </QueryState>,
    );
    expect(screen.getByText('No keys yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create a key' })).toBeInTheDocument();
    rerender(<QueryState query={query<string[]>({ data: ['a', 'b'] })} what="keys" isEmpty={(d) => d.length === 0}>{(d) => d.join(',')}</QueryState>);
    expect(screen.getByText('a,b')).toBeInTheDocument();
  });
});
