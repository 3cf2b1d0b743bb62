import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form';
import '@/components/dialog.css';
import { useMonitorOptions, type MonitorOption } from '../api/monitor-options';

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

const STATUS_WORDS: Readonly<Record<string, string>> = { UP: 'Up', DOWN: 'Down', DEGRADED: 'Degraded', PENDING: 'Pending', PAUSED: 'Paused' };

function PickerList({ added, onAdd }: { added: ReadonlySet<string>; onAdd: (monitor: MonitorOption) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text, 250);
  const options = useMonitorOptions(search);
  const nodes = options.data?.nodes ?? [];
  return (
    <div className="sp-picker">
      <div role="search" aria-label="Monitors">
        <TextField label="Search monitors" type="search" name="monitor-search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or target" autoComplete="off" />
      </div>
      {options.isPending ? (
        <p className="muted" role="status">
          Loading monitors…
        </p>
      ) : options.isError && !options.data ? (
        <p className="form__error" role="alert">
          Could not load monitors: {options.error.message}
        </p>
      ) : nodes.length === 0 ? (
        <p className="muted" role="status">
          {search.trim() ? `No monitor matches “${search.trim()}”.` : 'This organization has no monitors yet. Create one under Monitors first.'}
        </p>
      ) : (
        <ul className="sp-picker__list" aria-label="Monitors" aria-busy={options.isFetching || undefined}>
          {nodes.map((monitor) => {
            const isAdded = added.has(monitor.id);
            return (
              <li key={monitor.id} className="sp-picker__item" data-testid="picker-monitor">
                <span className="sp-picker__text">
                  <span className="sp-picker__name">{monitor.name}</span>
                  <span className="sp-picker__meta">
                    {STATUS_WORDS[monitor.status] ?? monitor.status} · {monitor.target}
                  </span>
                </span>
                <Button variant={isAdded ? 'ghost' : 'secondary'} size="sm" disabled={isAdded} onClick={() => onAdd(monitor)} aria-label={isAdded ? `${monitor.name} added` : `Add ${monitor.name}`}>
                  {isAdded ? 'Added' : 'Add'}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {options.data?.pageInfo.hasNextPage ? <p className="muted">Showing the first 100; search to find others.</p> : null}
    </div>
  );
}

/** "Add monitors": a dialog with a server-side search; each monitor is added under its own name. */
export function MonitorPicker({ added, onAdd }: { added: ReadonlySet<string>; onAdd: (monitor: MonitorOption) => void }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="secondary" data-focus-id="add">
          Add monitors
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog__content">
          <Dialog.Title className="dialog__title">Add monitors</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Each monitor becomes a component of the page, under a public name you can change.
          </Dialog.Description>
          <PickerList added={added} onAdd={onAdd} />
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button>Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
