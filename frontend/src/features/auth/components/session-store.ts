import { errorCodeOf } from '@/lib/graphql-client';
import type { Session, SessionStatus } from '@/lib/session';
import { logOut as logOutRequest } from '../api/log-out';
import { refreshSession } from '../api/refresh-session';

/** Seconds before expiry to refresh the access token (at most a fifth of its lifetime). */
const REFRESH_MARGIN_SECONDS = 60;
/** Retry delay after a refresh that failed for a reason other than an ended session. */
const RETRY_SECONDS = 30;

export function refreshDelayMs(expiresIn: number): number {
  const margin = Math.min(REFRESH_MARGIN_SECONDS, expiresIn / 5);
  return Math.max(1, expiresIn - margin) * 1000;
}

export interface SessionSnapshot {
  readonly status: SessionStatus;
  readonly session: Session | null;
}

/**
 * The in-memory session: restored from the refresh cookie on start, refreshed before the access
 * token expires, forgotten on logout. Never touches web storage.
 */
export class SessionStore {
  private snapshot: SessionSnapshot = { status: 'restoring', session: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every sign-in/out so that a late refresh answer cannot resurrect an old session. */
  private generation = 0;
  private restoring = false;

  constructor(private readonly onCleared: () => void = () => {}) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  /** Restores the session once (silent refresh); safe to call repeatedly. */
  start() {
    if (this.snapshot.status === 'restoring' && !this.restoring) {
      this.restoring = true;
      this.refresh(this.generation);
    } else if (this.snapshot.session && this.timer === undefined) {
      this.refresh(this.generation);
    }
  }

  /** Stops timers (on unmount); `start` resumes. */
  stop() {
    this.cancelTimer();
  }

  readonly signIn = (session: Session) => {
    this.generation += 1;
    this.apply(session);
  };

  readonly clear = () => {
    this.generation += 1;
    this.cancelTimer();
    this.set({ status: 'anonymous', session: null });
    this.onCleared();
  };

  readonly logOut = async () => {
    const token = this.snapshot.session?.accessToken ?? null;
    this.clear();
    try {
      await logOutRequest(token);
    } catch {
      // The local session is gone either way; the server-side one expires on its own.
    }
  };

  private apply(session: Session) {
    this.set({ status: 'authenticated', session });
    this.schedule(refreshDelayMs(session.expiresIn));
  }

  private refresh(gen: number) {
    refreshSession().then(
      (session) => {
        this.restoring = false;
        if (gen === this.generation) this.apply(session);
      },
      (error: unknown) => {
        this.restoring = false;
        if (gen !== this.generation) return;
        const code = errorCodeOf(error);
        if (this.snapshot.session && (code === undefined || code === 'RATE_LIMITED' || code === 'INTERNAL_SERVER_ERROR')) {
          // Network trouble or a busy server: keep the session while its token lasts and retry.
          this.schedule(RETRY_SECONDS * 1000);
        } else if (this.snapshot.status !== 'anonymous' || this.snapshot.session) {
          this.clear();
        }
      },
    );
  }

  private schedule(delayMs: number) {
    this.cancelTimer();
    const gen = this.generation;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh(gen);
    }, Math.max(0, delayMs));
  }

  private cancelTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(next: SessionSnapshot) {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
