/**
 * What the log's handlers and the team's messages need of the team's sync (issue 16). The engine
 * (team-engine.ts, PouchDB) is plugged in by main.ts; without it (Node tests, no team) nothing is shared.
 */
import { t } from '../core/i18n';
import type { LocalAction } from '../core/team-doc';
import type { Item } from '../core/types';
import type { TeamMembers, TeamSignIn, TeamStatus } from '../shared/protocol';
import { NO_LIBRARY, type TeamLibraryPort } from './team-library-port';

export interface TeamPort {
  status(): Promise<TeamStatus>;
  test(req: TeamSignIn): Promise<TeamStatus>;
  join(req: TeamSignIn): Promise<TeamStatus>;
  signIn(password: string): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  /**
   * Before a user's action is written to the log: the team's copy in this browser records it first,
   * so a worker stopped between the two loses nothing (the team's copy is applied to the log at start).
   */
  beforeActions(keys: readonly string[], action: LocalAction): Promise<void>;
  /** After a page's report was stored: what this browser saw goes to the team, in the background. */
  afterReport(items: readonly Item[]): void;
  /** The team's reply library and handles (team-library.ts). */
  library: TeamLibraryPort;
  /** Assigns a comment to a member, or unassigns it (null), for the team (team-assign.ts). */
  assign(key: string, to: string | null): Promise<Item | null>;
  /** Oneself and the members "Assign to…" offers (me null: not in a team). */
  members(): Promise<TeamMembers>;
}

export const OFF: TeamStatus = { team: null, state: 'off', problem: null, lastSyncAt: null };

export const NO_TEAM: TeamPort = {
  status: async () => OFF,
  test: async () => {
    throw new RangeError(t('teamUnavailable'));
  },
  join: async () => {
    throw new RangeError(t('teamUnavailable'));
  },
  signIn: async () => OFF,
  leave: async () => OFF,
  beforeActions: async () => undefined,
  afterReport: () => undefined,
  library: NO_LIBRARY,
  assign: async () => {
    throw new RangeError(t('teamUnavailable'));
  },
  members: async () => ({ me: null, members: [] }),
};
