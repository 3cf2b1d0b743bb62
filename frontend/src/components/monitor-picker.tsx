import { useState } from 'react';
import type { MonitorStatus } from '@/gql/graphql';
import { useDebounced } from '@/lib/use-debounced';
import { Button } from './button';
import { TextField } from './form';
import './monitor-picker.css';

/** Milliseconds the search box waits after the last keystroke before asking the server. */
export const PICKER_SEARCH_DEBOUNCE_MS = 250;

/** A monitor the picker lists: its own feature's query decides which fields beyond these it has. */
export interface MonitorPickerOption {
  id: string;
  name: string;
  target: string;
  status?: MonitorStatus;
}

/** The parts of a TanStack Query result (of a `monitors` connection) the picker reads. */
export interface MonitorPickerOptions<T extends MonitorPickerOption> {
  readonly data: { readonly nodes: readonly T[]; readonly pageInfo: { readonly hasNextPage: boolean } } | undefined;
  readonly error: Error | null;
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly isFetching: boolean;
}

/** The search box's text, and the same text once typing pauses (what to ask the server for). */
export interface MonitorSearch {
  readonly text: string;
  readonly setText: (text: string) => void;
  /** Trimmed and debounced. */
  readonly search: string;
}

/**
 * The state of a picker's search box. The caller passes `search` to its feature's options
 * query and hands both to {@link MonitorPicker}:
 * `const search = useMonitorSearch(); const options = useXMonitorOptions(search.search);`
 */
export function useMonitorSearch(): MonitorSearch {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), PICKER_SEARCH_DEBOUNCE_MS);
  return { text, setText, search };
}

const STATUS_WORDS: Readonly<Record<MonitorStatus, string>> = { UP: 'Up', DOWN: 'Down', DEGRADED: 'Degraded', PENDING: 'Pending', PAUSED: 'Paused' };

/** How a monitor is chosen: an "Add" button per monitor, or a checkbox per monitor. */
export type MonitorPickerSelection<T extends MonitorPickerOption> =
  | { mode: 'add'; added: ReadonlySet<string>; onAdd: (monitor: T) => void }
  | { mode: 'check'; chosen: readonly string[]; onToggle: (monitor: T, on: boolean) => void };

export interface MonitorPickerProps<T extends MonitorPickerOption> {
  search: MonitorSearch;
  options: MonitorPickerOptions<T>;
  selection: MonitorPickerSelection<T>;
  /** The search box's label. */
  searchLabel?: string;
  /** The accessible name of the search landmark and of the list. */
  listLabel?: string;
  /** Monitors never offered (e.g. the monitor being edited). */
  exclude?: ReadonlySet<string>;
  /** What an empty organization is told. */
  noMonitorsText?: string;
  /** `data-testid` of each listed monitor (end-to-end tests find them by it). */
  itemTestId?: string;
  /** Error shown under the list and announced (e.g. the server's error for the field). */
  error?: string | undefined;
  /** Id of the error element, so a caller can point `aria-describedby` at it. */
  errorId?: string;
}

function Meta({ monitor }: { monitor: MonitorPickerOption }) {
  const parts = [monitor.status ? STATUS_WORDS[monitor.status] : null, monitor.target || null].filter(Boolean);
  return parts.length > 0 ? <span className="monitor-picker__meta">{parts.join(' · ')}</span> : null;
}

/**
 * A server-side search over the organization's monitors (the first 100 matches) with loading,
 * error and empty states, and a way to choose monitors: shared by status-page components,
 * alert routing and monitor dependencies. The feature owns the query; the picker owns nothing
 * but the list's look and keyboard behaviour (native buttons and checkboxes).
 */
export function MonitorPicker<T extends MonitorPickerOption>({
  search,
  options,
  selection,
  searchLabel = 'Search monitors',
  listLabel = 'Monitors',
  exclude,
  noMonitorsText = 'This organization has no monitors yet. Create one under Monitors first.',
  itemTestId = 'picker-monitor',
  error,
  errorId,
}: MonitorPickerProps<T>) {
  const nodes = (options.data?.nodes ?? []).filter((m) => !exclude?.has(m.id));
  const term = search.search;
  let body;
  if (options.isPending) {
    body = (
      <p className="muted" role="status">
        Loading monitors…
      </p>
    );
  } else if (options.isError && !options.data) {
    body = (
      <p className="form__error" role="alert">
        Could not load monitors: {options.error?.message ?? 'something went wrong.'}
      </p>
    );
  } else if (nodes.length === 0) {
    body = (
      <p className="muted" role="status">
        {term ? `No monitor matches “${term}”.` : noMonitorsText}
      </p>
    );
  } else if (selection.mode === 'add') {
    body = (
      <ul className="monitor-picker__list" aria-label={listLabel} aria-busy={options.isFetching || undefined}>
        {nodes.map((monitor) => {
          const isAdded = selection.added.has(monitor.id);
          return (
            <li key={monitor.id} className="monitor-picker__item" data-testid={itemTestId}>
              <span className="monitor-picker__text">
                <span className="monitor-picker__name">{monitor.name}</span>
                <Meta monitor={monitor} />
              </span>
              <Button
                variant={isAdded ? 'ghost' : 'secondary'}
                size="sm"
                disabled={isAdded}
                onClick={() => selection.onAdd(monitor)}
                aria-label={isAdded ? `${monitor.name} added` : `Add ${monitor.name}`}
              >
                {isAdded ? 'Added' : 'Add'}
              </Button>
            </li>
          );
        })}
      </ul>
    );
  } else {
    body = (
      <fieldset className="monitor-picker__list" aria-busy={options.isFetching || undefined} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
        <legend className="visually-hidden">{listLabel}</legend>
        {nodes.map((monitor) => (
          <label key={monitor.id} className="monitor-picker__item monitor-picker__item--check" data-testid={itemTestId}>
            <input
              type="checkbox"
              className="form__checkbox"
              checked={selection.chosen.includes(monitor.id)}
              onChange={(e) => selection.onToggle(monitor, e.target.checked)}
            />
            <span className="monitor-picker__text">
              <span className="monitor-picker__name">{monitor.name}</span>
              <Meta monitor={monitor} />
            </span>
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="monitor-picker">
      <div role="search" aria-label={listLabel}>
        <TextField
          label={searchLabel}
          type="search"
          name="monitor-search"
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
          placeholder="Name or target"
          autoComplete="off"
        />
      </div>
      {body}
      {options.data?.pageInfo.hasNextPage ? <p className="muted">Showing the first 100; search to find others.</p> : null}
      {error ? (
        <p className="form__error" id={errorId} role="alert" data-testid="monitor-picker-error">
          <span className="form__error-icon" aria-hidden="true">
            ⚠
          </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
