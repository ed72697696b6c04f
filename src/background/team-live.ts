/**
 * The team's live replication (issue 16): both ways, continuous, retrying on its own while the
 * server is down, and its state as the pages show it.
 */
import PouchDB from './pouch';
import { t } from '../core/i18n';
import { type TeamConfig, teamDbUrl } from '../core/team-config';
import type { TeamStatus } from '../shared/protocol';
import type { TeamDb } from './team-bridge';

export interface LiveHooks {
  now(): number;
  set(next: Partial<TeamStatus>): void;
  /** The team's copy changed (pulled from the server): the log follows. */
  changed(): void;
}

export function remoteDb(config: TeamConfig): PouchDB.Database {
  return new PouchDB(teamDbUrl(config), { skip_setup: true });
}

/** Retries after 1 s, doubling up to 10 s (PouchDB's own goes up to 10 minutes): a server back is seen soon. */
export const backOff = (delay: number): number => (delay === 0 ? 1000 : Math.min(delay * 2, 10_000));

export function createLive(hooks: LiveHooks) {
  let live: PouchDB.Replication.Sync<object> | null = null;
  let host = '';

  function onFailure(error: unknown) {
    const code = (error as { status?: number }).status;
    if (code === 401 || code === 403) {
      // A session that ended: retrying would only be refused again. The password is asked for.
      stop();
      hooks.set({ state: 'signin', problem: t('teamSessionExpired') });
    }
    else hooks.set({ state: 'offline', problem: t('teamUnreachable', host) });
  }

  function stop(): void {
    live?.cancel();
    live = null;
  }

  return {
    start(local: TeamDb, config: TeamConfig): void {
      if (live) return;
      host = new URL(config.server).host;
      live = local.sync(remoteDb(config), { live: true, retry: true, batch_size: 500, back_off_function: backOff });
      live.on('active', () => hooks.set({ state: 'syncing', problem: null }));
      live.on('paused', (error) => {
        if (error) return onFailure(error);
        hooks.set({ state: 'idle', problem: null, lastSyncAt: hooks.now() });
      });
      live.on('denied', (error) => console.error('Replyline: the team server refused a change', JSON.stringify(error)));
      live.on('error', (error) => {
        live = null;
        onFailure(error);
      });
      live.on('change', hooks.changed);
    },
    stop,
    get running() {
      return live !== null;
    },
  };
}
