import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form';
import { useSession } from '@/lib/session';
import { useLogOutEverywhere } from '../api/log-out-everywhere';

/** "Log out" (this browser) and "Log out everywhere" (every session of the user, confirmed). */
export function SessionActions() {
  const { logOut } = useSession();
  const navigate = useNavigate();
  const logOutEverywhere = useLogOutEverywhere();

  return (
    <>
      {logOutEverywhere.isError ? <FormAlert>{logOutEverywhere.error.message}</FormAlert> : null}
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => {
            void logOut().then(() => navigate('/login', { replace: true }));
          }}
        >
          Log out
        </Button>
        <ConfirmButton
          trigger={
            <Button variant="danger" pending={logOutEverywhere.isPending} pendingLabel="Logging out…">
              Log out everywhere
            </Button>
          }
          title="Log out of every session?"
          description="Every browser and device signed in to your account — in every organization, this one included — is logged out at once."
          confirmLabel="Log out everywhere"
          onConfirm={() => logOutEverywhere.mutate(undefined, { onSuccess: () => void navigate('/login', { replace: true }) })}
        />
      </div>
    </>
  );
}
