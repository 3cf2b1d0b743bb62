import { useNavigate } from 'react-router';
import { useToast } from '@/components/toast';
import { useCreateMonitor } from '../api/mutations';
import { MonitorForm } from './monitor-form';
import { INITIAL_VALUES, toCreateInput } from './monitor-form-values';

const INITIAL = { kind: 'HTTP' as const, values: INITIAL_VALUES };

/** Creates a monitor, then opens its page. */
export function CreateMonitorForm() {
  const createMonitor = useCreateMonitor();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <MonitorForm
      label="Create monitor"
      initial={INITIAL}
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
