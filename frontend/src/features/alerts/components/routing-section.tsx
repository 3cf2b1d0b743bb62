import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import '@/components/chips.css';
import { FormAlert, splitErrors } from '@/components/form';
import { MonitorPicker, useMonitorSearch } from '@/components/monitor-picker';
import { Section } from '@/components/page';
import { useToast } from '@/components/toast';
import type { AlertRouteEvent, AlertRoutingInput } from '@/gql/graphql';
import { useAlertMonitorOptions, useAlertMonitorTags, useMonitorNames, useSetRouting, type AlertChannelDetail } from '../api/alert-channels';
import { ROUTE_EVENTS, routingSummary } from './kinds';

type Routing = AlertChannelDetail['routing'];

/** The API input for a routing: events in a fixed order; monitors only when not all. */
export function routingInput(
  allMonitors: boolean,
  monitorIds: readonly string[],
  events: readonly AlertRouteEvent[],
  tags: readonly string[] = [],
): AlertRoutingInput {
  return {
    allMonitors,
    monitorIds: allMonitors ? [] : [...monitorIds],
    ...(allMonitors || tags.length === 0 ? {} : { tags: [...tags] }),
    events: ROUTE_EVENTS.map((e) => e.value).filter((e) => events.includes(e)),
  };
}

function sameRouting(a: AlertRoutingInput, b: Routing): boolean {
  const ids = (list: readonly string[] | null | undefined) => [...(list ?? [])].sort().join(',');
  return (
    a.allMonitors === b.allMonitors &&
    (a.allMonitors || (ids(a.monitorIds) === ids(b.monitorIds) && ids(a.tags) === ids(b.tags))) &&
    [...a.events].sort().join(',') === [...b.events].sort().join(',')
  );
}

/** Monitors to route: a server-side search with a checkbox per monitor (the first 100 matches). */
function MonitorChecklist({ chosen, onToggle }: { chosen: readonly string[]; onToggle: (id: string, on: boolean) => void }) {
  const search = useMonitorSearch();
  const options = useAlertMonitorOptions(search.search);
  return (
    <MonitorPicker
      search={search}
      options={options}
      selection={{ mode: 'check', chosen, onToggle: (monitor, on) => onToggle(monitor.id, on) }}
      searchLabel="Find monitors"
      listLabel="Monitors to route"
      noMonitorsText="This organization has no monitors yet."
      itemTestId="routing-monitor"
    />
  );
}

