import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { FormAlert, splitErrors, TextField } from '@/components/form';
import { sentence } from '@/components/form-errors';
import { useToast } from '@/components/toast';
import { GraphQLRequestError } from '@/lib/graphql-client';
import type { MonitorOption } from '../api/monitor-options';
import { useSetStatusPageComponents } from '../api/status-pages';
import { AddMonitorsDialog } from './add-monitors-dialog';

interface Draft {
  /** Stable identity in the list (a monitor is on a page at most once). */
  readonly key: string;
  readonly monitorId: string;
  readonly name: string;
  readonly group: string;
}

type Saved = readonly { monitorId: string; name: string; group: string }[];

function toDrafts(components: Saved): Draft[] {
  return components.map((c) => ({ key: c.monitorId, monitorId: c.monitorId, name: c.name, group: c.group }));
}

function sameAs(drafts: readonly Draft[], saved: Saved): boolean {
  return drafts.length === saved.length && drafts.every((d, i) => d.monitorId === saved[i]?.monitorId && d.name.trim() === saved[i]?.name && d.group.trim() === saved[i]?.group);
}

/** Messages of the server's `components.<index>.<field>` errors, by index then field. */
function rowErrorsOf(error: unknown): Map<number, Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  if (!(error instanceof GraphQLRequestError)) return rows;
  for (const [field, message] of Object.entries(error.fields)) {
    const match = /^components\.(\d+)\.(\w+)$/.exec(field);
    if (!match) continue;
    const index = Number(match[1]);
    rows.set(index, { ...rows.get(index), [match[2] ?? '']: sentence(message) });
  }
  return rows;
}

export interface ComponentsEditorProps {
  pageId: string;
  saved: Saved;
  /** Monitors by id, to show which monitor a component is. */
  monitors: ReadonlyMap<string, MonitorOption>;
}

/**
 * What the page shows, in order: add monitors from a searchable list, give each a public name
 * and a group, move them up and down, remove them; Save sends the whole list.
 */
