import type { MonitorStatus } from '@/gql/graphql';
import { STATUS_LABELS } from './format';

const TONES: Readonly<Record<MonitorStatus, string>> = {
  UP: 'badge--success',
  DOWN: 'badge--danger',
  DEGRADED: 'badge--warning',
  PENDING: '',
  PAUSED: '',
};

/** A monitor's (or a check's) status: a coloured dot and its name, so colour is never the only cue. */
export function StatusBadge({ status }: { status: MonitorStatus }) {
  return (
    <span className={`badge monitor-status ${TONES[status]}`.trim()} data-status={status} data-testid="monitor-status">
      <span className={`monitor-status__dot monitor-status__dot--${status.toLowerCase()}`} aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
