import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useToast } from '@/components/toast';
import { useCreateMonitor } from '../api/mutations';
import { MonitorForm } from './monitor-form';
import { browserTimeZone } from '@/lib/time-zones';
import { initialValues, toCreateInput, type MonitorFormState } from './monitor-form-values';

/** Creates a monitor, then opens its page. */
export function CreateMonitorForm() {
  const createMonitor = useCreateMonitor();
  const toast = useToast();
  const navigate = useNavigate();
  const initial = useMemo<MonitorFormState>(() => ({ kind: 'HTTP', heartbeatMode: 'interval', values: initialValues(browserTimeZone()) }), []);
  return (
    <MonitorForm
      label="Create monitor"
      initial={initial}
      submitLabel="Create monitor"
      pendingLabel="Creating…"
      pending={createMonitor.isPending}
      error={createMonitor.error}
      forbiddenMessage="Only members, admins and owners can create monitors."
      onKindChange={() => createMonitor.reset()}
      onSubmit={(state) =>
        createMonitor.mutate(toCreateInput(state), {
          onSuccess: (monitor) => {
            toast({ title: 'Monitor created', description: monitor.name });
            void navigate(`/app/monitors/${monitor.id}`);
          },
        })
      }
    />
  );
}
