import { QueryState } from '@/components/query-state';
import { useMe } from '../api/get-me';


const ROLE_LABELS: Record<string, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' };

/** The logged-in user, their organization and role, as the server reports them (`me`). */
export function AccountDetails() {
  const me = useMe();
  return (
    <QueryState query={me} what="your account" skeletonLines={4}>
      {(data) => (
        <dl className="account__details" aria-label="Account details">
          <div className="account__row">
            <dt>Name</dt>
            <dd data-testid="account-name">{data.user.name}</dd>
          </div>
          <div className="account__row">
            <dt>Email</dt>
            <dd data-testid="account-email">{data.user.email}</dd>
          </div>
          <div className="account__row">
            <dt>Organization</dt>
            <dd data-testid="account-organization">
              {data.tenant.name} <span className="account__muted">({data.tenant.host})</span>
            </dd>
          </div>
          <div className="account__row">
            <dt>Role</dt>
            <dd data-testid="account-role">{ROLE_LABELS[data.role] ?? data.role}</dd>
          </div>
        </dl>
      )}
    </QueryState>
  );
}
