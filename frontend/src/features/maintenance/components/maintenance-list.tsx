import { Link } from 'react-router';
import { Button, buttonClass } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import '@/components/tags.css';
import { useToast } from '@/components/toast';
import { errorCodeOf } from '@/lib/graphql-client';
import { useMaintenanceWindows, type MaintenanceWindowRow } from '../api/get-maintenance-windows';
import { useDeleteMaintenanceWindow } from '../api/mutations';
import { useMonitorNames } from '../api/monitor-options';
import { formatMoment, scheduleInWords } from './schedule';

/** The organization's maintenance windows: active ones first, then by next start. */
export function MaintenanceList({ canEdit }: { canEdit: boolean }) {
  const windows = useMaintenanceWindows();
  const names = useMonitorNames(windows.data?.flatMap((w) => (w.monitorId ? [w.monitorId] : [])) ?? []);
  const remove = useDeleteMaintenanceWindow();
  const toast = useToast();

  const columns: Column<MaintenanceWindowRow>[] = [
    {
      header: 'Name',
      primary: true,
      cell: (w) => (
        <span className="maintenance__name">
          {w.name}
          {w.activeNow ? (
            <span className="badge badge--accent" data-testid="maintenance-active">
              Active now
            </span>
          ) : null}
        </span>
      ),
    },
    {
      header: 'Covers',
      cell: (w) => {
        if (w.tag)
          return (
            <span className="maintenance__scope">
              Monitors tagged <span className="tag">{w.tag}</span>
            </span>
          );
        if (!w.monitorId) return 'Whole organization';
        const name = names.get(w.monitorId);
        return <Link to={`/app/monitors/${w.monitorId}`}>{name ?? 'One monitor'}</Link>;
      },
    },
    { header: 'Schedule', cell: (w) => scheduleInWords(w) },
    {
      header: 'Next start',
      cell: (w) =>
        w.nextStart ? (
          <time dateTime={String(w.nextStart)}>{formatMoment(w.nextStart)}</time>
        ) : (
          <span className="muted">{w.activeNow ? 'Ends ' + formatMoment(w.endsAt) : 'None'}</span>
        ),
    },
  ];
  if (canEdit) {
    columns.push({
      header: 'Actions',
      hideHeader: true,
      actions: true,
      cell: (w) => (
        <ConfirmButton
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Delete ${w.name}`}>
              Delete
            </Button>
          }
          title={`Delete “${w.name}”?`}
          description={
            w.activeNow
              ? 'The maintenance ends now: alerts resume and checks count towards uptime again.'
              : 'The window is removed and will not start again.'
          }
          confirmLabel="Delete window"
          onConfirm={() => remove.mutate(w.id, { onSuccess: () => toast({ title: 'Maintenance window deleted', description: w.name }) })}
        />
      ),
    });
  }

  return (
    <>
      {remove.error ? (
        <FormAlert>
          {errorCodeOf(remove.error) === 'FORBIDDEN'
            ? 'Only members, admins and owners can delete maintenance windows.'
            : `Could not delete the window: ${remove.error.message}`}
        </FormAlert>
      ) : null}
      <QueryState
        query={windows}
        what="the maintenance windows"
        skeletonLines={3}
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState
            title="No maintenance scheduled."
            action={
              canEdit ? (
                <Link className={buttonClass()} to="/app/maintenance/new">
                  Schedule maintenance
                </Link>
              ) : undefined
            }
          >
            During a maintenance window Beacon sends no alerts and leaves the time out of uptime.
          </EmptyState>
        }
      >
        {(data) => <DataTable label="Maintenance windows" columns={columns} rows={sortWindows(data)} rowKey={(w) => w.id} rowTestId="maintenance-row" />}
      </QueryState>
    </>
  );
}

/** Active windows first, then the soonest next start, then the ones that will not start again. */
export function sortWindows(rows: readonly MaintenanceWindowRow[]): MaintenanceWindowRow[] {
  const next = (w: MaintenanceWindowRow) => (typeof w.nextStart === 'string' ? new Date(w.nextStart).getTime() : Number.POSITIVE_INFINITY);
  return [...rows].sort((a, b) => Number(b.activeNow) - Number(a.activeNow) || next(a) - next(b));
}