export function ComponentsEditor({ pageId, saved, monitors }: ComponentsEditorProps) {
  const save = useSetStatusPageComponents(pageId);
  const toast = useToast();
  // What the server has: the page as loaded, then as each save returned it.
  const [baseline, setBaseline] = useState<Saved>(saved);
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(saved));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const groupsListId = useId();
  const dirty = !sameAs(drafts, baseline);

  // Server errors point at positions of the list as it was sent; any edit makes them stale.
  const serverRows = rowErrorsOf(save.error);
  const knownFields = drafts.flatMap((_, i) => [`components.${i}.name`, `components.${i}.group`, `components.${i}.monitorId`]);
  const { general } = splitErrors(save.error, knownFields, {
    FORBIDDEN: 'Only members, admins and owners can change status pages.',
    NOT_FOUND: 'A monitor on this list no longer exists. Remove it and save again.',
  });

  useEffect(() => {
    if (!pendingFocus.current) return;
    formRef.current?.querySelector<HTMLElement>(`[data-focus-id="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  }, [drafts]);

  const groups = useMemo(() => Array.from(new Set(drafts.map((d) => d.group.trim()).filter(Boolean))), [drafts]);
  const added = useMemo(() => new Set(drafts.map((d) => d.monitorId)), [drafts]);

  const edit = (next: Draft[]) => {
    save.reset();
    setDrafts(next);
  };

  const update = (key: string, field: 'name' | 'group', value: string) => {
    setClientErrors((current) => {
      if (!(key in current) || field !== 'name') return current;
      const rest = { ...current };
      delete rest[key];
      return rest;
    });
    edit(drafts.map((d) => (d.key === key ? { ...d, [field]: value } : d)));
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const item = drafts[index];
    if (!item || target < 0 || target >= drafts.length) return;
    const next = drafts.slice();
    next.splice(index, 1);
    next.splice(target, 0, item);
    // Focus stays on the moved row's button, or its other one at either end.
    const atEdge = target === 0 || target === next.length - 1;
    pendingFocus.current = `${item.key}:${atEdge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`;
    setAnnouncement(`${item.name || 'Component'} moved to position ${target + 1} of ${next.length}.`);
    edit(next);
  };

  const remove = (index: number) => {
    const item = drafts[index];
    if (!item) return;
    const next = drafts.filter((_, i) => i !== index);
    const neighbour = next[Math.min(index, next.length - 1)];
    pendingFocus.current = neighbour ? `${neighbour.key}:remove` : 'add';
    setAnnouncement(`${item.name || 'Component'} removed.`);
    edit(next);
  };

  const add = (monitor: MonitorOption) => {
    setAnnouncement(`${monitor.name} added as component ${drafts.length + 1}.`);
    edit([...drafts, { key: monitor.id, monitorId: monitor.id, name: monitor.name, group: '' }]);
  };

  const focusName = (index: number) => {
    formRef.current?.querySelector<HTMLInputElement>(`input[name="components.${index}.name"]`)?.focus();
  };

  const submit = () => {
    const missing: Record<string, string> = {};
    for (const d of drafts) if (d.name.trim() === '') missing[d.key] = 'Enter the name the public sees.';
    setClientErrors(missing);
    const firstMissing = drafts.findIndex((d) => d.key in missing);
    if (firstMissing >= 0) {
      focusName(firstMissing);
      return;
    }
    save.mutate(
      drafts.map((d) => ({ monitorId: d.monitorId, name: d.name.trim(), group: d.group.trim() })),
      {
        onSuccess: (page) => {
          setBaseline(page.components);
          setDrafts(toDrafts(page.components));
          toast({ title: 'Components saved', description: `${page.components.length} on the page` });
        },
        onError: (error) => {
          const first = Array.from(rowErrorsOf(error).keys()).sort((a, b) => a - b)[0];
          if (first !== undefined) focusName(first);
        },
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="sp-editor__components"
      aria-label="Components"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {general ? <FormAlert>{general}</FormAlert> : null}
      <p className="visually-hidden" aria-live="polite" data-testid="components-announcer">
        {announcement}
      </p>
      <datalist id={groupsListId}>
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      {drafts.length === 0 ? (
        <EmptyState title="No components yet.">
          <p>Add the monitors the public should see. Each one shows its status and 90 days of uptime.</p>
        </EmptyState>
      ) : (
        <ol className="sp-rows">
          {drafts.map((d, index) => {
            const monitor = monitors.get(d.monitorId);
            const rowErrors = serverRows.get(index) ?? {};
            const label = d.name.trim() || monitor?.name || 'component';
            return (
              <li key={d.key} className="sp-row" data-testid="component-row">
                <fieldset className="sp-row__fields">
                  <legend className="sp-row__legend">
                    <span className="sp-row__position" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className="visually-hidden">Component {index + 1}: </span>
                    <span className="sp-row__monitor">
                      {monitor ? (
                        <>
                          Monitor <strong>{monitor.name}</strong>
                          <span className="sp-row__target"> · {monitor.target}</span>
                        </>
                      ) : (
                        'Monitor'
                      )}
                    </span>
                  </legend>
                  <div className="sp-row__inputs">
                    <TextField
                      label="Public name"
                      name={`components.${index}.name`}
                      value={d.name}
                      onChange={(e) => update(d.key, 'name', e.target.value)}
                      error={clientErrors[d.key] ?? rowErrors.name}
                      maxLength={200}
                    />
                    <TextField
                      label="Group"
                      name={`components.${index}.group`}
                      value={d.group}
                      onChange={(e) => update(d.key, 'group', e.target.value)}
                      error={rowErrors.group}
                      placeholder="None"
                      list={groupsListId}
                      autoComplete="off"
                      maxLength={200}
                    />
                  </div>
                  {rowErrors.monitorId ? <p className="form__error">{rowErrors.monitorId}</p> : null}
                </fieldset>
                <div className="sp-row__actions">
                  <Button data-focus-id={`${d.key}:up`} variant="ghost" size="sm" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${label} up`}>
                    <span aria-hidden="true">↑</span>
                  </Button>
                  <Button
                    data-focus-id={`${d.key}:down`}
                    variant="ghost"
                    size="sm"
                    disabled={index === drafts.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${label} down`}
                  >
                    <span aria-hidden="true">↓</span>
                  </Button>
                  <Button data-focus-id={`${d.key}:remove`} variant="ghost" size="sm" onClick={() => remove(index)} aria-label={`Remove ${label}`}>
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="sp-editor__bar">
        <AddMonitorsDialog added={added} onAdd={add} />
        <span className="sp-editor__spacer" />
        {dirty ? (
          <span className="sp-editor__dirty" data-testid="unsaved-components">
            Unsaved changes
          </span>
        ) : null}
        {dirty ? (
          <Button variant="ghost" onClick={() => edit(toDrafts(baseline))}>
            Discard
          </Button>
        ) : null}
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…" disabled={!dirty && !save.isError}>
          Save components
        </Button>
      </div>
    </form>
  );
}
