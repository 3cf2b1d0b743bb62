import * as Dialog from '@radix-ui/react-dialog';
import { Button } from '@/components/button';
import { MonitorPicker, useMonitorSearch } from '@/components/monitor-picker';
import '@/components/dialog.css';
import { useMonitorOptions, type MonitorOption } from '../api/monitor-options';

function PickerList({ added, onAdd }: { added: ReadonlySet<string>; onAdd: (monitor: MonitorOption) => void }) {
  const search = useMonitorSearch();
  const options = useMonitorOptions(search.search);
  return <MonitorPicker search={search} options={options} selection={{ mode: 'add', added, onAdd }} />;
}

/** "Add monitors": a dialog with a server-side search; each monitor is added under its own name. */
export function AddMonitorsDialog({ added, onAdd }: { added: ReadonlySet<string>; onAdd: (monitor: MonitorOption) => void }) {
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
          <div className="sp-picker">
            <PickerList added={added} onAdd={onAdd} />
          </div>
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