/** Tags to route: every monitor with a chosen tag, including ones tagged later. */
function TagChecklist({ chosen, onToggle }: { chosen: readonly string[]; onToggle: (tag: string, on: boolean) => void }) {
  const tags = useAlertMonitorTags();
  const all = [...new Set([...(tags.data ?? []), ...chosen])].sort();
  return (
    <fieldset className="routing-tags">
      <legend className="form__label">Tags</legend>
      <p className="muted">Every monitor with a chosen tag, including ones tagged later.</p>
      {tags.isPending ? (
        <p className="muted" aria-busy="true">Loading tags…</p>
      ) : tags.isError && all.length === 0 ? (
        <p className="muted">Tags could not be loaded.</p>
      ) : all.length === 0 ? (
        <p className="muted">No monitor has a tag yet. Add tags on a monitor’s settings.</p>
      ) : (
        <div className="routing-tags__list">
          {all.map((tag) => (
            <label key={tag} className="routing-tags__option">
              <input type="checkbox" className="form__checkbox" checked={chosen.includes(tag)} onChange={(e) => onToggle(tag, e.target.checked)} />
              <span>{tag}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function ChosenMonitors({ ids, names, onRemove }: { ids: readonly string[]; names: ReadonlyMap<string, string>; onRemove?: (id: string) => void }) {
  if (ids.length === 0) return <p className="muted">No monitor chosen yet.</p>;
  return (
    <ul className="chips" aria-label="Routed monitors">
      {ids.map((id) => {
        const name = names.get(id) ?? 'Monitor';
        return (
          <li key={id} className="chips__item">
            <Link to={`/app/monitors/${id}`}>{name}</Link>
            {onRemove ? (
              <button type="button" className="chips__remove" aria-label={`Remove ${name}`} onClick={() => onRemove(id)}>
                <span aria-hidden="true">×</span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Which monitors notify the channel, for which events; read-only below admin. */
export function RoutingSection({ channelId, routing, canManage }: { channelId: string; routing: Routing; canManage: boolean }) {
  const save = useSetRouting(channelId);
  const toast = useToast();
  const [allMonitors, setAllMonitors] = useState(routing.allMonitors);
  const [monitorIds, setMonitorIds] = useState<string[]>([...routing.monitorIds]);
  const [events, setEvents] = useState<AlertRouteEvent[]>([...routing.events]);
  const [tags, setTags] = useState<string[]>([...(routing.tags ?? [])]);
  const names = useMonitorNames(allMonitors ? [] : monitorIds);
  const input = routingInput(allMonitors, monitorIds, events, tags);
  const dirty = !sameRouting(input, routing);
  const { general } = splitErrors(save.error, [], { FORBIDDEN: 'Only admins and owners can change a channel’s routing.' });

  const edited = () => {
    if (save.isSuccess || save.isError) save.reset();
  };
  const chooseAll = (all: boolean) => {
    edited();
    setAllMonitors(all);
  };
  const toggleMonitor = (id: string, on: boolean) => {
    edited();
    setMonitorIds((current) => (on ? (current.includes(id) ? current : [...current, id]) : current.filter((m) => m !== id)));
  };
  const toggleTag = (tag: string, on: boolean) => {
    edited();
    setTags((current) => (on ? (current.includes(tag) ? current : [...current, tag]) : current.filter((t) => t !== tag)));
  };
  const toggleEvent = (event: AlertRouteEvent, on: boolean) => {
    edited();
    setEvents((current) => (on ? [...current.filter((e) => e !== event), event] : current.filter((e) => e !== event)));
  };

  if (!canManage) {
    return (
      <Section title="Routing" lead="Which monitors notify this channel, and for what. Admins and owners change it.">
        <p data-testid="routing-summary">{routingSummary(routing)}</p>
        {routing.allMonitors ? null : <ChosenMonitors ids={routing.monitorIds} names={names} />}
        {!routing.allMonitors && (routing.tags ?? []).length > 0 ? (
          <p className="muted">Tags: {(routing.tags ?? []).join(', ')}</p>
        ) : null}
      </Section>
    );
  }

  const warning =
    events.length === 0
      ? 'No event is chosen: the channel gets only tests.'
      : !allMonitors && monitorIds.length === 0 && tags.length === 0
        ? 'No monitor or tag is chosen: the channel gets only tests.'
        : null;

  return (
    <Section title="Routing" lead="Which monitors notify this channel, and for what.">
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form
        className="form routing-form"
        aria-label="Routing"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(input, { onSuccess: (saved) => toast({ title: 'Routing saved', description: routingSummary(saved.routing) }) });
        }}
      >
        <fieldset className="routing-scope">
          <legend className="form__label">Monitors</legend>
          <label className="routing-scope__option">
            <input type="radio" name="scope" checked={allMonitors} onChange={() => chooseAll(true)} />
            <span className="routing-scope__text">
              <strong>All monitors</strong>
              <span className="muted">Every monitor, including ones added later</span>
            </span>
          </label>
          <label className="routing-scope__option">
            <input type="radio" name="scope" checked={!allMonitors} onChange={() => chooseAll(false)} />
            <span className="routing-scope__text">
              <strong>Chosen monitors and tags</strong>
              <span className="muted">Only the ones you pick, and every monitor with a chosen tag</span>
            </span>
          </label>
        </fieldset>
        {allMonitors ? null : (
          <div className="routing-monitors">
            <ChosenMonitors ids={monitorIds} names={names} onRemove={(id) => toggleMonitor(id, false)} />
            <MonitorChecklist chosen={monitorIds} onToggle={toggleMonitor} />
            <TagChecklist chosen={tags} onToggle={toggleTag} />
          </div>
        )}
        <fieldset className="routing-events">
          <legend className="form__label">Events</legend>
          {ROUTE_EVENTS.map((e) => (
            <label key={e.value} className="routing-events__option">
              <input type="checkbox" className="form__checkbox" checked={events.includes(e.value)} onChange={(ev) => toggleEvent(e.value, ev.target.checked)} />
              <span>
                {e.label} <span className="muted">· {e.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {warning ? <FormAlert tone="warning">{warning}</FormAlert> : null}
        <div className="form__actions">
          <Button type="submit" pending={save.isPending} pendingLabel="Saving…" disabled={!dirty}>
            Save routing
          </Button>
          <span className="muted" role="status">
            {dirty ? 'Unsaved changes' : save.isSuccess ? 'Saved' : ''}
          </span>
        </div>
      </form>
    </Section>
  );
}
