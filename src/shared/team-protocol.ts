/** The team's messages' shapes (issue 16): what the Options page sends to sign in, and the sync's status. */
import { type Check, shape, str } from '../core/validate';

/** What the Options page sends to sign in: the password goes to the server once and is not kept. */
export interface TeamSignIn {
  server: string;
  db: string;
  name: string;
  password: string;
}

/**
 * A team's sync as the pages show it: off (no team), syncing, idle (all caught up), offline (the
 * server cannot be reached: it retries on its own), signin (the session expired or was refused:
 * the password is asked again; actions meanwhile wait in this browser), error (a problem retrying
 * will not fix).
 */
export interface TeamStatus {
  team: { server: string; db: string; name: string } | null;
  state: 'off' | 'syncing' | 'idle' | 'offline' | 'signin' | 'error';
  problem: string | null;
  lastSyncAt: number | null;
}

/** Oneself and the team's members "Assign to…" offers (me null, members empty: not in a team). */
export interface TeamMembers {
  me: string | null;
  members: string[];
}

export const teamSignIn: Check<TeamSignIn> = shape<TeamSignIn>({
  server: str(2048, 1),
  db: str(238, 1),
  name: str(100, 1),
  password: str(1000, 1),
});
