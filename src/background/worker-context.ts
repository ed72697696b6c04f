/**
 * What the background's handler groups share: the database, the browser's effects, the side work
 * after commits, the settings, and the Mastodon instances the user added.
 */
import { t } from '../core/i18n';
import { parseInstanceHost } from '../core/instances';
import type { Settings } from '../core/types';
import type { BackgroundProtocol, BackgroundType } from '../shared/protocol';
import type { BackgroundHandlers } from '../shared/router';
import { createCatalog } from './catalog';
import { type ReplylineDb, readSettings, SETTINGS_KEY, settingsFrom } from './db';
import type { BackgroundEffects } from './effects';
import { createSideWork } from './side-work';
import { NO_TEAM, type TeamPort } from './team-port';

/** A group of handlers for some of the protocol's messages; the service joins the groups into all of them. */
export type HandlerGroup<K extends BackgroundType & keyof BackgroundProtocol> = Pick<BackgroundHandlers, K>;

export function createWorkerContext(db: ReplylineDb, fx: BackgroundEffects) {
  const catalog = createCatalog(db);
  // Who this browser is in the team: its own actions, as they come back, are not a teammate's.
  const side = createSideWork(db, fx, catalog, async () => (await context.team.status()).team?.name ?? null);

  /** The Mastodon hosts the user added, kept while the worker lives (every settings write resets it). */
  let instanceHosts: Promise<Set<string>> | null = null;

  /**
   * Reads the settings, writes `change(settings)`, and returns what was written, in one transaction:
   * two changes at once (two switches flipped quickly) are applied one after the other, neither lost.
   */
  async function changeSettings(change: (settings: Settings) => Settings): Promise<Settings> {
    const tx = db.transaction('settings', 'readwrite');
    const next = change(settingsFrom(await tx.store.get(SETTINGS_KEY)));
    await tx.store.put(next, SETTINGS_KEY);
    await tx.done;
    instanceHosts = null;
    return next;
  }

  /**
   * Makes the instances' scripts follow the stored list and the browser's grants, one sync at a
   * time, each reading the list once it is its turn. Two at once (an add, and the resync of the
   * permissions.onAdded its grant fired) would both find the script missing and both register it
   * (the second fails: a duplicate id), or one that read the list before the add would unregister
   * the script the add just registered.
   */
  let instanceSync: Promise<void> = Promise.resolve();
  function syncInstancesInTurn(): Promise<void> {
    const run = instanceSync.then(async () => fx.syncInstances((await readSettings(db)).mastodonHosts));
    instanceSync = run.catch(() => undefined);
    return run;
  }

  const context = {
    db,
    fx,
    side,
    catalog,
    /** The team's sync (issue 16): set once by the service when an engine is plugged in. */
    team: NO_TEAM as TeamPort,
    readSettings: () => readSettings(db),
    changeSettings,
    /** A settings change that makes open pages judge again (handles, sites, picker, selectors). */
    async changeSettingsAndRefresh(change: (settings: Settings) => Settings): Promise<Settings> {
      const next = await changeSettings(change);
      await fx.broadcastRefresh();
      return next;
    },
    knownInstances(): Promise<Set<string>> {
      instanceHosts ??= readSettings(db).then((s) => new Set(s.mastodonHosts));
      return instanceHosts;
    },
    syncInstancesInTurn,
    /** After the list of instances changed some other way (an import, a clear): scripts and access follow. */
    async afterInstancesReplaced(before: readonly string[]): Promise<void> {
      instanceHosts = null;
      const after = (await readSettings(db)).mastodonHosts;
      for (const host of before.filter((h) => !after.includes(h))) await fx.withdrawInstance(host);
      await syncInstancesInTurn();
    },
    /** Why a host is not one the user may add as an instance (null when it is one). */
    instanceHostProblem(host: string): string | null {
      if (parseInstanceHost(host) !== host) return t('instanceInvalid');
      if (fx.isSiteUrl(`https://${host}/`)) return t('instanceBuiltIn', host);
      return null;
    },
  };
  return context;
}

export type WorkerContext = ReturnType<typeof createWorkerContext>;
