import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { useMySessions } from '../api/get-my-sessions';
import { useRevokeSession } from '../api/revoke-session';
import { describeUserAgent, formatDateTime } from './user-agent';

/** The caller's sessions (browsers/devices) in every organization, with "End session" for the others. */
export function SessionList() {
  const sessions = useMySessions();
  return (
    <QueryState
      query={sessions}
      what="your sessions"
      isEmpty={(data) => data.length === 0}
      empty={<EmptyState title="No active sessions." />}
    >
      {(data) => <SessionRows data={data} />}
    </QueryState>
  );
}

function SessionRows({ data }: { data: NonNullable<ReturnType<typeof useMySessions>['data']> }) {
  const revoke = useRevokeSession();
  const [confirming, setConfirming] = useState<string | null>(null);

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
                {s.current ? <span className="account__badge">This browser</span> : null}
                <span className="account__muted account__session-meta">
                  {s.tenantSlug} · last active {formatDateTime(s.lastActiveAt)}
                </span>
              </div>
              {s.current ? null : confirming === s.id ? (
                <span className="account__confirm">
                  <button
                    type="button"
                    className="button account__danger account__small"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(s.id, { onSettled: () => setConfirming(null) })}
                  >
                    {revoke.isPending ? 'Ending…' : 'Confirm end session'}
                  </button>
                  <button type="button" className="button--link" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--secondary account__small"
                  aria-label={`End session ${device} in ${s.tenantSlug}`}
                  onClick={() => {
                    revoke.reset();
                    setConfirming(s.id);
                  }}
                >
                  End session
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
