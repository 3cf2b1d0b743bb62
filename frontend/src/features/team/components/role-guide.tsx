import { ROLE_SUMMARIES, roleLabel } from './format';

const ORDER = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const;

/** A short "what each role can do", shown next to role pickers (from docs/roles.md). */
export function RoleGuide({ roles = ORDER }: { roles?: readonly string[] }) {
  return (
    <details className="role-guide">
      <summary>What can each role do?</summary>
      <dl className="role-guide__list">
        {ORDER.filter((r) => roles.includes(r)).map((role) => (
          <div key={role} className="role-guide__item">
            <dt>{roleLabel(role)}</dt>
            <dd>{ROLE_SUMMARIES[role]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
