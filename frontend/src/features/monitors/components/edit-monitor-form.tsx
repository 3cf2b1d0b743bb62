import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { buttonClass } from '@/components/button';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { errorCodeOf } from '@/lib/graphql-client';
import { browserTimeZone } from '@/lib/time-zones';
import { useMonitorSettings, type MonitorSettings } from '../api/get-monitor-settings';
import { useUpdateMonitor } from '../api/mutations';
import { MonitorForm } from './monitor-form';
import { toUpdateInput, valuesFromSettings } from './monitor-form-values';

/** Loads a monitor's settings into the shared form; saving returns to its page. */
export function EditMonitorForm({ id }: { id: string }) {
  const settings = useMonitorSettings(id);
  return (
    <QueryState
      query={settings}
      what="the monitor’s settings"
      skeletonLines={6}
      explainError={(error) => (errorCodeOf(error) === 'NOT_FOUND' ? 'This monitor does not exist, or was deleted.' : undefined)}
    >
      {(monitor) => <LoadedEditForm monitor={monitor} />}
    </QueryState>
  );
}

function LoadedEditForm({ monitor }: { monitor: MonitorSettings }) {
  const update = useUpdateMonitor(monitor.id);
  const toast = useToast();
  const navigate = useNavigate();
  const initial = useMemo(() => valuesFromSettings(monitor, browserTimeZone()), [monitor]);
  const back = `/app/monitors/${monitor.id}`;
  return (
    <MonitorForm
      label="Edit monitor"
      initial={initial}
      kindFixed
      submitLabel="Save changes"
      pendingLabel="Saving…"
      pending={update.isPending}
      error={update.error}
      forbiddenMessage="Only members, admins and owners can change monitors."
      onSubmit={(state) =>
        update.mutate(toUpdateInput(state, monitor), {
          onSuccess: (saved) => {
            toast({ title: 'Monitor saved', description: saved.name });
            void navigate(back);
          },
        })
      }
      secondaryAction={
        <Link className={buttonClass('secondary')} to={back}>
          Cancel
        </Link>
      }
    />
  );
}
