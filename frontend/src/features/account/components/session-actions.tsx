import { useNavigate } from 'react-router';
import { FormAlert } from '@/components/form';
import { useSession } from '@/lib/session';
import { useLogOutEverywhere } from '../api/log-out-everywhere';

/** "Log out" (this browser) and "Log out everywhere" (every session of the user). */
export function SessionActions() {
  const { logOut } = useSession();
  const navigate = useNavigate();
  const logOutEverywhere = useLogOutEverywhere();

  return (
    <>
      {logOutEverywhere.isError ? <FormAlert>{logOutEverywhere.error.message}</FormAlert> : null}
      <div className="account__sessions">
        <button
          type="button"
          className="button"
          onClick={() => {
            void logOut().then(() => navigate('/login', { replace: true }));
          }}
        >
          Log out
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={logOutEverywhere.isPending}
          onClick={() =>
            logOutEverywhere.mutate(undefined, { onSuccess: () => void navigate('/login', { replace: true }) })
          }
        >
          {logOutEverywhere.isPending ? 'Logging out…' : 'Log out everywhere'}
        </button>
      </div>
    </>
  );
}
