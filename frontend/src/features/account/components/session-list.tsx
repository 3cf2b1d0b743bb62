import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { useMySessions } from '../api/get-my-sessions';
import { useRevokeSession } from '../api/revoke-session';
import { describeUserAgent, formatDateTime } from './user-agent';

type SessionRow = NonNullable<ReturnType<typeof useMySessions>['data']>[number];

/** The caller's sessions (browsers/devices) in every organization, with "End session" for the others. */
export function SessionList() {
  const sessions = useMySessions();
  return (
    <QueryState query={sessions} what="your sessions" isEmpty={(data) => data.length === 0} empty={<EmptyState title="No active sessions." />}>
      {(data) => <SessionRows data={data} />}
    </QueryState>
  );
}

function SessionRows({ data }: { data: readonly SessionRow[] }) {
  const revoke = useRevokeSession();
  const toast = useToast();

  return (
    <>
      {revoke.isError ? <FormAlert>Could not end the session: {revoke.error.message}</FormAlert> : null}
      <ul className="account__session-list" aria-label="Active sessions">
        {data.map((s) => {
          const device = describeUserAgent(s.userAgent);
          return (
            <li key={s.id} className="account__session" data-testid="session-row">
              <div className="account__session-info">
                <span className="account__session-device" title={s.userAgent ?? undefined}>
                  {device}
                </span>
                {s.current ? <span className="badge badge--accent">This browser</span> : null}
                <span className="muted account__session-meta">
                  {s.tenantSlug} · last active {formatDateTime(s.lastActiveAt)}
                </span>
              </div>
              {s.current ? null : (
                <ConfirmButton
                  trigger={
                    <Button variant="secondary" size="sm" aria-label={`End session ${device} in ${s.tenantSlug}`}>
                      End session
                    </Button>
                  }
                  title={`End the session on ${device}?`}
                  description={`That browser or device is logged out of ${s.tenantSlug} at once; it can log in again with the password.`}
                  confirmLabel="End session"
                  onConfirm={() => {
                    revoke.reset();
                    revoke.mutate(s.id, { onSuccess: () => toast({ title: 'Session ended', description: `${device} in ${s.tenantSlug}.` }) });
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
