import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/test/render';
import { MonitorPicker, useMonitorSearch, type MonitorPickerOption, type MonitorPickerOptions, type MonitorPickerSelection } from './monitor-picker';

const monitors: MonitorPickerOption[] = [
  { id: 'm1', name: 'API', target: 'https://api.example.com', status: 'UP' },
  { id: 'm2', name: 'Database', target: 'db:5432', status: 'DOWN' },
];

function options(overrides: Partial<MonitorPickerOptions<MonitorPickerOption>> = {}): MonitorPickerOptions<MonitorPickerOption> {
  return { data: { nodes: monitors, pageInfo: { hasNextPage: false } }, error: null, isPending: false, isError: false, isFetching: false, ...overrides };
}

function Harness({ query, selection, onSearch, exclude, error }: {
  query: MonitorPickerOptions<MonitorPickerOption>;
  selection: MonitorPickerSelection<MonitorPickerOption>;
  onSearch?: (search: string) => void;
  exclude?: ReadonlySet<string>;
  error?: string;
}) {
  const search = useMonitorSearch();
  onSearch?.(search.search);
  return <MonitorPicker search={search} options={query} selection={selection} exclude={exclude} error={error} errorId="picker-error" />;
}

describe('MonitorPicker', () => {
  it('adds a monitor with its button; an added one is disabled', async () => {
    const onAdd = vi.fn();
    const { user } = renderApp(<Harness query={options()} selection={{ mode: 'add', added: new Set(['m1']), onAdd }} />);
    expect(screen.getByRole('button', { name: 'API added' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add Database' }));
    expect(onAdd).toHaveBeenCalledWith(monitors[1]);
    expect(screen.getByText('Down · db:5432')).toBeInTheDocument();
  });

  it('toggles checkboxes, leaves out excluded monitors and shows an error next to the list', async () => {
    const onToggle = vi.fn();
    const { user } = renderApp(
      <Harness query={options()} selection={{ mode: 'check', chosen: ['m2'], onToggle }} exclude={new Set(['m1'])} error="Would make a cycle." />,
    );
    expect(screen.queryByRole('checkbox', { name: /API/ })).not.toBeInTheDocument();
    const database = screen.getByRole('checkbox', { name: /Database/ });
    expect(database).toBeChecked();
    await user.click(database);
    expect(onToggle).toHaveBeenCalledWith(monitors[1], false);
    expect(screen.getByRole('alert')).toHaveTextContent('Would make a cycle.');
    expect(screen.getByRole('group', { name: 'Monitors' })).toHaveAttribute('aria-describedby', 'picker-error');
  });

  it('debounces the search and says when nothing matches', async () => {
    const onSearch = vi.fn();
    const { user } = renderApp(<Harness query={options({ data: { nodes: [], pageInfo: { hasNextPage: false } } })} selection={{ mode: 'add', added: new Set(), onAdd: vi.fn() }} onSearch={onSearch} />);
    expect(screen.getByRole('status')).toHaveTextContent('This organization has no monitors yet.');
    await user.type(screen.getByLabelText('Search monitors'), '  zzz ');
    await waitFor(() => expect(onSearch).toHaveBeenLastCalledWith('zzz'));
    expect(screen.getByRole('status')).toHaveTextContent('No monitor matches “zzz”.');
  });

  it('shows loading and error states', () => {
    const { rerender } = renderApp(<Harness query={options({ data: undefined, isPending: true })} selection={{ mode: 'add', added: new Set(), onAdd: vi.fn() }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading monitors…');
    rerender(<Harness query={options({ data: undefined, isError: true, error: new Error('offline') })} selection={{ mode: 'add', added: new Set(), onAdd: vi.fn() }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load monitors: offline');
  });
});
