import type { MonitorStatus } from '@/gql/graphql';
import { STATUS_LABELS } from './format';

const TONES: Readonly<Record<MonitorStatus, string>> = {
  UP: 'badge--success',
  DOWN: 'badge--danger',
  DEGRADED: 'badge--warning',
  PENDING: '',
  PAUSED: '',
};

/** The label of a status; a monitor down only because one it depends on is down says so. */
export function statusLabel(status: MonitorStatus, dependencyDown = false): string {
  return status === 'DOWN' && dependencyDown ? 'Dependency down' : STATUS_LABELS[status];
}

/**
 * A monitor's (or a check's) status: a coloured dot and its name, so colour is never the only
 * cue. `dependencyDown` turns DOWN into a muted "Dependency down": its own alerts are held back,
 * and the alarm belongs to the monitor it depends on.
 */
export function StatusBadge({ status, dependencyDown = false }: { status: MonitorStatus; dependencyDown?: boolean | undefined }) {
  const held = status === 'DOWN' && dependencyDown;
  return (
    <span
      className={held ? 'badge monitor-status monitor-status--dependency' : `badge monitor-status ${TONES[status]}`.trim()}
      data-status={status}
      data-dependency-down={held || undefined}
      data-testid="monitor-status"
      title={held ? 'Down because a monitor it depends on is down; its alerts are held back.' : undefined}
    >
      <span className={`monitor-status__dot monitor-status__dot--${held ? 'dependency' : status.toLowerCase()}`} aria-hidden="true" />
      {statusLabel(status, dependencyDown)}
    </span>
  );
}
