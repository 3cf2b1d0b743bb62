import '@/components/chips.css';
import * as Dialog from '@radix-ui/react-dialog';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { FormAlert, splitErrors } from '@/components/form';
import { MonitorPicker, useMonitorSearch } from '@/components/monitor-picker';
import { Section } from '@/components/page';
import { useToast } from '@/components/toast';
import '@/components/dialog.css';
import type { MonitorStatus } from '@/gql/graphql';
import { MAX_DEPENDENCIES, useDependencyMonitorOptions, useSetMonitorDependencies } from '../api/dependencies';
import { StatusBadge } from './status-badge';

/** A monitor at the other end of a dependency. */
export interface LinkedMonitor {
  id: string;
  name: string;
  status: MonitorStatus;
  dependencyDown: boolean;
}

export interface MonitorWithDependencies {
  id: string;
  name: string;
  status: MonitorStatus;
  dependencyDown: boolean;
  dependsOn: readonly LinkedMonitor[];
  dependents: readonly LinkedMonitor[];
}

/** "A", "A and B", "A, B and C", each a link to its monitor. */
function LinkedNames({ monitors }: { monitors: readonly LinkedMonitor[] }) {
  return (
    <>
      {monitors.map((m, i) => (
        <Fragment key={m.id}>
          {i === 0 ? null : i === monitors.length - 1 ? ' and ' : ', '}
          <Link to={`/app/monitors/${m.id}`}>{m.name}</Link>
        </Fragment>
      ))}
    </>
  );
}

/**
 * Says why a monitor is down when only a monitor it depends on is: names (and links) the parents
 * that are down, and that this monitor's alerts are held back until they recover.
 */
export function DependencyDownBanner({ monitor }: { monitor: MonitorWithDependencies }) {
  if (monitor.status !== 'DOWN' || !monitor.dependencyDown) return null;
  const down = monitor.dependsOn.filter((m) => m.status === 'DOWN');
  return (
    <div className="alert alert--info dependency-banner" role="status" data-testid="dependency-down-banner">
      <p className="dependency-banner__title">
        <span className="monitor-status__dot monitor-status__dot--dependency" aria-hidden="true" />{' '}
        {down.length === 0 ? (
          <>Down because a monitor it depends on is down — alerts held back</>
        ) : (
          <>
            Down because <LinkedNames monitors={down} /> {down.length === 1 ? 'is' : 'are'} down — alerts held back
          </>
        )}
      </p>
      <p>Its outage is attached to {down.length === 1 ? 'that monitor’s' : 'their'} outage, and it resumes on its own once {down.length === 1 ? 'it recovers' : 'they recover'}.</p>
    </div>
  );
}

function DependencyList({ label, monitors, empty, testId }: { label: string; monitors: readonly LinkedMonitor[]; empty: ReactNode; testId: string }) {
  if (monitors.length === 0) return <>{empty}</>;
  return (
    <ul className="dependency-list" aria-label={label} data-testid={testId}>
      {monitors.map((m) => (
        <li key={m.id} className="dependency-list__item">
          <Link className="dependency-list__name" to={`/app/monitors/${m.id}`}>
            {m.name}
          </Link>
          <StatusBadge status={m.status} dependencyDown={m.dependencyDown} />
        </li>
      ))}
    </ul>
  );
}

/** The edit dialog's body: the chosen monitors as removable chips, the shared picker, and the server's errors. */
function EditDependencies({ monitor, onDone }: { monitor: MonitorWithDependencies; onDone: () => void }) {
  const save = useSetMonitorDependencies(monitor.id);
  const toast = useToast();
  const search = useMonitorSearch();
  const options = useDependencyMonitorOptions(search.search);
  const [chosen, setChosen] = useState<string[]>(() => monitor.dependsOn.map((m) => m.id));
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map(monitor.dependsOn.map((m) => [m.id, m.name])));
  const errorId = useId();
  const { fields, general } = splitErrors(save.error, ['dependsOn'], { FORBIDDEN: 'Only members, admins and owners can change dependencies.' });
  const full = chosen.length >= MAX_DEPENDENCIES;
  const fieldError = fields.dependsOn;

  const edited = () => {
    if (save.isError) save.reset();
  };
  const toggle = (id: string, name: string, on: boolean) => {
    edited();
    if (on) setNames((current) => new Map(current).set(id, name));
    setChosen((current) => (on ? (current.includes(id) || current.length >= MAX_DEPENDENCIES ? current : [...current, id]) : current.filter((c) => c !== id)));
  };

  return (
    <form
      className="form dependency-form"
      aria-label="Depends on"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(chosen, {
          onSuccess: (saved) => {
            toast({
              title: 'Dependencies saved',
              description: saved.dependsOn.length === 0 ? `${monitor.name} depends on no monitor.` : `${monitor.name} depends on ${saved.dependsOn.map((m) => m.name).join(', ')}.`,
            });
            onDone();
          },
        });
      }}
    >
      {general ? <FormAlert>{general}</FormAlert> : null}
      <div>
        <p className="form__label" id={`${errorId}-chosen`}>
          Chosen ({chosen.length} of at most {MAX_DEPENDENCIES})
        </p>
        {chosen.length === 0 ? (
          <p className="muted">None: {monitor.name} alerts on its own failures, whatever else is down.</p>
        ) : (
          <ul className="chips dependency-chips" aria-labelledby={`${errorId}-chosen`}>
            {chosen.map((id) => {
              const name = names.get(id) ?? 'Monitor';
              return (
                <li key={id} className="chips__item">
                  {name}
                  <button type="button" className="chips__remove" aria-label={`Remove ${name}`} onClick={() => toggle(id, name, false)}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <MonitorPicker
        search={search}
        options={options}
        selection={{ mode: 'check', chosen, onToggle: (m, on) => toggle(m.id, m.name, on) }}
        listLabel="Monitors to depend on"
        exclude={new Set([monitor.id])}
        noMonitorsText="There is no other monitor to depend on yet."
        itemTestId="dependency-option"
        error={fieldError}
        errorId={errorId}
      />
      {full && !fieldError ? <FormAlert tone="warning">A monitor can depend on at most {MAX_DEPENDENCIES} monitors; remove one to choose another.</FormAlert> : null}
      <div className="dialog__actions">
        <Dialog.Close asChild>
          <Button variant="secondary">Cancel</Button>
        </Dialog.Close>
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
          Save dependencies
        </Button>
      </div>
    </form>
  );
}

/**
 * "Depends on" (editable by members and above, through the shared monitor picker) and
 * "Depended on by" (read-only): while a monitor this one depends on is down, its own failures
 * do not alert.
 */
export function DependenciesSection({ monitor, canEdit }: { monitor: MonitorWithDependencies; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      title="Dependencies"
      lead={
        <>
          While a monitor this one depends on is down, this one’s failures send no alert: its outage is attached to that monitor’s.{' '}
          <Link to="/app/monitors/dependencies">See all dependencies</Link>
        </>
      }
    >
      <div className="dependencies">
        <div className="dependencies__column" data-testid="depends-on">
          <div className="dependencies__head">
            <h3 className="dependencies__title">Depends on</h3>
            {canEdit ? (
              <Dialog.Root open={open} onOpenChange={setOpen}>
                <Dialog.Trigger asChild>
                  <Button variant="secondary" size="sm" aria-label={`Edit what ${monitor.name} depends on`}>
                    Edit
                  </Button>
                </Dialog.Trigger>
                <Dialog.Portal>
                  <Dialog.Overlay className="dialog__overlay" />
                  <Dialog.Content className="dialog__content">
                    <Dialog.Title className="dialog__title">What {monitor.name} depends on</Dialog.Title>
                    <Dialog.Description className="dialog__description">
                      When one of these is down, {monitor.name}’s own failures are held back instead of alerting.
                    </Dialog.Description>
                    {open ? <EditDependencies monitor={monitor} onDone={() => setOpen(false)} /> : null}
                  </Dialog.Content>
                </Dialog.Portal>
              </Dialog.Root>
            ) : null}
          </div>
          <DependencyList
            label={`Monitors ${monitor.name} depends on`}
            monitors={monitor.dependsOn}
            testId="depends-on-list"
            empty={
              <EmptyState title="Depends on no monitor.">
                {canEdit
                  ? 'Add the database, upstream API or network this monitor needs: while one of them is down, this monitor’s alerts are held back.'
                  : 'Members can add the monitors this one needs.'}
              </EmptyState>
            }
          />
        </div>
        <div className="dependencies__column" data-testid="depended-on-by">
          <div className="dependencies__head">
            <h3 className="dependencies__title">Depended on by</h3>
          </div>
          <DependencyList
            label={`Monitors that depend on ${monitor.name}`}
            monitors={monitor.dependents}
            testId="dependents-list"
            empty={<EmptyState title="No monitor depends on this one.">Set it on a monitor that needs this one, from that monitor’s page.</EmptyState>}
          />
        </div>
      </div>
    </Section>
  );
}
